package kvlab.grader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the thread dump a HotSpot JVM prints on {@code SIGQUIT}, to say why a fork that ran out of
 * time was stuck: a Java-level deadlock (the JVM finds those itself), or else where the test's
 * thread was.
 */
final class ThreadDump {
    /** The JVM prints this after every thread's stack; the heap summary follows. */
    static final String END_MARKER = "JNI global refs";

    private static final Pattern DEADLOCK = Pattern.compile("Found (one|\\d+) Java-level deadlocks?:");
    private static final Pattern THREAD_HEADER = Pattern.compile("^\"(.+)\":$");
    private static final Pattern STATE = Pattern.compile("^\\s+java\\.lang\\.Thread\\.State: (\\S+)");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (\\S+)");
    /** The fork's main thread runs the tests: {@code kvlab.grader.fork.ForkMain}. */
    private static final String TEST_THREAD = "\"main\"";

    private ThreadDump() {
    }

    /** What the dump in {@code output} tells, as a clause to append to the death cause; empty without one. */
    static Optional<String> diagnose(String output) {
        int dump = output.lastIndexOf("Full thread dump");
        if (dump < 0) {
            return Optional.empty();
        }
        String text = output.substring(dump);
        Matcher deadlock = DEADLOCK.matcher(text);
        if (deadlock.find()) {
            return Optional.of("deadlock: threads " + String.join(", ", deadlocked(text.substring(deadlock.end())))
                    + " each wait for a lock another holds");
        }
        return testThreadFrame(text).map(frame -> "the test thread was at " + frame);
    }

    /** The names in the JVM's deadlock report, each in quotes, up to the stacks that follow it. */
    private static List<String> deadlocked(String report) {
        List<String> names = new ArrayList<>();
        for (String line : report.lines().toList()) {
            if (line.startsWith("Java stack information")) {
                break;
            }
            Matcher header = THREAD_HEADER.matcher(line);
            if (header.find() && !names.contains("\"" + header.group(1) + "\"")) {
                names.add("\"" + header.group(1) + "\"");
            }
        }
        return names;
    }

    /** The test thread's state and its first frame outside the JDK, where it spins or waits. */
    private static Optional<String> testThreadFrame(String text) {
        List<String> lines = text.lines().toList();
        String state = "";
        boolean inMain = false;
        for (String line : lines) {
            if (line.startsWith("\"")) {
                if (inMain) {
                    break;
                }
                inMain = line.startsWith(TEST_THREAD + " ");
                continue;
            }
            if (!inMain) {
                continue;
            }
            Matcher stateMatch = STATE.matcher(line);
            if (stateMatch.find()) {
                state = stateMatch.group(1);
            }
            Matcher frame = FRAME.matcher(line);
            if (frame.find() && !frame.group(1).matches("(java|javax|jdk|sun)\\..*")) {
                return Optional.of(frame.group(1) + (state.isEmpty() ? "" : " (" + state + ")"));
            }
        }
        return Optional.empty();
    }
}
