package kvlab.harness.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import kvlab.harness.linearizability.CheckResult;
import kvlab.harness.linearizability.History;
import kvlab.harness.trace.EventKind;
import kvlab.harness.trace.Trace;

/**
 * One deterministic simulation run: a virtual clock, a discrete-event scheduler, named random
 * streams derived from one seed, and the {@link Trace} of what happened.
 *
 * <p>Contract:
 * <ol>
 *   <li>Time is virtual milliseconds starting at 0; it only moves when events run, inside
 *       {@link #runFor} and {@link #runUntil}. Nothing here reads the wall clock.
 *   <li>Events run in order of (due time, order of scheduling): two events due at the same time run
 *       in the order they were scheduled.
 *   <li>All randomness comes from {@link #random(String)}, so the same seed and the same sequence
 *       of calls give the same run, event for event, on any JVM.
 *   <li>An exception thrown by an event propagates out of {@code runFor}/{@code runUntil}
 *       unchanged; the simulation should then be discarded.
 * </ol>
 *
 * <p>Threading: single-threaded. Events must not start threads, sleep or block.
 */
public final class Simulation {
    /**
     * Events that may run at one virtual instant before the simulation declares a livelock (an
     * action rescheduling itself with zero delay would otherwise hang the test forever).
     */
    static final long MAX_EVENTS_PER_INSTANT = 1_000_000;

    private static final Comparator<Event> ORDER =
            Comparator.comparingLong((Event e) -> e.time).thenComparingLong(e -> e.sequence);

    private final long seed;
    private final Trace trace;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(ORDER);
    private final Map<String, RandomGenerator> streams = new TreeMap<>();
    private long now;
    private long nextSequence;
    private long eventsRun;
    private long eventsAtThisInstant;
    private History history;
    private CheckResult verdict;

    /** A simulation with the given seed and a {@link Trace} of default capacity. */
    public Simulation(long seed) {
        this(seed, new Trace());
    }

    /** A simulation with the given seed that records into {@code trace}. */
    public Simulation(long seed, Trace trace) {
        this.seed = seed;
        this.trace = Objects.requireNonNull(trace, "trace");
    }

    /** The seed every random stream of this simulation derives from. */
    public long seed() {
        return seed;
    }

    /** The current virtual time in milliseconds. */
    public long now() {
        return now;
    }

    /** The trace of this simulation. */
    public Trace trace() {
        return trace;
    }

    /** How many events have run so far (cancelled ones not counted). */
    public long eventsRun() {
        return eventsRun;
    }

    /**
     * Remembers the history of client operations this run records, so that a trace export (and the
     * grader's HTML report) can show the operations beside the trace. Does not affect the run.
     */
    public void recordHistory(History history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /** The history recorded with {@link #recordHistory}, if any. */
    public Optional<History> history() {
        return Optional.ofNullable(history);
    }

    /** Remembers the linearizability checker's verdict on the recorded history, for the same reason. */
    public void recordVerdict(CheckResult verdict) {
        this.verdict = Objects.requireNonNull(verdict, "verdict");
    }

    /** The verdict recorded with {@link #recordVerdict}, if any. */
    public Optional<CheckResult> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** Adds a {@link EventKind#NOTE} for no particular node to the trace, at the current time. */
    public void note(String detail) {
        trace.add(now, Trace.NO_NODE, EventKind.NOTE, detail);
    }

    /**
     * The random stream named {@code stream}. Its seed is the first eight bytes of SHA-256 over the
     * simulation seed (eight bytes, big-endian) followed by the UTF-8 name, so streams are
     * independent: creating or drawing from one never changes another's draws. Asking twice for
     * the same name returns the same object, continuing its sequence.
     */
    public RandomGenerator random(String stream) {
        return streams.computeIfAbsent(stream, name -> new SplittableRandom(streamSeed(seed, name)));
    }

    /**
     * Schedules {@code action} to run {@code delayMs} after now.
     *
     * @param delayMs not negative; 0 runs it after the events already due now
     * @param label a short description, shown if the simulation reports a livelock
     * @return a handle that can cancel the action
     */
    public EventHandle schedule(long delayMs, String label, Runnable action) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("negative delay " + delayMs + " for " + label);
        }
        Event event = new Event(now + delayMs, nextSequence++, label, action);
        queue.add(event);
        return event;
    }

