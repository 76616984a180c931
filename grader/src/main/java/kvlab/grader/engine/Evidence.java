package kvlab.grader.engine;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kvlab.harness.cluster.RoleTrace;
import kvlab.harness.grading.KvlabProperties;
import kvlab.harness.grading.TestExport;

/**
 * What one simulated test exported for the HTML report (the harness's {@link TestExport}, switched on by
 * {@value #PROPERTY}): its retained trace, the client history it recorded and the linearizability
 * checker's verdict on it. The grader's own view of that record: absent fields are empty, not null.
 *
 * @param test {@code SimpleClass#method}
 * @param seed the seed it ran under
 * @param digest its trace digest
 * @param events how many events it ever traced; {@code trace} holds only the retained last ones
 * @param trace the retained events, oldest first
 * @param history the client operations, in invocation order; empty when the test recorded none
 * @param verdict the checker's verdict, when the test recorded one
 */
public record Evidence(String test, long seed, String digest, long events, List<Event> trace,
                       List<ClientOp> history, Optional<Verdict> verdict) {
    /** The harness's system property: {@code failed} or {@code all} exports those tests. */
    static final String PROPERTY = KvlabProperties.TRACE_EVIDENCE;

    public Evidence {
        trace = List.copyOf(trace);
        history = List.copyOf(history);
    }

    /**
     * One trace event; {@code node} is -1 for none, {@code kind} an {@code EventKind} name, {@code state} the
     * role and term of a STATE event (empty for other kinds, and for an export that did not carry them).
     */
    public record Event(long time, int node, String kind, String detail, Optional<RoleTrace.State> state) {
        /** An event without a role and term. */
        public Event(long time, int node, String kind, String detail) {
            this(time, node, kind, detail, Optional.empty());
        }
    }

    /** One client operation; {@code returned} is -1 when it never returned. */
    public record ClientOp(int id, int client, String key, String call, long invoked, long returned) {
        public boolean pending() {
            return returned < 0;
        }
    }

    /**
     * The checker's verdict: {@code outcome} OK, ILLEGAL or UNKNOWN and its explanation; for ILLEGAL the
     * key, the operation that fits no order ({@code unplaced}), the tail of the longest linearizable order
     * found and the operations concurrent with it (op ids).
     */
    public record Verdict(String outcome, String text, Optional<String> key, OptionalInt unplaced,
                          List<Integer> order, List<Integer> concurrent) {
        public Verdict {
            order = List.copyOf(order);
            concurrent = List.copyOf(concurrent);
        }
    }

    /** {@code spec} with the harness's export on: digests to {@code dir/digests.txt}, the JSON of each failing test. */
    public static ForkSpec exportingFailures(ForkSpec spec, Path dir) {
        return spec.withSystemProperty(TraceExport.TRACE_OUT, digestFile(dir).toString())
                .withSystemProperty(PROPERTY, "failed");
    }

    /**
     * The export of {@code test} under {@code seed} in a directory filled by forks of
     * {@link #exportingFailures}, if one wrote it.
     */
    public static Optional<Evidence> readExported(Path dir, GradedTest test, long seed) {
        return read(file(digestFile(dir), test, seed));
    }

    /** Where the harness writes the JSON of {@code test} under {@code seed}, beside the digest file {@code out}. */
    static Path file(Path out, GradedTest test, long seed) {
        return Path.of(out + "." + TraceExport.testId(test) + "." + seed + ".json");
    }

    private static Path digestFile(Path dir) {
        return dir.resolve("digests.txt");
    }

    /** Reads an export; empty when there is no such file. */
    static Optional<Evidence> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(of(TestExport.read(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace export " + file, e);
        } catch (JsonParseException e) {
            throw new IllegalStateException("malformed trace export " + file + ": " + e.getMessage(), e);
        }
    }

    /** The grader's view of what the harness wrote; a missing field reads as empty. */
    static Evidence of(TestExport export) {
        List<Event> trace = orEmpty(export.trace()).stream().map(e -> new Event(e.time(), e.node(), orEmpty(e.kind()),
                orEmpty(e.detail()), e.role() == null || e.term() == null ? Optional.empty()
                        : Optional.of(new RoleTrace.State(e.role(), e.term())))).toList();
        List<ClientOp> history = orEmpty(export.history()).stream().map(op -> new ClientOp(op.id(), op.client(),
                orEmpty(op.key()), orEmpty(op.call()), op.invoked(), op.returned())).toList();
        return new Evidence(orEmpty(export.test()), export.seed(), orEmpty(export.digest()), export.events(), trace,
                history, Optional.ofNullable(export.verdict()).map(Evidence::verdict));
    }

    private static Verdict verdict(TestExport.Verdict v) {
        return new Verdict(orEmpty(v.outcome()), orEmpty(v.text()), Optional.ofNullable(v.key()),
                v.unplaced() == null ? OptionalInt.empty() : OptionalInt.of(v.unplaced()), orEmpty(v.order()),
                orEmpty(v.concurrent()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
