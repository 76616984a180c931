package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.bytes;
import static kvlab.raft.core.Fixtures.entry;
import static kvlab.raft.core.Fixtures.ids;
import static kvlab.raft.core.Fixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kvlab.harness.grading.Graded;
import kvlab.raft.ConfState;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.InitialState;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;
import kvlab.raft.Message.Append;
import kvlab.raft.Message.AppendResponse;
import kvlab.raft.Message.HeartbeatResponse;
import kvlab.raft.Message.InstallSnapshot;
import kvlab.raft.Ready;
import kvlab.raft.Role;
import kvlab.raft.Snapshot;
import kvlab.raft.SnapshotMetadata;
import kvlab.raft.SnapshotUnavailableException;
import kvlab.raft.Storage;

/**
 * Part 2C, the Raft side of snapshots (rule "Snapshots" on {@link Raft}): restoring one into the log,
 * ignoring stale ones, a leader sending one to a follower behind its first index and resuming
 * replication afterwards, RawNode's Ready with a snapshot, and restarting from one. The idea of several
 * scenarios follows etcd-raft's snapshot tests; the code is ours.
 */
class RaftSnapshotTest {

    /** A snapshot of a three-node group covering the log up to {@code index}, whose entry had {@code term}. */
    private static Snapshot snapshot(long index, long term) {
        return new Snapshot(new SnapshotMetadata(new ConfState(ids(3)), index, term), bytes("state@" + index));
    }

    /** Node 1 leading term 2 of nodes 1..3, its log compacted into a snapshot at 10 (term 1), plus entry 11. */
    private static Raft leaderOverSnapshot(Storage storage) {
        Raft leader = new Raft(Fixtures.config(1, ids(3)), storage);
        leader.becomeCandidate();
        leader.becomeLeader();
        leader.readMessages();
        return leader;
    }

    private static MemoryStorage compactedAt10() {
        MemoryStorage storage = new MemoryStorage();
        storage.applySnapshot(snapshot(10, 1));
        storage.setHardState(new HardState(1, 0, 10));
        return storage;
    }

    /** Follower 2 answers the leader's first probe (at index 10) with a rejection: its log is empty. */
    private static void followerTwoRejectsTheProbe(Raft leader) {
        leader.step(new AppendResponse(2, 1, leader.term(), 10, true, 0, 0));
    }

    private static List<Message> to(long node, List<Message> messages) {
        return messages.stream().filter(m -> m.to() == node).toList();
    }

    @Graded(part = "2c", points = 2, order = 1)
    void restoreReplacesTheLog() {
        MemoryStorage storage = Fixtures.storageWithTerms(1, 1, 2, 2, 3);
        RaftLog log = new RaftLog(storage);
        log.commitTo(2);
        Snapshot snap = snapshot(10, 4);
        log.restore(snap);
        assertThat(log.firstIndex()).as("first index after restoring a snapshot at 10").isEqualTo(11);
        assertThat(log.lastIndex()).as("last index: the snapshot's").isEqualTo(10);
        assertThat(log.term(10)).as("term of the snapshot's last entry").isEqualTo(4);
        assertThat(log.committed()).as("the snapshot is committed").isEqualTo(10);
        assertThat(log.allEntries()).as("no entry is left").isEmpty();
        assertThat(log.unstableSnapshot()).as("the snapshot waits to be persisted").contains(snap);
        assertThat(log.hasNextCommittedEntries()).as("nothing to apply while the snapshot is pending").isFalse();
        assertThat(log.nextCommittedEntries()).isEmpty();

        log.stableSnapTo(9);
        assertThat(log.unstableSnapshot()).as("stableSnapTo another index changes nothing").contains(snap);
        storage.applySnapshot(snap);
        log.stableSnapTo(10);
        assertThat(log.unstableSnapshot()).as("after stableSnapTo(10)").isEmpty();
        assertThat(log.firstIndex()).as("first index once the storage holds the snapshot").isEqualTo(11);
        log.appliedTo(10);
        log.append(List.of(entry(11, 4, "x")));
        log.commitTo(11);
        assertThat(log.nextCommittedEntries()).as("entries after the snapshot are applied normally")
                .containsExactly(entry(11, 4, "x"));
    }

