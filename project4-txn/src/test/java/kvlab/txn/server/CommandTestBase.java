package kvlab.txn.server;

import static kvlab.txn.MvccData.b;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.memory.MemoryEngine;
import kvlab.txn.MvccData;
import kvlab.txn.mvcc.Bytes;
import org.junit.jupiter.api.AfterEach;

/**
 * What the command tests share: {@link TxnCommands} and {@link ScanAndResolveCommands} over a {@link LatchCheckedEngine} on the provided
 * {@link MemoryEngine}, so that every command in every test is checked for the protocol of
 * {@link Latches}, and after every command, that it released its latches.
 */
abstract class CommandTestBase {
    /** The lock ttl the tests' prewrites ask for. */
    static final long TTL = 3000;

    final MemoryEngine memory = new MemoryEngine(new SimDisk());
    final Latches latches = new Latches();
    final LatchCheckedEngine storage = new LatchCheckedEngine(memory, latches);
    final MvccData data = new MvccData(memory);
    final TxnCommands commands = new TxnCommands(storage, latches);
    final ScanAndResolveCommands more = new ScanAndResolveCommands(storage, latches);

    @AfterEach
    void closeStorage() {
        memory.close();
    }

    GetResponse get(String key, long version) {
        return released(commands.get(new GetRequest(b(key), version)), "get of " + key + " at " + version);
    }

    PrewriteResponse prewrite(long startTs, String primary, Mutation... mutations) {
        PrewriteRequest request = new PrewriteRequest(List.of(mutations), b(primary), startTs, TTL);
        return released(commands.prewrite(request), request.toString());
    }

    CommitResponse commit(long startTs, long commitTs, String... keys) {
        CommitRequest request = new CommitRequest(startTs, Arrays.stream(keys).map(MvccData::b).toList(), commitTs);
        return released(commands.commit(request), request.toString());
    }

    List<String> scan(String startKey, int limit, long version) {
        ScanRequest request = new ScanRequest(b(startKey), limit, version);
        return released(more.scan(request), request.toString()).pairs().stream().map(KvPair::toString).toList();
    }

    CheckTxnStatusResponse checkTxnStatus(String primary, long lockTs, long currentTs) {
        CheckTxnStatusRequest request = new CheckTxnStatusRequest(b(primary), lockTs, currentTs);
        return released(more.checkTxnStatus(request), request.toString());
    }

    BatchRollbackResponse rollback(long startTs, String... keys) {
        BatchRollbackRequest request = new BatchRollbackRequest(startTs, Arrays.stream(keys).map(MvccData::b).toList());
        return released(more.batchRollback(request), request.toString());
    }

    ResolveLockResponse resolve(long startTs, long commitTs) {
        ResolveLockRequest request = new ResolveLockRequest(startTs, commitTs);
        return released(more.resolveLock(request), request.toString());
    }

    static Mutation put(String key, String value) {
        return new Mutation.Put(b(key), b(value));
    }

    static Mutation delete(String key) {
        return new Mutation.Delete(b(key));
    }

    private <T> T released(T response, String command) {
        assertThat(latches.heldKeys().stream().map(Bytes::show).toList())
                .as("latches still held after %s answered %s (Latches rule 3: release on every path)", command, response)
                .isEmpty();
        return response;
    }
}
