package kvlab.harness.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The record of everything that happened in one simulation, used to debug failures and to prove
 * determinism: two runs with the same seed must produce the same {@link #digest()}.
 *
 * <p>Memory stays bounded: only the last {@link #capacity()} events are retained, but the digest
 * covers every event ever added (it is updated incrementally, one {@link TraceEvent#line()} plus
 * {@code '\n'} at a time), so a capped trace and an uncapped one over the same run have the same
 * digest.
 *
 * <p>Threading: not thread-safe; a simulation is single-threaded.
 */
public final class Trace {
    /** Node id used for events that belong to no particular node. */
    public static final int NO_NODE = -1;
    /** Events retained by {@link #Trace()}. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final ArrayDeque<TraceEvent> retained = new ArrayDeque<>();
    private final MessageDigest sha256 = newSha256();
    private long size;

    /** A trace that retains the last {@value #DEFAULT_CAPACITY} events. */
    public Trace() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A trace that retains the last {@code capacity} events.
     *
     * @param capacity positive; use {@link Integer#MAX_VALUE} to retain everything
     */
    public Trace(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends an event: it is digested now and retained until {@link #capacity()} newer ones exist. */
    public void add(TraceEvent event) {
        sha256.update(event.line().getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        size++;
        if (retained.size() == capacity) {
            retained.removeFirst();
        }
        retained.addLast(event);
    }

    /** Shorthand for {@code add(new TraceEvent(time, node, kind, detail))}. */
    public void add(long time, int node, EventKind kind, String detail) {
        add(new TraceEvent(time, node, kind, detail));
    }

    /** How many events were ever added (retained or not). */
    public long size() {
        return size;
    }

    /** The most events this trace retains. */
    public int capacity() {
        return capacity;
    }

    /** The retained events, oldest first (at most {@link #capacity()}). */
    public List<TraceEvent> events() {
        return new ArrayList<>(retained);
    }

    /** The last {@code n} retained events (fewer if fewer are retained), oldest first. */
    public List<TraceEvent> last(int n) {
        List<TraceEvent> all = events();
        return all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size());
    }

    /** The text form of the retained events: one {@link TraceEvent#line()} per event, each ending in '\n'. */
    public String text() {
        return text(retained.size());
    }

    /** The text form of the last {@code n} retained events. */
    public String text(int n) {
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : last(n)) {
            sb.append(e.line()).append('\n');
        }
        return sb.toString();
    }

    /**
     * SHA-256, in lower-case hex, of the text form of every event added so far, including those no
     * longer retained. Reading it does not disturb later updates.
     */
    public String digest() {
        try {
            MessageDigest copy = (MessageDigest) sha256.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 implementation cannot be cloned", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
