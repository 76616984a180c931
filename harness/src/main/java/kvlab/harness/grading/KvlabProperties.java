package kvlab.harness.grading;

/**
 * The system properties through which the grader (and a student's {@code mvn ... -D...}) talks to the
 * harness inside a test JVM: each name is declared here once, and both sides use these constants.
 *
 * <p>All are compile-time constants, so a class that uses one does not load this class at run time.
 */
public final class KvlabProperties {
    /** The seed every simulated test uses instead of its default, when set and not blank. */
    public static final String SEED = "kvlab.seed";
    /** The Maven module under test, set by the grader (its test JVMs run in a scratch directory). */
    public static final String MODULE = "kvlab.module";
    /** Names the file that collects one {@link DigestLine} per simulated test. */
    public static final String TRACE_OUT = "kvlab.trace.out";
    /** {@code true}: also write each simulated test's full trace text beside {@link #TRACE_OUT}. */
    public static final String TRACE_FULL = "kvlab.trace.full";
    /** {@code failed} or {@code all}: write those tests' JSON export ({@link TestExport}) beside {@link #TRACE_OUT}. */
    public static final String TRACE_EVIDENCE = "kvlab.trace.evidence";
    /**
     * The Maven property (the root pom's, passed on to surefire's {@code excludedGroups}) that replay
     * commands set to {@code none}, so that graded tests run even under the {@code course} profile.
     */
    public static final String EXCLUDED_GROUPS = "kvlab.excludedGroups";

    private KvlabProperties() {
    }
}
