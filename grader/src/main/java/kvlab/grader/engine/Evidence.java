package kvlab.grader.engine;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kvlab.harness.grading.KvlabProperties;

/**
 * What one simulated test exported for the HTML report (the harness's {@code TraceExport}, switched on by
 * {@value #PROPERTY}): its retained trace, the client history it recorded and the linearizability
 * checker's verdict on it.
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

    /** One trace event; {@code node} is -1 for none, {@code kind} an {@code EventKind} name. */
    public record Event(long time, int node, String kind, String detail) {
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
            return Optional.of(parse(new JsonReader(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace export " + file, e);
        } catch (IllegalStateException | NumberFormatException e) {
            throw new IllegalStateException("malformed trace export " + file + ": " + e.getMessage(), e);
        }
    }

    private static Evidence parse(JsonReader json) throws IOException {
        String test = "";
        long seed = 0;
        String digest = "";
        long events = 0;
        List<Event> trace = new ArrayList<>();
        List<ClientOp> history = new ArrayList<>();
        Optional<Verdict> verdict = Optional.empty();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "test" -> test = json.nextString();
                case "seed" -> seed = json.nextLong();
                case "digest" -> digest = json.nextString();
                case "events" -> events = json.nextLong();
                case "trace" -> readArray(json, () -> trace.add(new Event(json.nextLong(), json.nextInt(),
                        json.nextString(), json.nextString())));
                case "history" -> readArray(json, () -> history.add(new ClientOp(json.nextInt(), json.nextInt(),
                        json.nextString(), json.nextString(), json.nextLong(), json.nextLong())));
                case "verdict" -> verdict = Optional.of(verdict(json));
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new Evidence(test, seed, digest, events, trace, history, verdict);
    }

    /** Reads an array of arrays, {@code element} reading the fields of each inner array. */
    private static void readArray(JsonReader json, Fields element) throws IOException {
        json.beginArray();
        while (json.hasNext()) {
            json.beginArray();
            element.read();
            json.endArray();
        }
        json.endArray();
    }

    private interface Fields {
        void read() throws IOException;
    }

    private static Verdict verdict(JsonReader json) throws IOException {
        String outcome = "";
        String text = "";
        Optional<String> key = Optional.empty();
        OptionalInt unplaced = OptionalInt.empty();
        List<Integer> order = new ArrayList<>();
        List<Integer> concurrent = new ArrayList<>();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "outcome" -> outcome = json.nextString();
                case "text" -> text = json.nextString();
                case "key" -> key = Optional.of(json.nextString());
                case "unplaced" -> unplaced = OptionalInt.of(json.nextInt());
                case "order" -> ids(json, order);
                case "concurrent" -> ids(json, concurrent);
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new Verdict(outcome, text, key, unplaced, order, concurrent);
    }

    private static void ids(JsonReader json, List<Integer> into) throws IOException {
        json.beginArray();
        while (json.peek() != JsonToken.END_ARRAY) {
            into.add(json.nextInt());
        }
        json.endArray();
    }
}
