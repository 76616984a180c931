package kvlab.txn.broken;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.Modification;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.engine.memory.MemoryEngine;
import kvlab.txn.client.PercolatorTxn;
import kvlab.txn.e2e.TxnCluster;
import kvlab.txn.mvcc.Write;
import kvlab.txn.mvcc.WriteKind;
import kvlab.txn.server.Latches;
import kvlab.txn.server.PrewriteRequest;
import kvlab.txn.server.PrewriteResponse;
import kvlab.txn.server.ResolveLockRequest;
import kvlab.txn.server.TxnCommands;
import kvlab.txn.sim.TxnContext;
import kvlab.txn.sim.TxnService;

/**
 * Broken implementations of Project 4, built by decorating the real ones through the provided
 * interfaces ({@link Engine}, {@link TxnService}, {@link TxnContext}) so that no solution code is
 * copied here. Each breaks one rule that a graded scenario must catch.
 */
final class BrokenVariants {
    private BrokenVariants() {}

    /** Prewrite that ignores newer commits: its checks run on a view without the {@code write} family. */
    static TxnCluster.Setup prewriteIgnoringNewerCommits() {
        return TxnCluster.Setup.standard().withServer(BrokenVariants::prewriteBlindToWrites);
    }

    /** Rollback without a rollback record: every ROLLBACK record is dropped on its way to storage. */
    static TxnCluster.Setup rollbackWithoutRecord() {
        return TxnCluster.Setup.standard().withStorage(context -> new RollbackDropping(
                new MemoryEngine(context.disk())));
    }

    /** A client that resolves the locks of a committed transaction backwards (rolls them back). */
    static TxnCluster.Setup resolvingSecondariesBackwards() {
        return TxnCluster.Setup.standard().withClient((client, startTs, crashPoint) ->
                new PercolatorTxn(new BackwardResolving(client), startTs, crashPoint));
    }

    private static TxnService prewriteBlindToWrites(Engine storage, Latches latches) {
        TxnService real = TxnService.over(storage, latches);
        TxnCommands blind = new TxnCommands(new WriteFamilyHidden(storage), latches);
        return new DelegatingService(real) {
            @Override
            public PrewriteResponse prewrite(PrewriteRequest request) {
                return blind.prewrite(request);
            }
        };
    }

    /** Writes go through; readers see an empty {@code write} family. */
    private record WriteFamilyHidden(Engine delegate) implements Engine {
        @Override
        public void write(WriteBatch batch) {
            delegate.write(batch);
        }

        @Override
        public EngineReader reader() {
            EngineReader reader = delegate.reader();
            return new EngineReader() {
                @Override
                public Optional<byte[]> get(String cf, byte[] key) {
                    return cf.equals(ColumnFamilies.WRITE) ? Optional.empty() : reader.get(cf, key);
                }

                @Override
                public EngineIterator iterator(String cf) {
                    EngineIterator it = reader.iterator(cf);
                    return cf.equals(ColumnFamilies.WRITE) ? new EmptyIterator(it) : it;
                }

                @Override
                public void close() {
                    reader.close();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** An iterator over nothing (it still closes the real one it replaces). */
    private record EmptyIterator(EngineIterator replaced) implements EngineIterator {
        @Override
        public void seek(byte[] key) {
            // nothing to position on
        }

        @Override
        public boolean valid() {
            return false;
        }

        @Override
        public void next() {
            throw new IllegalStateException("next on an empty iterator");
        }

        @Override
        public byte[] key() {
            throw new IllegalStateException("key of an empty iterator");
        }

        @Override
        public byte[] value() {
            throw new IllegalStateException("value of an empty iterator");
        }

        @Override
        public void close() {
            replaced.close();
        }
    }

    /** Drops every ROLLBACK write record from the batches it writes. */
    private record RollbackDropping(Engine delegate) implements Engine {
        @Override
        public void write(WriteBatch batch) {
            List<Modification> kept = batch.modifications().stream().filter(m -> !isRollbackRecord(m)).toList();
            delegate.write(new WriteBatch(kept, batch.sync()));
        }

        private static boolean isRollbackRecord(Modification m) {
            return m instanceof Modification.Put put && put.cf().equals(ColumnFamilies.WRITE)
                    && Write.parse(put.value()).kind() == WriteKind.ROLLBACK;
        }

        @Override
        public EngineReader reader() {
            return delegate.reader();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Turns every roll-forward into a rollback. */
    private record BackwardResolving(TxnContext delegate) implements TxnContext {
        @Override
        public void call(Object request, Consumer<Object> onAnswer) {
            delegate.call(request instanceof ResolveLockRequest r ? new ResolveLockRequest(r.startTs(), 0) : request, onAnswer);
        }

        @Override
        public void timestamp(LongConsumer onTimestamp) {
            delegate.timestamp(onTimestamp);
        }

        @Override
        public void after(long delayMs, String label, Runnable action) {
            delegate.after(delayMs, label, action);
        }

        @Override
        public void trace(String detail) {
            delegate.trace(detail);
        }
    }
}
