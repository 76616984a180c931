package kvlab.grader.fork;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The line protocol a forked JVM uses to tell the grader what it did. The fork appends one line per
 * event to an events file as it goes, so that when the fork dies the grader still knows which test
 * was running.
 *
 * <p>Student code runs in the same JVM and can write that file too, so every line is authenticated.
 * The protocol between the grader and a fork:
 * <ol>
 *   <li>The grader draws a fresh {@value #SECRET_BYTES}-byte secret for each fork, writes it to the
 *       fork's stdin and closes stdin. The secret is never in argv, the environment or a file.</li>
 *   <li>{@link ForkMain} reads the secret FIRST, before the JUnit launcher loads any test class, and
 *       keeps it only inside the {@link Mac} of its {@link EventWriter}.</li>
 *   <li>Each line is {@code SEQ EVENT FIELD... MAC}, tab-separated: SEQ counts the fork's lines from 0
 *       in decimal; MAC is the Base64 HMAC-SHA256, under the secret, of the UTF-8 bytes of everything
 *       before the tab that precedes it ({@link #body}). No field contains a tab or a newline.</li>
 *   <li>The grader accepts a line only if its MAC verifies, its SEQ is exactly the next one, and its
 *       event makes sense at that point (below). The first line that fails any of these ends the fork
 *       as tampered: the grader kills it and hands over no later event.</li>
 * </ol>
 *
 * <p>Free text (messages, output, part ids) is Base64-encoded so that it never contains a tab or a
 * newline. Events, with where each may come:
 * <ol>
 *   <li>{@code test CLASS METHOD PARAMS PART POINTS ORDER} (discovery): a graded test was found.</li>
 *   <li>{@code ungraded CLASS METHOD PARAMS} (discovery): a test tagged graded without
 *       {@code @Graded}, so it has no part or points.</li>
 *   <li>{@code start INDEX} (run): the test at INDEX in the fork's test list is about to run; only the
 *       next index, and only while no test is open.</li>
 *   <li>{@code end INDEX STATUS MILLIS MESSAGE DETAILS OUTPUT SEED} (run): the open test finished;
 *       STATUS is {@code passed} or {@code failed}; SEED is {@code seeded} if the test read the seed
 *       property, {@code unseeded} if its result cannot depend on the seed.</li>
 *   <li>{@code done}: the fork finished its work (in a run: every test ended) and is about to exit.</li>
 *   <li>{@code exit}: a shutdown hook saw the JVM exit before {@code done}: someone called
 *       {@code System.exit}.</li>
 *   <li>{@code fatal CLASS MESSAGE}: a throwable (say an {@code OutOfMemoryError} for direct buffer
 *       memory) escaped the test runner; the fork halts right after.</li>
 * </ol>
 * {@code done}, {@code exit} and {@code fatal} are last: nothing may follow one of them.
 */
public final class Protocol {
    public static final String TEST = "test";
    public static final String UNGRADED = "ungraded";
    public static final String START = "start";
    public static final String END = "end";
    public static final String DONE = "done";
    public static final String EXIT = "exit";
    public static final String FATAL = "fatal";

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SEED_READ = "seeded";
    public static final String SEED_UNREAD = "unseeded";

    /** Length of the per-fork secret the grader writes to the fork's stdin. */
    public static final int SECRET_BYTES = 32;
    private static final String MAC_ALGORITHM = "HmacSHA256";

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

    /** The authenticated part of a line: its sequence number and its fields. */
    public static String body(long sequence, String... fields) {
        return sequence + "\t" + line(fields);
    }

    /** A MAC keyed with {@code secret}; the caller should wipe {@code secret} afterwards. */
    public static Mac newMac(byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the secret must be " + SECRET_BYTES + " bytes, not " + secret.length);
        }
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret, MAC_ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform must provide " + MAC_ALGORITHM, e);
        }
    }

    /** The raw MAC of {@code body}; {@code mac} is reset for the next use. Not thread-safe. */
    public static byte[] sign(Mac mac, String body) {
        return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole authenticated line, without the terminator. */
    public static String signedLine(Mac mac, long sequence, String... fields) {
        String body = body(sequence, fields);
        return body + "\t" + Base64.getEncoder().encodeToString(sign(mac, body));
    }

    /** Whether {@code claimed} is the MAC of {@code body}, compared in constant time. */
    public static boolean verifies(Mac mac, String body, byte[] claimed) {
        return java.security.MessageDigest.isEqual(sign(mac, body), claimed);
    }

    /** Overwrites a secret that is no longer needed. */
    public static void wipe(byte[] secret) {
        Arrays.fill(secret, (byte) 0);
    }
}
