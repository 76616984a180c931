package kvlab.harness.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import kvlab.harness.grading.KvlabProperties;

/**
 * Where a test's seed comes from, and how to replay it.
 *
 * <p>A test runs with its default seed unless the system property {@value #PROPERTY} is set and
 * not blank, in which case that seed is used instead: {@code -Dkvlab.seed=N} replays a failure.
 */
public final class Seeds {
    /** The system property that overrides every test's default seed. */
    public static final String PROPERTY = KvlabProperties.SEED;
    /** The system property naming the module under test, set by the grader. */
    public static final String MODULE_PROPERTY = KvlabProperties.MODULE;

    private Seeds() {}

    /**
     * The seed to use: {@value #PROPERTY} if set and not blank, else {@code defaultSeed}.
     *
     * @throws IllegalArgumentException if the property is set but is not a decimal long
     */
    public static long seed(long defaultSeed) {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return defaultSeed;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + " must be a decimal integer, was '" + value + "'", e);
        }
    }

    /**
     * A stable default seed for a test id such as {@code "RaftTest#electsOneLeader"}: the first
     * eight bytes of SHA-256 of its UTF-8 bytes, reduced to [0, 10^9) so it is easy to type. The
     * same id gives the same seed on every JVM and machine.
     */
    public static long defaultFor(String testId) {
        return Math.floorMod(sha256Long(testId.getBytes(StandardCharsets.UTF_8)), 1_000_000_000L);
    }

    /**
     * The shell command that replays one test with one seed from the repository root, for example
     * {@code mvn -pl project2-raft -am test -Dtest=RaftTest#electsOneLeader
     * -Dsurefire.failIfNoSpecifiedTests=false -Dkvlab.excludedGroups=none -Dkvlab.seed=42}. {@code -am}
     * builds the harness too (a fresh clone has not installed it), the surefire flag lets the other
     * modules of that build run no test, and {@code kvlab.excludedGroups=none} keeps the graded test
     * even in the instructors' repository, whose {@code course} profile leaves graded tests out. The
     * grader prints this same command (its {@code Replay} calls here).
     *
     * @param reference the test ran against the reference solutions: adds {@code -Preference}
     */
    public static String replayCommand(String module, String testClass, String method, long seed, boolean reference) {
        return "mvn -pl " + module + " -am test -Dtest=" + testClass + "#" + method
                + " -Dsurefire.failIfNoSpecifiedTests=false -D" + KvlabProperties.EXCLUDED_GROUPS + "=none -D" + PROPERTY + "=" + seed
                + (reference ? " -Preference" : "");
    }

    /**
     * Whether {@code testClass} was loaded from a reference build: the {@code reference} profile
     * builds into {@code target-reference/} instead of {@code target/}.
     */
    public static boolean isReferenceBuild(Class<?> testClass) {
        var source = testClass.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("/target-reference/");
    }

    /**
     * The Maven module under test: {@value #MODULE_PROPERTY} where the grader sets it (its test JVMs
     * run in a scratch directory of their own), else the base name of {@code user.dir}, which
     * surefire sets to the module.
     */
    public static String currentModule() {
        String module = System.getProperty(MODULE_PROPERTY, "").trim();
        if (!module.isEmpty()) {
            return module;
        }
        Path dir = Path.of(System.getProperty("user.dir", "")).toAbsolutePath().getFileName();
        return dir == null ? "." : dir.toString();
    }

    /** The first eight bytes of SHA-256 of {@code bytes}, big-endian. */
    static long sha256Long(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            long value = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
