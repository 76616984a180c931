package kvlab.harness.junit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kvlab.harness.cluster.RoleTrace;
import kvlab.harness.grading.TestExport;
import kvlab.harness.linearizability.CheckResult;
import kvlab.harness.linearizability.KvOp;
import kvlab.harness.linearizability.Violation;
import kvlab.harness.sim.Simulation;
import kvlab.harness.trace.EventKind;
import kvlab.harness.trace.TraceEvent;

/**
 * Writes the machine-readable record of one simulated test, from which the grader draws its HTML report:
 * a {@link TestExport} (the format is documented there), with the retained trace, the client history
 * ({@link Simulation#recordHistory}) and the checker's verdict ({@link Simulation#recordVerdict}).
 *
 * <p>The trace and history are passed to Gson as views over the simulation's own lists, so a
 * 100,000-event trace is streamed to the file and needs no second copy in memory.
 */
final class TraceExport {
    private TraceExport() {
    }

    static void write(Path file, String testId, Simulation sim, boolean failed) throws IOException {
        List<TestExport.Op> history = sim.history().map(h -> view(h.ops(), TraceExport::op)).orElse(List.of());
        TestExport export = new TestExport(testId, sim.seed(), sim.trace().digest(), sim.trace().size(), failed,
                view(sim.trace().events(), TraceExport::event), history, sim.verdict().map(TraceExport::verdict).orElse(null));
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            export.write(out);
        }
    }

    /** A STATE event from {@link RoleTrace} carries its role and term as fields too. */
    static TestExport.Event event(TraceEvent e) {
        Optional<RoleTrace.State> state = e.kind() == EventKind.STATE ? RoleTrace.parse(e.detail()) : Optional.empty();
        return new TestExport.Event(e.time(), e.node(), e.kind().name(), e.detail(),
                state.map(RoleTrace.State::role).orElse(null), state.map(RoleTrace.State::term).orElse(null));
    }

    private static TestExport.Op op(KvOp op) {
        return new TestExport.Op(op.id(), op.clientId(), op.key(), op.call(), op.invokeTime(),
                op.pending() ? -1 : op.returnTime());
    }

    private static TestExport.Verdict verdict(CheckResult result) {
        if (result instanceof CheckResult.Illegal illegal) {
            Violation v = illegal.violation();
            return new TestExport.Verdict(result.outcome().name(), result.describe(), v.key(), v.unplaced().id(),
                    ids(v.orderTail()), ids(v.concurrent()));
        }
        return new TestExport.Verdict(result.outcome().name(), result.describe(), null, null, List.of(), List.of());
    }

    private static List<Integer> ids(List<KvOp> ops) {
        return ops.stream().map(KvOp::id).toList();
    }

    /** {@code list} mapped element by element as it is read: no copy. */
    private static <T, R> List<R> view(List<T> list, Function<T, R> map) {
        return new AbstractList<>() {
            @Override
            public R get(int index) {
                return map.apply(list.get(index));
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }
}
