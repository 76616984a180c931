package kvlab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import kvlab.grader.FileTrees;

/**
 * One run of one graded test under one seed with the harness's trace export switched on
 * ({@code kvlab.trace.out}, see {@code kvlab.harness.sim.SimulationExtension}).
 *
 * @param outcome how the test ended
 * @param digest the trace digest, empty when the test received no {@code Simulation} (or its fork died)
 * @param trace the full trace text, when asked for and available
 * @param evidence the test's export for the HTML report, when asked for and available
 */
public record TracedRun(TestOutcome outcome, Optional<TraceDigest> digest, Optional<String> trace,
                        Optional<Evidence> evidence) {
    /** The harness's system property naming the digest file. */
    static final String TRACE_OUT = "kvlab.trace.out";
    /** The harness's system property asking for full trace files too. */
    static final String TRACE_FULL = "kvlab.trace.full";

    /**
     * A simulated test's trace fingerprint, as the harness exports it.
     *
     * @param digest the trace digest
     * @param events how many events the trace recorded
     */
    public record TraceDigest(String digest, long events) {
    }

    /**
     * Runs {@code test} alone in a fresh fork under {@code seed}; with {@code full}, keeps the trace text;
     * with {@code export}, keeps its {@link Evidence} (whether it passed or failed).
     */
    public static TracedRun run(ForkSpec spec, GradedTest test, long seed, boolean full, boolean export) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kvlab-trace-");
            Path out = dir.resolve("digests.txt");
            ForkSpec traced = spec.withSystemProperty(TRACE_OUT, out.toString())
                    .withSystemProperty(TRACE_FULL, Boolean.toString(full))
                    .withSystemProperty(Evidence.PROPERTY, export ? "all" : "");
            TestOutcome outcome = TestRunner.run(traced, List.of(test), seed, TestRunner.Progress.SILENT).get(0);
            String id = testId(test);
            Path traceFile = Path.of(out + "." + id + ".trace");
            Optional<String> trace = full && Files.isRegularFile(traceFile)
                    ? Optional.of(Files.readString(traceFile, StandardCharsets.UTF_8)) : Optional.empty();
            Optional<Evidence> evidence = export ? Evidence.read(Evidence.file(out, test)) : Optional.empty();
            return new TracedRun(outcome, digest(out, id), trace, evidence);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace export", e);
        } finally {
            if (dir != null) {
                FileTrees.delete(dir);
            }
        }
    }

    /** {@code SimpleClass#method}: how the harness names a test in its export. */
    static String testId(GradedTest test) {
        return test.simpleClassName() + "#" + test.methodName();
    }

    /** The last export line for {@code id}: {@code id seed digest events}. */
    private static Optional<TraceDigest> digest(Path out, String id) throws IOException {
        if (!Files.isRegularFile(out)) {
            return Optional.empty();
        }
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .map(line -> line.split(" "))
                .filter(fields -> fields.length == 4 && fields[0].equals(id))
                .reduce((first, second) -> second)
                .map(fields -> new TraceDigest(fields[2], Long.parseLong(fields[3])));
    }
}
