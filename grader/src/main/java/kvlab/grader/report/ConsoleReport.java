package kvlab.grader.report;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kvlab.grader.engine.TestOutcome;

/**
 * The report people read: a table of every test (part, test, points, result, time, seed) with
 * totals per part and overall, the seeds of the run, then the failures with their messages and
 * replay commands.
 */
public final class ConsoleReport {
    private static final int MESSAGE_LINES = 6;

    private ConsoleReport() {
    }

    public static void print(GradeReport report, PrintWriter out) {
        int width = Math.max(24, report.tests().stream()
                .mapToInt(t -> t.test().label().length()).max().orElse(0));
        String row = "%-5s %-" + width + "s %7s  %-7s %9s  %s";
        row(out, row, "Part", "Test", "Points", "Result", "Time", "Seed");
        for (PartResult part : report.parts()) {
            for (TestResult t : part.tests()) {
                row(out, row, part.part(), t.test().label(), t.earned() + "/" + t.test().points(),
                        status(t.outcome().status()), Text.seconds(t.outcome().wallMillis()) + " s", seed(t));
            }
            if (part.failedSetup()) {
                row(out, row, part.part(), "(could not run: see below)", "0/" + part.possible(), "error", "", "");
            } else if (part.tests().isEmpty()) {
                row(out, row, part.part(), "(no graded tests yet)", "", "", "", "");
            } else {
                row(out, row, part.part(), "total", part.earned() + "/" + part.possible(), "", "", "");
            }
        }
        row(out, row, "all", "overall", report.earned() + "/" + report.possible(), "", "", "");
        out.println();
        out.println(seedsLine(report));
        printNotes(report, out);
        printFailures(report, out);
        out.flush();
    }

    private static void row(PrintWriter out, String format, Object... cells) {
        out.println(String.format(format, cells).stripTrailing());
    }

    /** How the table names a status. */
    public static String status(TestOutcome.Status status) {
        return switch (status) {
            case PASSED -> "passed";
            case FAILED -> "FAILED";
            case ERRORED -> "ERROR";
            case NOT_RUN -> "not run";
        };
    }

    /** The seeds, and how to run the same grading again. */
    static String seedsLine(GradeReport report) {
        List<Long> seeds = report.seeds();
        return "Seeds: " + seeds.stream().map(String::valueOf).collect(Collectors.joining(" "))
                + " (every test must pass under each; rerun them all: --seed " + seeds.get(0) + " --seeds " + seeds.size() + ")";
    }

    private static String seed(TestResult t) {
        if (t.outcome().status() == TestOutcome.Status.NOT_RUN) {
            return "";
        }
        if (t.passed() && !t.outcome().seeded()) {
            return "unseeded";
        }
        return t.passed() && t.seedRuns() > 1 ? t.seedRuns() + " seeds" : Long.toString(t.seed());
    }

    private static void printNotes(GradeReport report, PrintWriter out) {
        for (String note : report.notes()) {
            out.println();
            out.println(note);
        }
    }

    private static void printFailures(GradeReport report, PrintWriter out) {
        Set<String> setupErrors = new LinkedHashSet<>();
        report.parts().stream().filter(PartResult::failedSetup).forEach(p -> setupErrors.add(p.setupError()));
        boolean anyFailed = report.tests().stream()
                .anyMatch(t -> !t.passed() && t.outcome().status() != TestOutcome.Status.NOT_RUN);
        if (setupErrors.isEmpty() && !anyFailed) {
            return;
        }
        out.println();
        out.println("Failures:");
        setupErrors.forEach(out::println);
        // Tests that did not run have no failure of their own: a note says why they did not.
        for (TestResult t : report.tests()) {
            if (!t.passed() && t.outcome().status() != TestOutcome.Status.NOT_RUN) {
                out.println("[" + t.test().part() + "] " + t.test().label() + " (seed " + t.seed() + ")");
                String message = Text.firstLines(t.outcome().message(), MESSAGE_LINES);
                message.lines().forEach(line -> out.println("    " + line));
                // A simulated test's own failure message already ends with the same command.
                if (!message.contains("replay: " + t.replay())) {
                    out.println("    replay: " + t.replay());
                }
            }
        }
    }
}
