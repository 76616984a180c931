package kvlab.raft.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.raft.Message;

/**
 * A synchronous, in-memory network of Raft nodes for message-level tests (the idea of etcd-raft's
 * {@code newNetwork}): {@link #send} delivers a message, then everything the receivers produce, until
 * no message is left. Ids without a node are black holes. Links can be cut, nodes isolated and kinds
 * of messages ignored; everything runs in one thread, in a fixed order.
 */
final class Network {
    private static final int MAX_DELIVERIES = 100_000;
    private final TreeMap<Long, Raft> nodes = new TreeMap<>();
    private final Set<String> cutLinks = new TreeSet<>();
    private final List<Class<? extends Message>> ignored = new ArrayList<>();
    private final List<Message> delivered = new ArrayList<>();

    /** Nodes with ids 1..n in the order given; a null makes that id a black hole. */
    Network(Raft... members) {
        for (Raft r : members) {
            if (r != null) {
                nodes.put(r.id(), r);
            }
        }
    }

    /** A network of {@code n} fresh nodes 1..n with the default config of {@link Fixtures}. */
    static Network ofSize(int n) {
        Raft[] members = new Raft[n];
        for (int i = 0; i < n; i++) {
            members[i] = Fixtures.raft(i + 1, Fixtures.ids(n));
        }
        return new Network(members);
    }

    Raft node(long id) {
        return nodes.get(id);
    }

    /** Delivers {@code messages} and then every message they cause, breadth first. */
    void send(Message... messages) {
        Deque<Message> queue = new ArrayDeque<>(List.of(messages));
        for (int count = 0; !queue.isEmpty(); count++) {
            if (count == MAX_DELIVERIES) {
                throw new AssertionError("more than " + MAX_DELIVERIES + " messages for one send: the nodes keep"
                        + " answering each other forever; last messages: " + queue.stream().limit(4).toList());
            }
            Message m = queue.removeFirst();
            Raft to = nodes.get(m.to());
            if (to == null || dropped(m)) {
                continue;
            }
            delivered.add(m);
            to.step(m);
            queue.addAll(to.readMessages());
        }
    }

    /** Delivers whatever the nodes have in their outboxes (after ticks). */
    void flush() {
        List<Message> pending = new ArrayList<>();
        nodes.values().forEach(r -> pending.addAll(r.readMessages()));
        send(pending.toArray(Message[]::new));
    }

    /** Ticks every node once, then delivers what they produced. */
    void tickAll() {
        nodes.values().forEach(Raft::tick);
        flush();
    }

    void cut(long a, long b) {
        cutLinks.add(a + "-" + b);
        cutLinks.add(b + "-" + a);
    }

    void isolate(long id) {
        for (long other : nodes.keySet()) {
            if (other != id) {
                cut(id, other);
            }
        }
    }

    void ignore(Class<? extends Message> kind) {
        ignored.add(kind);
    }

    void recover() {
        cutLinks.clear();
        ignored.clear();
    }

    /** Every message delivered so far, in order. */
    List<Message> delivered() {
        return List.copyOf(delivered);
    }

    private boolean dropped(Message m) {
        return cutLinks.contains(m.from() + "-" + m.to()) || ignored.stream().anyMatch(k -> k.isInstance(m));
    }
}