    @Graded(part = "2c", points = 2, order = 2)
    void followerRestoresASnapshotBeyondItsCommit() {
        Raft follower = Fixtures.raft(2, ids(3), Fixtures.storageWithTerms(1, 1));
        Snapshot snap = snapshot(10, 2);
        follower.step(new InstallSnapshot(1, 2, 2, snap));
        assertThat(follower.term()).as("term from the leader's message").isEqualTo(2);
        assertThat(follower.lead()).as("the sender leads").isEqualTo(1);
        assertThat(follower.role()).isEqualTo(Role.FOLLOWER);
        RaftLog log = follower.raftLog();
        assertThat(log.lastIndex()).as("last index after the snapshot").isEqualTo(10);
        assertThat(log.lastTerm()).isEqualTo(2);
        assertThat(log.committed()).isEqualTo(10);
        assertThat(log.unstableSnapshot()).contains(snap);
        assertThat(follower.readMessages()).as("the answer acknowledges the snapshot's index")
                .containsExactly(new AppendResponse(2, 1, 2, 10, false, 0, 0));
    }

    @Graded(part = "2c", points = 2, order = 2)
    void followerIgnoresAStaleSnapshot() {
        Raft follower = Fixtures.raft(2, ids(3), Fixtures.storageWithTerms(1, 1, 1, 1, 1));
        follower.raftLog().commitTo(3);
        follower.step(new InstallSnapshot(1, 2, 1, snapshot(2, 1)));
        assertThat(follower.raftLog().unstableSnapshot()).as("a snapshot at 2 below commit 3 is not restored").isEmpty();
        assertThat(follower.raftLog().lastIndex()).as("the log is untouched").isEqualTo(5);
        assertThat(follower.raftLog().committed()).isEqualTo(3);
        assertThat(follower.readMessages())
                .as("the answer acknowledges the commit index: entries 4 and 5 may not match the leader's")
                .containsExactly(new AppendResponse(2, 1, 1, 3, false, 0, 0));
    }

    @Graded(part = "2c", points = 2, order = 2)
    void followerHoldingTheSnapshotsLastEntryOnlyCommits() {
        Raft follower = Fixtures.raft(2, ids(3), Fixtures.storageWithTerms(1, 1, 1, 1, 1));
        follower.raftLog().commitTo(1);
        follower.step(new InstallSnapshot(1, 2, 1, snapshot(3, 1)));
        assertThat(follower.raftLog().unstableSnapshot()).as("entry 3 of term 1 is already in the log").isEmpty();
        assertThat(follower.raftLog().committed()).as("commit moves up to the snapshot").isEqualTo(3);
        assertThat(follower.raftLog().lastIndex()).as("entries 4 and 5 stay").isEqualTo(5);
        assertThat(follower.readMessages()).containsExactly(new AppendResponse(2, 1, 1, 3, false, 0, 0));
    }

    @Graded(part = "2c", points = 3, order = 3)
    void leaderSendsASnapshotToAFollowerBehindItsFirstIndex() {
        Raft leader = leaderOverSnapshot(compactedAt10());
        followerTwoRejectsTheProbe(leader);
        List<Message> out = leader.readMessages();
        assertThat(only(out, InstallSnapshot.class)).as("what the leader sends a follower that lacks compacted entries")
                .containsExactly(new InstallSnapshot(1, 2, 2, snapshot(10, 1)));
        assertThat(only(out, Append.class)).as("no append can reach below the first index").isEmpty();
        Progress pr = leader.progress(2);
        assertThat(pr.state()).isEqualTo(Progress.State.SNAPSHOT);
        assertThat(pr.pendingSnapshot()).isEqualTo(10);
        assertThat(pr.isPaused()).as("a follower waiting for a snapshot gets no appends").isTrue();
    }

    @Graded(part = "2c", points = 2, order = 3)
    void noAppendsWhileASnapshotIsPending() {
        Raft leader = leaderOverSnapshot(compactedAt10());
        followerTwoRejectsTheProbe(leader);
        leader.readMessages();
        leader.step(Fixtures.propose(1, "x"));
        leader.step(new AppendResponse(3, 1, 2, 12, false, 0, 0));
        List<Message> out = leader.readMessages();
        assertThat(only(to(2, out), Append.class)).as("appends to follower 2 while its snapshot is pending").isEmpty();
        assertThat(only(to(3, out), Append.class)).as("follower 3 is served as usual").isNotEmpty();
        assertThat(only(out, InstallSnapshot.class)).as("the snapshot is not sent again on every proposal").isEmpty();
    }

