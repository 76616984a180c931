package kvlab.harness.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kvlab.harness.linearizability.CheckResult;
import kvlab.harness.linearizability.History;
import kvlab.harness.linearizability.KvOp;
import kvlab.harness.linearizability.Violation;
import kvlab.harness.trace.TraceEvent;

/**
 * The machine-readable record of one simulated test, from which the grader draws its HTML report. One
 * UTF-8 JSON object:
 * <ul>
 *   <li>{@code test}, {@code seed}, {@code digest}, {@code events} (how many were ever traced),
 *       {@code failed};
 *   <li>{@code trace}: the retained events, oldest first, each {@code [time, node, "KIND", "detail"]}
 *       with node {@code -1} for none;
 *   <li>{@code history}, when the test recorded one ({@link Simulation#recordHistory}): each operation
 *       {@code [id, client, "key", "call", invokeTime, returnTime]}, returnTime {@code -1} when pending, call as
 *       {@link KvOp#call()} shows it;
 *   <li>{@code verdict}, when the test recorded one ({@link Simulation#recordVerdict}):
 *       {@code {outcome, text}} and, for ILLEGAL, {@code key}, {@code unplaced} (an op id),
 *       {@code order} and {@code concurrent} (op ids of the violation's lists).
 * </ul>
 * Written by streaming, so a 100,000-event trace needs no second copy in memory.
 */
final class TraceExport {
    private TraceExport() {
    }

    static void write(Path file, String testId, Simulation sim, boolean failed) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write("{\"test\":" + string(testId) + ",\"seed\":" + sim.seed() + ",\"digest\":"
                    + string(sim.trace().digest()) + ",\"events\":" + sim.trace().size() + ",\"failed\":" + failed
                    + ",\n\"trace\":[");
            String separator = "\n";
            for (TraceEvent e : sim.trace().events()) {
                out.write(separator + "[" + e.time() + "," + e.node() + "," + string(e.kind().name()) + ","
                        + string(e.detail()) + "]");
                separator = ",\n";
            }
            out.write("]");
            if (sim.history().isPresent()) {
                writeHistory(out, sim.history().get());
            }
            if (sim.verdict().isPresent()) {
                out.write(",\n\"verdict\":" + verdict(sim.verdict().get()));
            }
            out.write("}\n");
        }
    }

    private static void writeHistory(Writer out, History history) throws IOException {
        out.write(",\n\"history\":[");
        String separator = "\n";
        for (KvOp op : history.ops()) {
            out.write(separator + "[" + op.id() + "," + op.clientId() + "," + string(op.key()) + ","
                    + string(op.call()) + ","
                    + op.invokeTime() + "," + (op.pending() ? -1 : op.returnTime()) + "]");
            separator = ",\n";
        }
        out.write("]");
    }

    private static String verdict(CheckResult result) {
        StringBuilder json = new StringBuilder("{\"outcome\":" + string(result.outcome().name())
                + ",\"text\":" + string(result.describe()));
        if (result instanceof CheckResult.Illegal illegal) {
            Violation v = illegal.violation();
            json.append(",\"key\":").append(string(v.key())).append(",\"unplaced\":").append(v.unplaced().id())
                    .append(",\"order\":").append(ids(v.orderTail()))
                    .append(",\"concurrent\":").append(ids(v.concurrent()));
        }
        return json.append('}').toString();
    }

    private static String ids(List<KvOp> ops) {
        return ops.stream().map(op -> Integer.toString(op.id())).toList().toString().replace(" ", "");
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
