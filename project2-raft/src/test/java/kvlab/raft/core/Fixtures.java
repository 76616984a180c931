package kvlab.raft.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import kvlab.raft.Config;
import kvlab.raft.Entry;
import kvlab.raft.HardState;
import kvlab.raft.MemoryStorage;
import kvlab.raft.Message;

/** Builders shared by the message-level tests: configs, storages, entries, message filters. */
final class Fixtures {
    static final int ELECTION = 10;
    static final int HEARTBEAT = 1;

    private Fixtures() {}

    /** Ids 1..n. */
    static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** Election tick 10, heartbeat tick 1, a random stream seeded from the id (so tests replay). */
    static Config config(long id, List<Long> peers) {
        return Config.of(id, peers, new SplittableRandom(1000 + id)).withTicks(ELECTION, HEARTBEAT);
    }

    static Raft raft(long id, List<Long> peers) {
        return new Raft(config(id, peers), new MemoryStorage());
    }

    static Raft raft(long id, List<Long> peers, MemoryStorage storage) {
        return new Raft(config(id, peers), storage);
    }

    /** A storage holding entries 1..n with the given terms, and hard state (last term, no vote, commit 0). */
    static MemoryStorage storageWithTerms(long... terms) {
        MemoryStorage storage = new MemoryStorage();
        storage.append(entriesWithTerms(terms));
        long last = terms.length == 0 ? 0 : terms[terms.length - 1];
        storage.setHardState(new HardState(last, 0, 0));
        return storage;
    }

    /** Empty entries 1..n with the given terms. */
    static List<Entry> entriesWithTerms(long... terms) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(Entry.empty(i + 1, terms[i]));
        }
        return entries;
    }

    static Entry entry(long index, long term, String data) {
        return Entry.of(index, term, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static Message.Hup hup(long id) {
        return new Message.Hup(id, id, 0);
    }

    static Message.Beat beat(long id) {
        return new Message.Beat(id, id, 0);
    }

    static Message.Propose propose(long id, String data) {
        return new Message.Propose(id, id, 0, kvlab.raft.EntryType.NORMAL, bytes(data));
    }

    /** The messages of one kind, in order. */
    static <T extends Message> List<T> only(List<Message> messages, Class<T> kind) {
        return messages.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * Ticks {@code raft} until it campaigns (its role or term changes), at most twice the election tick:
     * whatever timeout it drew in [et, 2et), it campaigns exactly once.
     */
    static void tickElectionTimeout(Raft raft) {
        long term = raft.term();
        kvlab.raft.Role role = raft.role();
        for (int i = 0; i < 2 * ELECTION && raft.term() == term && raft.role() == role; i++) {
            raft.tick();
        }
    }

    /** The terms of every entry of the log, from its first index. */
    static List<Long> termsOf(RaftLog log) {
        return log.allEntries().stream().map(Entry::term).toList();
    }
}
