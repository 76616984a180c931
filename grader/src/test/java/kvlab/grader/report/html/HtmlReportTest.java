package kvlab.grader.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kvlab.grader.engine.Evidence;
import kvlab.grader.engine.GradedTest;
import kvlab.grader.engine.TestOutcome;
import kvlab.grader.report.GradeReport;
import kvlab.grader.report.PartResult;
import kvlab.grader.report.TestResult;
import kvlab.harness.cluster.RoleTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final String HOSTILE = "</script><script>alert('x')</script><!-- & \"";

    @Test
    void escapesHostileTextEverywhere() throws IOException {
        Evidence evidence = new Evidence("KvTest#hostile", 7, "d", 3, List.of(
                new Evidence.Event(0, 1, "START", "incarnation 1"),
                new Evidence.Event(5, 1, "NOTE", HOSTILE),
                new Evidence.Event(9, 1, "SEND", "#1 1->2 " + HOSTILE)),
                List.of(new Evidence.ClientOp(0, 100, HOSTILE, "get(\"" + HOSTILE + "\") returned absent", 1, 4)),
                Optional.empty());
        String html = render(report(failing(HOSTILE)), t -> Optional.of(evidence));

        assertThat(html).doesNotContain("<script>alert").doesNotContain("<!-- &");
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)");
        // Exactly the page's own script elements: one data block and the code.
        assertThat(count(html, "</script>")).isEqualTo(2);
        assertThat(data(html, 0).getAsJsonArray("rows").get(1).getAsJsonArray().get(3).getAsString()).isEqualTo(HOSTILE);
    }

    @Test
    void hasTheScoreTableAndOneSectionPerFailure() throws IOException {
        TestResult passed = result(test("KvBasicTest", "basic"), TestOutcome.Status.PASSED, "");
        TestResult failed = failing("expected 3 but was 4");
        String html = render(new GradeReport("reference", List.of(42L),
                List.of(new PartResult("2b", "project2-raft", List.of(passed, failed), "")), List.of(), 1234),
                t -> Optional.empty());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table", "id=\"score\"", "KvBasicTest.basic",
                "<a href=\"#f-0\">KvTest.fails</a>", "5/10", "Failures (1)", "expected 3 but was 4",
                "seed <b>42</b>", "-Dkvlab.seed=42", "No trace was exported", "<style>", "function render(")
                .doesNotContain("<link", "src=\"http", "href=\"http");
    }

    @Test
    void aReplayShowsItsRunEvenWhenItPassed() throws IOException {
        TestResult passed = result(test("KvBasicTest", "basic"), TestOutcome.Status.PASSED, "");
        Evidence evidence = new Evidence("KvBasicTest#basic", 42, "d", 1,
                List.of(new Evidence.Event(0, 1, "START", "incarnation 1")), List.of(), Optional.empty());
        StringWriter out = new StringWriter();
        HtmlReport.write(report(passed), HtmlReport.Sections.EVERY_RUN, t -> Optional.of(evidence), out);

        assertThat(out.toString()).contains("Runs (1)", "<a href=\"#f-0\">KvBasicTest.basic</a>",
                "<details class=\"run pass\" id=\"f-0\" open>");
        assertThat(data(out.toString(), 0).getAsJsonArray("rows")).hasSize(1);
    }

    @Test
    void aCounterExampleIsMarkedAndFocused() throws IOException {
        List<Evidence.ClientOp> ops = List.of(
                new Evidence.ClientOp(0, 100, "k", "put(\"k\", \"1\")", 10, 20),
                new Evidence.ClientOp(1, 101, "k", "put(\"k\", \"2\")", 30, 40),
                new Evidence.ClientOp(2, 102, "k", "get(\"k\") returned \"1\"", 50, 60),
                new Evidence.ClientOp(3, 103, "k", "append(\"k\", \"3\") (pending)", 55, -1),
                new Evidence.ClientOp(4, 100, "other", "get(\"other\") returned absent", 1, 2));
        Evidence.Verdict verdict = new Evidence.Verdict("ILLEGAL", "key \"k\" is not linearizable", Optional.of("k"),
                OptionalInt.of(2), List.of(0, 1), List.of(3));
        Evidence evidence = new Evidence("KvTest#fails", 42, "d", 4, List.of(
                new Evidence.Event(0, 1, "START", "incarnation 1"),
                new Evidence.Event(0, 1, "STATE", "LEADER term 1", Optional.of(new RoleTrace.State("LEADER", 1))),
                new Evidence.Event(45, 1, "CRASH", "lost 0 unsynced disk operations"),
                new Evidence.Event(60, 102, "DELIVER", "#9 1->102 KvResponse[ok]"),
                new Evidence.Event(70, 1, "RESTART", "incarnation 2")), ops, Optional.of(verdict));
        JsonObject data = data(render(report(failing("not linearizable")), t -> Optional.of(evidence)), 0);

        assertThat(data.get("focus").getAsLong()).isEqualTo(60);
        assertThat(data.get("focusRow").getAsInt()).isEqualTo(3);
        assertThat(data.get("verdictKey").getAsString()).isEqualTo("k");
        List<Integer> marks = new ArrayList<>();
        data.getAsJsonArray("ops").forEach(op -> marks.add(op.getAsJsonArray().get(6).getAsInt()));
        assertThat(marks).containsExactly(2, 2, 1, 3, 0);
        JsonArray segments = data.getAsJsonArray("nodes").get(0).getAsJsonObject().getAsJsonArray("segments");
        assertThat(segments.toString()).isEqualTo("[[0,45,\"LEADER term 1\"],[45,70,\"CRASHED\"]]");
    }

    @Test
    void aHundredThousandEventTraceMakesABoundedFile(@TempDir Path dir) {
        List<Evidence.Event> trace = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            trace.add(new Evidence.Event(i / 10, 1 + i % 5, i % 2 == 0 ? "SEND" : "DELIVER",
                    "#" + i + " " + (1 + i % 5) + "->" + (1 + (i + 1) % 5) + " AppendEntries[term=3, index=" + i
                            + ", entries=" + "x".repeat(i % 400) + "]"));
        }
        List<Evidence.ClientOp> ops = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ops.add(new Evidence.ClientOp(i, 100 + i % 10, "k" + i % 3, "put(\"k\", \"" + i + "\")", i / 2, i / 2 + 7));
        }
        Evidence big = new Evidence("KvTest#fails", 42, "d", 250_000, trace, ops, Optional.empty());
        Path file = dir.resolve("report.html");
        long started = System.nanoTime();
        HtmlReport.write(report(failing("boom")), HtmlReport.Sections.FAILURES, t -> Optional.of(big), file);
        long millis = (System.nanoTime() - started) / 1_000_000;

        long size = file.toFile().length();
        System.out.println("100k-event report: " + size + " bytes, written in " + millis + " ms");
        assertThat(size).isLessThan(4_000_000);
        JsonObject data = data(read(file), 0);
        assertThat(data.getAsJsonArray("rows")).hasSize(HtmlReport.MAX_EVENTS_PER_TEST);
        assertThat(data.getAsJsonArray("ops")).hasSize(HtmlReport.MAX_OPS_PER_TEST);
        assertThat(data.get("total").getAsLong()).isEqualTo(250_000);
    }

    private static GradedTest test(String simpleClass, String method) {
        return new GradedTest("kvlab.kv." + simpleClass, method, "", "2b", 5, 1, false);
    }

    private static TestResult failing(String message) {
        return result(test("KvTest", "fails"), TestOutcome.Status.FAILED, message);
    }

    private static TestResult result(GradedTest test, TestOutcome.Status status, String message) {
        return new TestResult(new TestOutcome(test, status, message, "", "", 1500, true), 42,
                1, "mvn -pl project2-raft -am test -Dtest=" + test.simpleClassName() + "#" + test.methodName()
                + " -Dkvlab.seed=42");
    }

    private static GradeReport report(TestResult result) {
        return new GradeReport("skeleton", List.of(42L),
                List.of(new PartResult("2b", "project2-raft", List.of(result), "")), List.of(), 1000);
    }

    private static String render(GradeReport report, Function<TestResult, Optional<Evidence>> evidence)
            throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(report, HtmlReport.Sections.FAILURES, evidence, out);
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The embedded data block of failure {@code index}, parsed. */
    private static JsonObject data(String html, int index) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data-" + index + "\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("data block %d", index).isTrue();
        return JsonParser.parseString(m.group(1)).getAsJsonObject();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
