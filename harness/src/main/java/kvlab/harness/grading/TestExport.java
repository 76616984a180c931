package kvlab.harness.grading;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The JSON export of one simulated test, which the harness writes ({@code kvlab.harness.junit.TraceExport},
 * switched on by {@value KvlabProperties#TRACE_EVIDENCE}) and the grader reads for its HTML report. One
 * UTF-8 JSON object, written and read by Gson from these records; a {@code null} field is left out.
 *
 * <p>Contract: lists are never {@code null} when written; a reader treats a missing list as empty and
 * ignores fields it does not know. Writers may pass list views (the trace is streamed element by element,
 * so a 100,000-event trace needs no second copy in memory); this record does not copy them.
 *
 * @param test {@code SimpleClass#method}
 * @param seed the seed it ran under
 * @param digest its trace digest (SHA-256 of the full trace text)
 * @param events how many events it ever traced; {@code trace} holds only the retained last ones
 * @param failed whether the test failed
 * @param trace the retained events, oldest first
 * @param history the client operations, in invocation order; empty when the test recorded none
 * @param verdict the linearizability checker's verdict, {@code null} when the test recorded none
 */
public record TestExport(String test, long seed, String digest, long events, boolean failed, List<Event> trace,
                         List<Op> history, Verdict verdict) {
    /** HTML escaping off: the file is read back by Gson, never embedded in a page as it is. */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * One trace event.
     *
     * @param node the node id, -1 for none
     * @param kind an {@code EventKind} name
     * @param detail the event's text exactly as traced
     * @param role for a {@code STATE} event, the node's protocol role ({@code LEADER}); else {@code null}
     * @param term for a {@code STATE} event, the node's term; else {@code null}
     */
    public record Event(long time, int node, String kind, String detail, String role, Long term) {
    }

    /**
     * One client operation.
     *
     * @param call the call as {@code KvOp#call()} shows it
     * @param returned the virtual time it returned, -1 when it never did
     */
    public record Op(int id, int client, String key, String call, long invoked, long returned) {
    }

    /**
     * The checker's verdict: {@code outcome} OK, ILLEGAL or UNKNOWN and its explanation; for ILLEGAL the
     * key, the operation that fits no order ({@code unplaced}), the tail of the longest linearizable order
     * found and the operations concurrent with it (op ids). {@code key} and {@code unplaced} are
     * {@code null} unless ILLEGAL.
     */
    public record Verdict(String outcome, String text, String key, Integer unplaced, List<Integer> order,
                          List<Integer> concurrent) {
    }

    /** Writes this export as one JSON object and a newline. */
    public void write(Writer out) {
        GSON.toJson(this, TestExport.class, out);
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an export.
     *
     * @throws JsonParseException if the text is not an export
     */
    public static TestExport read(Reader in) {
        TestExport export = GSON.fromJson(in, TestExport.class);
        if (export == null) {
            throw new JsonParseException("empty trace export");
        }
        return export;
    }
}
