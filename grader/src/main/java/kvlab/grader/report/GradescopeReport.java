package kvlab.grader.report;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.json} in Gradescope's autograder format: top-level score, max_score,
 * execution_time (seconds) and output; one entry per test with name, number, score, max_score,
 * status ({@code passed}/{@code failed}), output and visibility ({@code after_published} for a
 * hidden test, {@code visible} otherwise). A part that could not run appears as a failed entry worth
 * 0 whose output holds the reason.
 */
final class GradescopeReport {
    private static final String VISIBLE = "visible";
    /** Students see a hidden test's result only once the instructor publishes the grades. */
    private static final String AFTER_PUBLISHED = "after_published";

    private GradescopeReport() {
    }

    record Results(int score, @SerializedName("max_score") int maxScore,
                   @SerializedName("execution_time") long executionTime, String output,
                   String visibility, List<Test> tests) {
    }

    record Test(String name, String number, int score, @SerializedName("max_score") int maxScore,
                String status, String output, String visibility) {
    }

    static Results of(GradeReport report) {
        List<Test> tests = new ArrayList<>();
        for (PartResult part : report.parts()) {
            if (part.failedSetup()) {
                tests.add(new Test("Part " + part.part() + ": setup", part.part() + ".0", 0, 0, "failed",
                        part.setupError(), VISIBLE));
            }
            int number = 1;
            for (TestResult t : part.tests()) {
                tests.add(new Test("Part " + part.part() + ": " + t.test().label(),
                        part.part() + "." + number++, t.earned(), t.test().points(),
                        t.passed() ? "passed" : "failed", Text.story(t), t.test().hidden() ? AFTER_PUBLISHED : VISIBLE));
            }
        }
        return new Results(report.earned(), report.possible(), (report.wallMillis() + 999) / 1000,
                summary(report), VISIBLE, tests);
    }

    /** The top-level output: what was graded, with which seeds, and the notes. */
    static String summary(GradeReport report) {
        StringBuilder text = new StringBuilder("KVLab grader: " + report.mode() + "; seeds "
                + report.seeds() + "; " + report.earned() + "/" + report.possible() + " points\n");
        report.notes().forEach(note -> text.append(note).append("\n"));
        report.parts().stream().filter(PartResult::failedSetup)
                .forEach(p -> text.append("Part ").append(p.part()).append(" could not run:\n")
                        .append(p.setupError()).append("\n"));
        return text.toString();
    }
}
