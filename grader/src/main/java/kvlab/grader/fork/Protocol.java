package kvlab.grader.fork;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The line protocol a forked JVM uses to tell the grader what it did. The fork appends one line per
 * event to an events file as it goes, so that when the fork dies the grader still knows which test
 * was running.
 *
 * <p>A line is tab-separated fields, the first naming the event. Free text (messages, output, part
 * ids) is Base64-encoded so that it never contains a tab or a newline. Events:
 * <ol>
 *   <li>{@code test CLASS METHOD PARAMS PART POINTS ORDER}: discovery found a graded test.</li>
 *   <li>{@code ungraded CLASS METHOD PARAMS}: discovery found a test tagged graded without
 *       {@code @Graded}, so it has no part or points.</li>
 *   <li>{@code start INDEX}: the test at INDEX in the fork's test list is about to run.</li>
 *   <li>{@code end INDEX STATUS MILLIS MESSAGE DETAILS OUTPUT SEED}: it finished; STATUS is
 *       {@code passed} or {@code failed}; SEED is {@code seeded} if the test read the seed property,
 *       {@code unseeded} if its result cannot depend on the seed.</li>
 *   <li>{@code done}: the fork finished its work and is about to exit normally.</li>
 *   <li>{@code exit}: a shutdown hook saw the JVM exit before {@code done}: someone called
 *       {@code System.exit}.</li>
 * </ol>
 */
public final class Protocol {
    public static final String TEST = "test";
    public static final String UNGRADED = "ungraded";
    public static final String START = "start";
    public static final String END = "end";
    public static final String DONE = "done";
    public static final String EXIT = "exit";

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SEED_READ = "seeded";
    public static final String SEED_UNREAD = "unseeded";

    private Protocol() {
    }

    /** Joins fields into one event line, without the line terminator. */
    public static String line(String... fields) {
        return String.join("\t", fields);
    }

    /** Splits an event line into its fields. */
    public static String[] fields(String line) {
        return line.split("\t", -1);
    }

    /** Encodes free text as one field. */
    public static String text(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a field written by {@link #text}. */
    public static String untext(String field) {
        return new String(Base64.getDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
