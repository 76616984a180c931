package kvlab.grader.report;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code classroom.json}: the result GitHub Classroom's autograding reporter reads from a runner
 * (version 1): overall status {@code pass}, {@code fail} or {@code error} (a part could not run),
 * max_score, the run's seeds, and per test its name, status, score, max_score, message (with the
 * seed of a failure) and the command that replays it (test_code).
 */
final class ClassroomReport {
    private ClassroomReport() {
    }

    /** {@code seeds} is ours: the reporter reads only the fields it knows. */
    record Result(int version, String status, @SerializedName("max_score") int maxScore, List<Long> seeds,
                  List<Test> tests) {
    }

    record Test(String name, String status, int score, @SerializedName("max_score") int maxScore,
                String message, @SerializedName("test_code") String testCode) {
    }

    static Result of(GradeReport report) {
        List<Test> tests = new ArrayList<>();
        for (PartResult part : report.parts()) {
            if (part.failedSetup()) {
                tests.add(new Test("Part " + part.part() + ": setup", "error", 0, 0, part.setupError(), ""));
            }
            for (TestResult t : part.tests()) {
                tests.add(new Test("Part " + part.part() + ": " + t.test().label(),
                        status(t), t.earned(), t.test().points(),
                        t.passed() ? "" : "seed " + t.seed() + ": " + Text.firstLines(t.outcome().message(), 20), t.replay()));
            }
        }
        String status = report.parts().stream().anyMatch(PartResult::failedSetup) ? "error"
                : report.passed() ? "pass" : "fail";
        return new Result(1, status, report.possible(), report.seeds(), tests);
    }

    private static String status(TestResult t) {
        return switch (t.outcome().status()) {
            case PASSED -> "pass";
            case FAILED, NOT_RUN -> "fail";
            case ERRORED -> "error";
        };
    }
}
