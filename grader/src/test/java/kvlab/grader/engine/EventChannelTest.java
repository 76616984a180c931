package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import javax.crypto.Mac;
import kvlab.grader.fork.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EventChannel} on hand-written lines: every way a line can be wrong stops it, none throws. */
class EventChannelTest {
    private static final byte[] SECRET = new byte[Protocol.SECRET_BYTES];

    static {
        SECRET[0] = 42;
    }

    @TempDir
    Path dir;

    private static Mac mac() {
        return Protocol.newMac(SECRET.clone());
    }

    private static String signed(long sequence, String... fields) {
        return Protocol.signedLine(mac(), sequence, fields) + "\n";
    }

    private static String end(long sequence, int test) {
        String empty = Protocol.text("");
        return signed(sequence, Protocol.END, Integer.toString(test), Protocol.PASSED, "3", empty, empty, empty,
                Protocol.SEED_UNREAD);
    }

    /** Runs a two-test channel over {@code text}; returns the events handed over and the tampering, if any. */
    private Result run(String text) throws IOException {
        Path file = dir.resolve("events.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try (EventChannel channel = EventChannel.forRun(file, mac(), 2)) {
            List<String> events = channel.poll().stream().map(Protocol::line).toList();
            return new Result(events, channel.tampering().orElse(""));
        }
    }

    private record Result(List<String> events, String tampering) {
    }

    @Test
    void anHonestRunIsHandedOverWhole() throws IOException {
        Result r = run(signed(0, "start", "0") + end(1, 0) + signed(2, "start", "1") + end(3, 1) + signed(4, "done"));
        assertThat(r.tampering()).isEmpty();
        assertThat(r.events()).hasSize(5).last().isEqualTo("done");
    }

    @Test
    void aLineSignedWithAnotherKeyFailsAuthenticationAndNothingAfterIsHandedOver() throws IOException {
        byte[] other = new byte[Protocol.SECRET_BYTES];
        String forged = Protocol.signedLine(Protocol.newMac(other), 1, "end", "0", "passed", "1", "", "", "",
                "unseeded") + "\n";
        Result r = run(signed(0, "start", "0") + forged + end(1, 0));
        assertThat(r.events()).containsExactly("start\t0");
        assertThat(r.tampering()).isEqualTo("line 2 failed authentication");
    }

    @Test
    void malformedLinesAreTamperingNotExceptions() throws IOException {
        for (String bad : List.of("garbage\n", "\n", "0\tstart\t0\t%%%not base64%%%\n", "\t\t\t\n",
                "\u0000\u00ff\uffff\n")) {
            Files.deleteIfExists(dir.resolve("events.txt"));
            assertThat(run(bad).tampering()).as(bad).isEqualTo("line 1 failed authentication");
        }
    }

    @Test
    void authenticLinesOutOfSequenceOrOutOfTurnAreTampering() throws IOException {
        Object[][] cases = {
            {signed(0, "start", "0") + signed(0, "start", "0"), "line 2 is out of sequence"},
            {signed(1, "start", "0"), "line 1 is out of sequence"},
            {signed(0, "start", "1"), "line 1 starts a test out of turn"},
            {signed(0, "start", "0") + signed(1, "start", "1"), "line 2 starts a test out of turn"},
            {end(0, 0), "line 1 ends a test that is not open"},
            {signed(0, "start", "0") + end(1, 1), "line 2 ends a test that is not open"},
            {signed(0, "start", "0") + signed(1, "end", "0", "passed", "soon", "", "", "", "unseeded"),
                "line 2 is a malformed end event"},
            {signed(0, "start", "0") + signed(1, "end", "0", "passed"), "line 2 is a malformed end event"},
            {signed(0, "done"), "line 1 reports done before every test ended"},
            {signed(0, "exit") + signed(1, "start", "0"), "line 2 follows the fork's last event"},
            {signed(0, "start", "0") + signed(1, "fatal", "java.lang.Error", "@@"), "line 2 is an unexpected 'fatal' event"},
            {signed(0, "test", "A", "b", "", "cGFydA==", "1", "0"), "line 1 is an unexpected 'test' event"},
        };
        for (Object[] c : cases) {
            Files.deleteIfExists(dir.resolve("events.txt"));
            assertThat(run((String) c[0]).tampering()).as((String) c[1]).startsWith((String) c[1]);
        }
    }

    @Test
    void aLineLongerThanTheBoundStopsTheChannel() throws IOException {
        Result r = run(signed(0, "start", "0") + "x".repeat(EventTail.MAX_LINE + 10));
        assertThat(r.events()).containsExactly("start\t0");
        assertThat(r.tampering()).isEqualTo("line 2 is longer than 4 MiB");
    }

    @Test
    void discoveryAcceptsTestsThenDoneAndRejectsNonNumbers() throws IOException {
        Path file = dir.resolve("discovery.txt");
        Files.writeString(file, signed(0, "test", "A", "m", "", Protocol.text("1a"), "2", "0")
                + signed(1, "ungraded", "A", "n", "") + signed(2, "test", "A", "o", "", Protocol.text("1a"), "two", "0"));
        try (EventChannel channel = EventChannel.forDiscovery(file, mac())) {
            assertThat(channel.poll()).hasSize(2);
            assertThat(channel.tampering()).hasValue("line 3 is a malformed test event");
        }
    }
}