    @Graded(part = "2c", points = 3, order = 4)
    void acknowledgedSnapshotResumesReplication() {
        Raft leader = leaderOverSnapshot(compactedAt10());
        followerTwoRejectsTheProbe(leader);
        leader.readMessages();
        leader.step(new AppendResponse(2, 1, 2, 10, false, 0, 0));
        Progress pr = leader.progress(2);
        assertThat(pr.match()).as("match after the follower installed the snapshot").isEqualTo(10);
        assertThat(pr.state()).as("the logs match: stream again").isEqualTo(Progress.State.REPLICATE);
        List<Append> appends = only(leader.readMessages(), Append.class);
        assertThat(appends).as("the entries after the snapshot go out at once").hasSize(1);
        assertThat(appends.get(0).index()).isEqualTo(10);
        assertThat(appends.get(0).logTerm()).as("term of the snapshot's last entry").isEqualTo(1);
        assertThat(appends.get(0).entries()).extracting(Entry::index).containsExactly(11L);
    }

    @Graded(part = "2c", points = 2, order = 4)
    void heartbeatAnswerWithoutAcknowledgementProbesAgain() {
        Raft leader = leaderOverSnapshot(compactedAt10());
        followerTwoRejectsTheProbe(leader);
        leader.readMessages();
        leader.step(new HeartbeatResponse(2, 1, 2, 0));
        assertThat(leader.progress(2).state()).as("alive but silent about the snapshot: it may be lost")
                .isEqualTo(Progress.State.PROBE);
        List<Append> probes = only(to(2, leader.readMessages()), Append.class);
        assertThat(probes).as("a probe asking whether the snapshot arrived").hasSize(1);
        assertThat(probes.get(0).index()).as("probe at the snapshot's index").isEqualTo(10);
        followerTwoRejectsTheProbe(leader);
        assertThat(only(leader.readMessages(), InstallSnapshot.class)).as("it did not: send it again").hasSize(1);
        assertThat(leader.progress(2).state()).isEqualTo(Progress.State.SNAPSHOT);
    }

    @Graded(part = "2c", points = 2, order = 4)
    void unavailableSnapshotIsRetriedLater() {
        SnapshotNotReady storage = new SnapshotNotReady(compactedAt10());
        Raft leader = leaderOverSnapshot(storage);
        followerTwoRejectsTheProbe(leader);
        assertThat(only(leader.readMessages(), InstallSnapshot.class)).as("no snapshot while the storage prepares it")
                .isEmpty();
        assertThat(leader.progress(2).state()).as("not waiting for a snapshot that was not sent")
                .isNotEqualTo(Progress.State.SNAPSHOT);
        storage.ready = true;
        leader.step(new HeartbeatResponse(2, 1, 2, 0));
        assertThat(only(leader.readMessages(), InstallSnapshot.class)).as("sent once the storage has it").hasSize(1);
    }

    @Graded(part = "2c", points = 3, order = 5)
    void rawNodeDeliversTheSnapshotThenEntriesAfterIt() {
        MemoryStorage storage = new MemoryStorage();
        RawNode node = new RawNode(Fixtures.config(2, ids(3)), storage);
        Snapshot snap = snapshot(10, 1);
        node.step(new InstallSnapshot(1, 2, 1, snap));
        Ready ready = node.ready();
        assertThat(ready.snapshot()).as("the snapshot to persist and install").contains(snap);
        assertThat(ready.committedEntries()).as("entries to apply: none, the snapshot replaces them").isEmpty();
        assertThat(ready.hardState().map(HardState::commit)).contains(10L);
        assertThat(ready.messages()).containsExactly(new AppendResponse(2, 1, 1, 10, false, 0, 0));
        storage.applySnapshot(snap);
        ready.hardState().ifPresent(storage::setHardState);
        node.advance(ready);
        assertThat(node.raft().raftLog().applied()).as("applied after advancing the snapshot's Ready").isEqualTo(10);
        assertThat(node.hasReady()).as("nothing is left after advance").isFalse();

        node.step(new Append(1, 2, 1, 1, 10, List.of(entry(11, 1, "x")), 11));
        Ready next = node.ready();
        assertThat(next.snapshot()).as("the snapshot is not delivered twice").isEmpty();
        assertThat(next.entries()).containsExactly(entry(11, 1, "x"));
        assertThat(next.committedEntries()).as("the entry after the snapshot is applied").containsExactly(entry(11, 1, "x"));
    }

