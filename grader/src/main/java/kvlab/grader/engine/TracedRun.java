package kvlab.grader.engine;

import java.util.List;
import java.util.Optional;

/**
 * One run of one graded test under one seed with the harness's trace export switched on
 * ({@link TraceExport}).
 *
 * @param outcome how the test ended
 * @param digest the trace digest, empty when the test received no {@code Simulation} (or its fork died)
 * @param trace the full trace text, when asked for and available
 * @param evidence the test's export for the HTML report, when asked for and available
 */
public record TracedRun(TestOutcome outcome, Optional<TraceDigest> digest, Optional<String> trace,
                        Optional<Evidence> evidence) {
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
        try (TraceExport traces = TraceExport.create()) {
            ForkSpec traced = traces.applyTo(spec, full).withSystemProperty(Evidence.PROPERTY, export ? "all" : "");
            TestOutcome outcome = TestRunner.run(traced, List.of(test), seed, TestRunner.Progress.SILENT).get(0);
            Optional<String> trace = full ? traces.trace(test) : Optional.empty();
            Optional<Evidence> evidence = export ? traces.evidence(test, seed) : Optional.empty();
            return new TracedRun(outcome, Optional.ofNullable(traces.digests().get(TraceExport.testId(test))), trace,
                    evidence);
        }
    }
}
