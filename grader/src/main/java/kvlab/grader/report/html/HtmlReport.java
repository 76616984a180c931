package kvlab.grader.report.html;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import kvlab.grader.engine.Evidence;
import kvlab.grader.report.ConsoleReport;
import kvlab.grader.report.GradeReport;
import kvlab.grader.report.PartResult;
import kvlab.grader.report.TestResult;

/**
 * {@code report.html}: one self-contained page (inline style and script, nothing fetched, opens offline)
 * with the score table and, for each failing test (or the one run of a replay), its message, seed and
 * replay command and, when the test exported its trace ({@link Evidence}), a lane per node (role, term,
 * crashes, pauses, network changes), a message diagram around the failure, the client operations as
 * intervals per client with the linearizability counter-example marked, and the trace text with a filter.
 *
 * <p>Size stays bounded: every failing test embeds at most {@link #MAX_EVENTS_PER_TEST} events and
 * {@link #MAX_OPS_PER_TEST} operations, and all together about {@link #TOTAL_EVENTS} events; the page
 * says what it left out. The script draws a test only when its section is opened, and draws only the
 * visible rows of the trace, so a long trace never becomes tens of thousands of DOM nodes.
 */
public final class HtmlReport {
    /** Events embedded over all failing tests together; each gets an equal share within the bounds below. */
    static final int TOTAL_EVENTS = 60_000;
    static final int MAX_EVENTS_PER_TEST = 20_000;
    static final int MIN_EVENTS_PER_TEST = 1_000;
    static final int MAX_OPS_PER_TEST = 3_000;

    /**
     * Without Gson's HTML escaping, which would turn every '=' of a record's toString into six bytes; the
     * data blocks escape '<' themselves (see {@link #scriptData}).
     */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private HtmlReport() {
    }

    /**
     * Which tests get a section of their own, and what the page calls those sections.
     *
     * @param title the heading over the sections
     * @param shown whether a test gets one
     */
    public record Sections(String title, Predicate<TestResult> shown) {
        /** A grading run: the failing tests. */
        public static final Sections FAILURES = new Sections("Failures", t -> !t.passed());
        /** A replay: its one run, passed or not. */
        public static final Sections EVERY_RUN = new Sections("Runs", t -> true);
    }

