package kvlab.grader.engine;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kvlab.grader.FileTrees;
import kvlab.grader.engine.TracedRun.TraceDigest;
import kvlab.harness.grading.DigestLine;
import kvlab.harness.grading.KvlabProperties;

/**
 * A scratch directory where forks export trace digests ({@code kvlab.trace.out}, see
 * {@code kvlab.harness.junit.SimulationExtension}): one {@link DigestLine} per simulated test, and with
 * {@code full} the trace text beside it.
 */
final class TraceExport implements AutoCloseable {
    /** The harness's system property naming the digest file. */
    static final String TRACE_OUT = KvlabProperties.TRACE_OUT;
    /** The harness's system property asking for full trace files too. */
    static final String TRACE_FULL = KvlabProperties.TRACE_FULL;

    private final Path dir;
    private final Path file;

    private TraceExport(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("digests.txt");
    }

    static TraceExport create() {
        try {
            return new TraceExport(Files.createTempDirectory("kvlab-trace-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the trace export", e);
        }
    }

    /** {@code spec} with the export switched on into this directory. */
    ForkSpec applyTo(ForkSpec spec, boolean full) {
        return spec.withSystemProperty(TRACE_OUT, file.toString()).withSystemProperty(TRACE_FULL, Boolean.toString(full));
    }

    /** {@code SimpleClass#method}: how the harness names a test in its export. */
    static String testId(GradedTest test) {
        return test.simpleClassName() + "#" + test.methodName();
    }

    /** The exported digest of each test id; the last line wins when a test ran more than once. */
    Map<String, TraceDigest> digests() {
        Map<String, TraceDigest> digests = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return digests;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(d -> digests.put(d.test(), new TraceDigest(d.digest(), d.events())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace export " + file, e);
        }
        return digests;
    }

    /** One digest line; empty for one that is not (a fork killed while it wrote leaves half a line). */
    private static Optional<DigestLine> parse(String line) {
        try {
            return line.isBlank() ? Optional.empty() : Optional.of(DigestLine.parse(line));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The full trace text of a test, when it was asked for and written. */
    Optional<String> trace(GradedTest test) {
        Path trace = Path.of(file + "." + testId(test) + ".trace");
        try {
            return Files.isRegularFile(trace) ? Optional.of(Files.readString(trace, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + trace, e);
        }
    }

    /** The export of a test's run under {@code seed} for the HTML report, when asked for ({@link Evidence#PROPERTY}). */
    Optional<Evidence> evidence(GradedTest test, long seed) {
        return Evidence.read(Evidence.file(file, test, seed));
    }

    @Override
    public void close() {
        FileTrees.delete(dir);
    }
}