    @Graded(part = "2c", points = 2, order = 5)
    void restartFromASnapshotDeliversOnlyLaterEntries() {
        MemoryStorage storage = new MemoryStorage();
        storage.applySnapshot(snapshot(10, 2));
        storage.append(List.of(entry(11, 2, "a"), entry(12, 2, "b")));
        storage.setHardState(new HardState(2, 0, 12));
        RawNode fresh = new RawNode(Fixtures.config(1, ids(3)), storage);
        assertThat(fresh.raft().raftLog().firstIndex()).isEqualTo(11);
        assertThat(fresh.ready().committedEntries()).as("after a restart with a state machine restored from the snapshot")
                .containsExactly(entry(11, 2, "a"), entry(12, 2, "b"));
        RawNode applied11 = new RawNode(Fixtures.config(1, ids(3)).withApplied(11), storage);
        assertThat(applied11.ready().committedEntries()).as("after a restart with entry 11 already applied")
                .containsExactly(entry(12, 2, "b"));
    }

    @Graded(part = "2c", points = 4, order = 6)
    void slowFollowerCatchesUpBySnapshot() {
        ReadyLoop loop = new ReadyLoop(3);
        loop.node(1).campaign();
        loop.stabilize();
        loop.lose(m -> m.to() == 3 || m.from() == 3);
        for (int i = 0; i < 30; i++) {
            loop.node(1).propose(bytes("v" + i));
            loop.stabilize();
        }
        loop.compact(1);
        loop.compact(2);
        long snapshotIndex = loop.storage(1).snapshot().metadata().index();
        assertThat(loop.storage(3).lastIndex()).as("node 3 is behind the leader's first index")
                .isLessThan(loop.storage(1).firstIndex() - 1);

        loop.lose(m -> false);
        for (int i = 0; i < 5; i++) {
            loop.node(1).tick();
            loop.stabilize();
        }
        assertThat(loop.sent()).as("snapshots sent to node 3").filteredOn(m -> m instanceof InstallSnapshot && m.to() == 3)
                .isNotEmpty();
        assertThat(loop.storage(3).snapshot().metadata().index()).as("node 3 installed the leader's snapshot")
                .isEqualTo(snapshotIndex);
        assertThat(loop.node(3).raft().raftLog().committed()).as("node 3's commit index")
                .isEqualTo(loop.node(1).raft().raftLog().committed());
        loop.node(1).propose(bytes("after"));
        loop.stabilize();
        assertThat(loop.applied(3)).as("node 3 applies new entries after the snapshot").last()
                .isEqualTo(loop.applied(1).get(loop.applied(1).size() - 1));
        assertThat(loop.node(1).raft().progress(3).state()).isEqualTo(Progress.State.REPLICATE);
    }

    /** A storage that throws {@link SnapshotUnavailableException} until {@link #ready} is set. */
    private static final class SnapshotNotReady implements Storage {
        private final MemoryStorage delegate;
        boolean ready;

        SnapshotNotReady(MemoryStorage delegate) {
            this.delegate = delegate;
        }

        @Override
        public InitialState initialState() {
            return delegate.initialState();
        }

        @Override
        public List<Entry> entries(long lo, long hi, long maxSize) {
            return delegate.entries(lo, hi, maxSize);
        }

        @Override
        public long term(long index) {
            return delegate.term(index);
        }

        @Override
        public long firstIndex() {
            return delegate.firstIndex();
        }

        @Override
        public long lastIndex() {
            return delegate.lastIndex();
        }

        @Override
        public Snapshot snapshot() {
            if (!ready) {
                throw new SnapshotUnavailableException("being prepared");
            }
            return delegate.snapshot();
        }
    }
}