    /**
     * Writes the report of {@code report} to {@code file}, with a section for each test {@code sections}
     * shows; {@code evidence} gives a test's export, if it has one. An export that cannot be read becomes
     * a note in its section, not an error.
     */
    public static void write(GradeReport report, Sections sections,
                             Function<TestResult, Optional<Evidence>> evidence, Path file) {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            write(report, sections, evidence, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void write(GradeReport report, Sections sections, Function<TestResult, Optional<Evidence>> evidence,
                      Writer out) throws IOException {
        List<TestResult> shown = report.tests().stream().filter(sections.shown()).toList();
        long failing = report.tests().stream().filter(t -> !t.passed()).count();
        int eventsPerTest = Math.max(MIN_EVENTS_PER_TEST,
                Math.min(MAX_EVENTS_PER_TEST, TOTAL_EVENTS / Math.max(1, shown.size())));
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>KVLab report: "
                + report.earned() + "/" + report.possible() + " points</title>\n<style>\n" + resource("report.css")
                + "</style></head>\n<body>\n");
        out.write("<header><h1>KVLab report</h1><p>" + escape(report.mode()) + " · seeds "
                + escape(report.seeds().toString()) + " · <b>" + report.earned() + "/" + report.possible()
                + " points</b> · " + failing + " failing · " + seconds(report.wallMillis()) + "</p></header>\n");
        scoreTable(report, shown, out);
        for (String note : report.notes()) {
            out.write("<p class=\"note\">" + escape(note) + "</p>\n");
        }
        out.write("<section id=\"runs\"><h2>" + escape(sections.title()) + " (" + shown.size() + ")</h2>\n");
        for (PartResult part : report.parts()) {
            if (part.failedSetup()) {
                out.write("<h3>Part " + escape(part.part()) + " could not run</h3><pre>" + escape(part.setupError())
                        + "</pre>\n");
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            section(i, shown.get(i), evidence, eventsPerTest, out);
        }
        out.write("</section>\n<script>\n" + resource("report.js") + "</script>\n</body></html>\n");
    }

    private static void scoreTable(GradeReport report, List<TestResult> shown, Writer out) throws IOException {
        out.write("<section id=\"score\"><h2>Score</h2><label><input type=\"checkbox\" id=\"only-failing\">"
                + " failing tests only</label>\n<table><thead><tr><th>Part</th><th>Test</th><th>Points</th>"
                + "<th>Result</th><th>Time</th><th>Seed</th></tr></thead><tbody>\n");
        for (PartResult part : report.parts()) {
            for (TestResult t : part.tests()) {
                String name = escape(t.test().displayName());
                String cell = shown.contains(t) ? "<a href=\"#f-" + shown.indexOf(t) + "\">" + name + "</a>" : name;
                out.write("<tr class=\"" + (t.passed() ? "pass" : "fail") + "\"><td>" + escape(part.part())
                        + "</td><td>" + cell + "</td><td class=\"num\">" + t.earned() + "/" + t.test().points()
                        + "</td><td>"
                        + ConsoleReport.status(t.outcome().status()) + "</td><td class=\"num\">"
                        + seconds(t.outcome().wallMillis()) + "</td><td class=\"num\">" + t.seed() + "</td></tr>\n");
            }
            String total = part.failedSetup() ? "could not run"
                    : part.tests().isEmpty() ? "no graded tests yet" : "total";
            out.write("<tr class=\"total\"><td>" + escape(part.part()) + "</td><td>" + total + "</td><td class=\"num\">"
                    + part.earned() + "/" + part.possible() + "</td><td></td><td></td><td></td></tr>\n");
        }
        out.write("<tr class=\"total\"><td>all</td><td>overall</td><td class=\"num\">" + report.earned() + "/"
                + report.possible() + "</td><td></td><td></td><td></td></tr>\n</tbody></table></section>\n");
    }

    private static void section(int index, TestResult t, Function<TestResult, Optional<Evidence>> evidence,
                                int maxEvents, Writer out) throws IOException {
        out.write("<details class=\"run " + (t.passed() ? "pass" : "fail") + "\" id=\"f-" + index + "\""
                + (index == 0 ? " open" : "") + "><summary>[" + escape(t.test().part()) + "] "
                + escape(t.test().displayName()) + " — " + ConsoleReport.status(t.outcome().status()) + ", seed "
                + t.seed() + "</summary>\n");
        if (!t.outcome().message().isEmpty()) {
            out.write("<pre class=\"message\">" + escape(t.outcome().message()) + "</pre>\n");
        }
        out.write("<p>seed <b>" + t.seed() + "</b> · replay:</p><pre class=\"replay\">" + escape(t.replay())
                + "</pre>\n");
        if (!t.outcome().details().isEmpty()) {
            out.write("<details><summary>details</summary><pre>" + escape(t.outcome().details())
                    + "</pre></details>\n");
        }
        Optional<Evidence> exported;
        try {
            exported = evidence.apply(t);
        } catch (RuntimeException e) {
            out.write("<p class=\"note\">The trace export could not be read: " + escape(e.toString())
                    + "</p></details>\n");
            return;
        }
        if (exported.isEmpty()) {
            out.write("<p class=\"note\">No trace was exported: the test took no Simulation, or its JVM died"
                    + " before the test ended.</p></details>\n");
            return;
        }
        RunView view = RunView.of(exported.get(), maxEvents, MAX_OPS_PER_TEST);
        // The script marks this moment in every panel and names it with the data-focus text.
        out.write("<div class=\"viz\" data-index=\"" + index + "\" data-focus=\""
                + (t.passed() ? "the end of the run" : "the failure") + "\"></div>\n"
                + "<script type=\"application/json\" id=\"data-" + index + "\">");
        out.write(scriptData(GSON.toJson(view)));
        out.write("</script></details>\n");
    }

    /**
     * JSON made safe inside a script element: '<' can occur only inside JSON strings, where its escape
     * (backslash, u003c) means the same, and without it no "&lt;/script" or "&lt;!--" can end or confuse
     * the element.
     */
    static String scriptData(String json) {
        return json.replace("<", "\\u003c");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the grader jar lacks its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
