package kvlab.grader.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Every process of one fork, and the means to end them all; see {@link Sandbox} for how a fork is
 * started. Three nets, each used where the sandbox provides it:
 * <ol>
 *   <li>PID namespace: the JVM is the wrapper's child and the namespace's init. Killing it makes the
 *       kernel kill everything else inside, and the wrapper returns only after they are all gone.</li>
 *   <li>Own session ({@code setsid}): everything in the fork's session or process group, and every
 *       descendant seen while polling ({@link #observe}); a process that left the session and the
 *       tree between two polls escapes this net, which is why it is the fallback.</li>
 *   <li>Dedicated uid: every process of that uid belongs to this fork; none can change its uid.</li>
 * </ol>
 * Not thread-safe: the fork's poller uses it.
 */
final class ForkProcesses {
    /** How long killed processes get to disappear: SIGKILL is not delayed, so only pathology waits this long. */
    private static final long END_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 10;

    private final Process wrapper;
    private final boolean namespaced;
    private final boolean ownSession;
    private final OptionalInt uid;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();
    private ProcessHandle jvm;

    /**
     * @param namespaced the wrapper is {@code unshare --pid --fork}: the JVM is its child
     * @param ownSession the wrapper called {@code setsid}: its pid names the fork's session and group
     * @param uid the fork's dedicated uid, if it has one
     */
    ForkProcesses(Process wrapper, boolean namespaced, boolean ownSession, OptionalInt uid) {
        this.wrapper = wrapper;
        this.namespaced = namespaced;
        this.ownSession = ownSession;
        this.uid = uid;
    }

    /** Notes the fork's processes now: its JVM, and outside a namespace every descendant. */
    void observe() {
        if (namespaced) {
            jvm();
        } else {
            wrapper.descendants().forEach(seen::add);
        }
    }

    /** The JVM that runs the tests, if it is running: the one to ask for a thread dump. */
    Optional<ProcessHandle> jvm() {
        if (!namespaced) {
            // setsid and setpriv exec the next command: the wrapper's pid is the JVM's.
            return Optional.of(wrapper.toHandle()).filter(ProcessHandle::isAlive);
        }
        if (jvm == null) {
            jvm = wrapper.children().findFirst().orElse(null);
        }
        return Optional.ofNullable(jvm).filter(ProcessHandle::isAlive);
    }

    /** Kills every process of the fork; returns once they are all gone. */
    void endAll() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(END_MILLIS);
        if (namespaced) {
            observe();
            Optional.ofNullable(jvm).ifPresent(ProcessHandle::destroyForcibly);
            // The wrapper waits for its child, which as the namespace's init waits for the rest.
            if (!await(wrapper, deadline)) {
                wrapper.destroyForcibly();
                await(wrapper, deadline);
            }
            if (jvm != null) {
                untilGone(p -> p.pid() == jvm.pid(), deadline);
            }
        } else {
            observe();
            seen.forEach(ProcessHandle::destroyForcibly);
            wrapper.destroyForcibly();
            long session = wrapper.pid();
            untilGone(p -> seen.stream().anyMatch(s -> s.pid() == p.pid())
                    || ownSession && (p.session() == session || p.processGroup() == session), deadline);
            await(wrapper, deadline);
        }
        uid.ifPresent(u -> untilGone(p -> p.uid() == u, deadline));
    }

    /** Kills every live process matching {@code ours} until a scan finds none, or the deadline. */
    private static void untilGone(Predicate<ProcTable.Entry> ours, long deadline) {
        while (System.nanoTime() < deadline) {
            List<ProcTable.Entry> live = ProcTable.snapshot().stream().filter(ProcTable.Entry::isLive).filter(ours)
                    .toList();
            if (live.isEmpty()) {
                return;
            }
            live.forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
            pause();
        }
    }

    private static boolean await(Process process, long deadline) {
        try {
            return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
