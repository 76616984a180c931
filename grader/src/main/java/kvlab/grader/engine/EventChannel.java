package kvlab.grader.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import kvlab.grader.fork.Protocol;

/**
 * A fork's result channel as the grader reads it: the events file, every line checked against the
 * rules of {@link Protocol} before its event is handed over. Student code shares the fork's JVM and
 * can write the file, so a line counts only if, in this order:
 * <ol>
 *   <li>its MAC verifies under this fork's secret (else: forged);</li>
 *   <li>its sequence number is exactly the next one (else: repeated, reordered, or after a removed line);</li>
 *   <li>its event is well-formed and makes sense now: in a run, {@code start} only for the next test
 *       while none is open, {@code end} only for the open test, {@code done} only after the last
 *       test ended; in discovery, {@code test} and {@code ungraded}, then {@code done}; and nothing
 *       after {@code done}, {@code exit} or {@code fatal}.</li>
 * </ol>
 * The first line that breaks a rule stops the channel for good: {@link #tampering} names it and no
 * later event is handed over. Nothing a fork writes makes this class throw.
 *
 * <p>Not thread-safe: one poller reads it.
 */
final class EventChannel implements AutoCloseable {
    private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern INT = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z]{1,16}");
    private static final Set<String> STATUSES = Set.of(Protocol.PASSED, Protocol.FAILED);
    private static final Set<String> SEEDS = Set.of(Protocol.SEED_READ, Protocol.SEED_UNREAD);

    private final EventTail tail;
    private final Mac mac;
    /** Tests in the fork's list; negative for discovery, which has no list. */
    private final int testCount;
    /** Lines accepted so far, which is also the sequence number the next line must carry. */
    private long accepted;
    /** Index of the next test to start (run mode); {@code nextTest <= testCount}. */
    private int nextTest;
    /** Index of the test started and not ended, or -1. */
    private int openTest = -1;
    /** Whether {@code done}, {@code exit} or {@code fatal} was accepted: nothing may follow. */
    private boolean finished;
    private String tampering;

    private EventChannel(Path file, Mac mac, int testCount) throws IOException {
        this.tail = new EventTail(file);
        this.mac = mac;
        this.testCount = testCount;
    }

    /** The channel of a discovery fork. */
    static EventChannel forDiscovery(Path file, Mac mac) throws IOException {
        return new EventChannel(file, mac, -1);
    }

    /** The channel of a fork that runs {@code testCount} tests. */
    static EventChannel forRun(Path file, Mac mac, int testCount) throws IOException {
        return new EventChannel(file, mac, testCount);
    }

    /** The events accepted since the last call, each as its fields without sequence number and MAC. */
    List<String[]> poll() {
        List<String[]> events = new ArrayList<>();
        if (tampering != null) {
            return events;
        }
        tail.poll(line -> {
            Optional<String> problem = check(line, events);
            problem.ifPresent(p -> tampering = "line " + (accepted + 1) + " " + p);
            return problem.isEmpty();
        });
        if (tampering == null) {
            tail.failure().ifPresent(p -> tampering = "line " + (accepted + 1) + " " + p);
        }
        return events;
    }

    /** What was wrong with the first rejected line, say "line 7 failed authentication"; empty while none was. */
    Optional<String> tampering() {
        return Optional.ofNullable(tampering);
    }

    private Optional<String> check(String line, List<String[]> events) {
        int macAt = line.lastIndexOf('\t');
        if (macAt < 0 || !authentic(line.substring(0, macAt), line.substring(macAt + 1))) {
            return Optional.of("failed authentication");
        }
        String[] all = Protocol.fields(line.substring(0, macAt));
        if (!all[0].equals(Long.toString(accepted))) {
            return Optional.of("is out of sequence: repeated, reordered or after a removed line (sequence number "
                    + shortened(all[0]) + ", expected " + accepted + ")");
        }
        String[] fields = Arrays.copyOfRange(all, 1, all.length);
        Optional<String> senseless = finished ? Optional.of("follows the fork's last event")
                : testCount < 0 ? checkDiscovery(fields) : checkRun(fields);
        if (senseless.isEmpty()) {
            accepted++;
            events.add(fields);
        }
        return senseless;
    }

    private boolean authentic(String body, String claimed) {
        try {
            return Protocol.verifies(mac, body, Base64.getDecoder().decode(claimed));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<String> checkRun(String[] f) {
        switch (f[0]) {
            case Protocol.START -> {
                if (f.length != 2 || !f[1].equals(Integer.toString(nextTest)) || openTest >= 0 || nextTest >= testCount) {
                    return Optional.of("starts a test out of turn (next test " + nextTest
                            + (openTest >= 0 ? ", test " + openTest + " still open" : "") + ")");
                }
                openTest = nextTest++;
                return Optional.empty();
            }
            case Protocol.END -> {
                if (openTest < 0 || f.length < 2 || !f[1].equals(Integer.toString(openTest))) {
                    return Optional.of("ends a test that is not open"
                            + (openTest >= 0 ? " (open: test " + openTest + ")" : " (none is)"));
                }
                if (f.length != 8 || !STATUSES.contains(f[2]) || !COUNT.matcher(f[3]).matches()
                        || !isText(f[4]) || !isText(f[5]) || !isText(f[6]) || !SEEDS.contains(f[7])) {
                    return Optional.of("is a malformed end event");
                }
                openTest = -1;
                return Optional.empty();
            }
            case Protocol.DONE -> {
                if (f.length != 1 || openTest >= 0 || nextTest != testCount) {
                    return Optional.of("reports done before every test ended");
                }
                return last();
            }
            default -> {
                return checkLast(f);
            }
        }
    }

    private Optional<String> checkDiscovery(String[] f) {
        switch (f[0]) {
            case Protocol.TEST -> {
                boolean wellFormed = f.length == 7 && isText(f[4]) && INT.matcher(f[5]).matches()
                        && INT.matcher(f[6]).matches();
                return wellFormed ? Optional.empty() : Optional.of("is a malformed test event");
            }
            case Protocol.UNGRADED -> {
                return f.length == 4 ? Optional.empty() : Optional.of("is a malformed ungraded event");
            }
            case Protocol.DONE -> {
                return f.length == 1 ? last() : Optional.of("is a malformed done event");
            }
            default -> {
                return checkLast(f);
            }
        }
    }

    /** {@code exit} and {@code fatal}, which may come at any point of either mode. */
    private Optional<String> checkLast(String[] f) {
        if (f[0].equals(Protocol.EXIT) && f.length == 1) {
            return last();
        }
        if (f[0].equals(Protocol.FATAL) && f.length == 3 && isText(f[2])) {
            return last();
        }
        String name = EVENT_NAME.matcher(f[0]).matches() ? "'" + f[0] + "'" : "unnamed";
        return Optional.of("is an unexpected " + name + " event with " + f.length + " fields");
    }

    private Optional<String> last() {
        finished = true;
        return Optional.empty();
    }

    private static boolean isText(String field) {
        try {
            Base64.getDecoder().decode(field);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Untrusted text in a diagnosis: short enough to read. */
    private static String shortened(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }

    @Override
    public void close() throws IOException {
        tail.close();
    }
}