    /** Runs every event due within the next {@code ms} milliseconds, then sets the clock to now + ms. */
    public void runFor(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative duration " + ms);
        }
        long deadline = now + ms;
        while (runNextDueBy(deadline)) {
            // each iteration ran one event
        }
        advanceTo(deadline);
    }

    /**
     * Runs events until {@code condition} holds, checking it before the first event and after
     * each one.
     *
     * @param whatIsAwaited a description of the condition, for the failure message
     * @param limitMs how much virtual time may pass before giving up
     * @throws SimulationTimeoutException if the condition is still false at now + limitMs
     */
    public void runUntil(BooleanSupplier condition, String whatIsAwaited, long limitMs) {
        if (limitMs < 0) {
            throw new IllegalArgumentException("negative limit " + limitMs);
        }
        long start = now;
        long deadline = now + limitMs;
        while (!condition.getAsBoolean()) {
            if (!runNextDueBy(deadline)) {
                advanceTo(deadline);
                throw timeout(whatIsAwaited, start, limitMs);
            }
        }
    }

    /** The hint appended to failure messages: how to replay this run. */
    public String replayHint() {
        return "seed " + seed + " (replay with -D" + Seeds.PROPERTY + "=" + seed + ")";
    }

    private SimulationTimeoutException timeout(String what, long start, long limitMs) {
        String message = "timed out waiting for " + what + ": still false at virtual time " + now
                + " ms, " + limitMs + " ms after it was awaited at " + start + " ms; " + replayHint();
        return new SimulationTimeoutException(message, seed, now);
    }

    /** Runs the next live event if it is due by {@code deadline}; returns whether it ran one. */
    private boolean runNextDueBy(long deadline) {
        Event next = queue.peek();
        while (next != null && next.cancelled) {
            queue.poll();
            next = queue.peek();
        }
        if (next == null || next.time > deadline) {
            return false;
        }
        queue.poll();
        advanceTo(next.time);
        next.ran = true;
        checkLivelock(next);
        eventsRun++;
        next.action.run();
        return true;
    }

    private void advanceTo(long time) {
        if (time > now) {
            now = time;
            eventsAtThisInstant = 0;
        }
    }

    private void checkLivelock(Event event) {
        if (++eventsAtThisInstant > MAX_EVENTS_PER_INSTANT) {
            throw new IllegalStateException("livelock: more than " + MAX_EVENTS_PER_INSTANT
                    + " events ran at virtual time " + now + " ms without time advancing; the last was '"
                    + event.label + "' (an action that reschedules itself with delay 0?); " + replayHint());
        }
    }

    static long streamSeed(long seed, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + nameBytes.length);
        buffer.putLong(seed).put(nameBytes);
        return Seeds.sha256Long(buffer.array());
    }

    /** A queued action; mutable only in its run/cancel flags. */
    private static final class Event implements EventHandle {
        final long time;
        final long sequence;
        final String label;
        final Runnable action;
        boolean cancelled;
        boolean ran;

        Event(long time, long sequence, String label, Runnable action) {
            this.time = time;
            this.sequence = sequence;
            this.label = label;
            this.action = Objects.requireNonNull(action, "action");
        }

        @Override
        public boolean cancel() {
            boolean wasPending = isPending();
            cancelled = true;
            return wasPending;
        }

        @Override
        public boolean isPending() {
            return !cancelled && !ran;
        }

        @Override
        public long time() {
            return time;
        }
    }
}
