package kvlab.grader.grading;

import java.io.PrintWriter;
import kvlab.grader.engine.GradedTest;
import kvlab.grader.engine.TestOutcome;
import kvlab.grader.engine.TestRunner;
import kvlab.grader.report.ConsoleReport;

/**
 * Shows which test runs: on a terminal one line redrawn in place ({@code [1] 7/20 Test.name}),
 * elsewhere one plain line per finished test.
 */
final class Progress implements TestRunner.Progress {
    private static final String CLEAR_LINE = "\r\u001B[K";

    private final PrintWriter err;
    private final boolean tty;
    private final String label;

    Progress(PrintWriter err, boolean tty, String label) {
        this.err = err;
        this.tty = tty;
        this.label = label;
    }

    @Override
    public void started(GradedTest test, int index, int total) {
        if (tty) {
            err.print(CLEAR_LINE + prefix(index, total) + test.displayName());
            err.flush();
        }
    }

    @Override
    public void finished(TestOutcome outcome, int index, int total) {
        if (!tty) {
            err.println(prefix(index, total) + outcome.test().displayName() + " "
                    + ConsoleReport.status(outcome.status()) + " (" + outcome.wallMillis() + " ms)");
            err.flush();
        }
    }

    /** Clears the progress line once the part is done. */
    void end() {
        if (tty) {
            err.print(CLEAR_LINE);
            err.flush();
        }
    }

    private String prefix(int index, int total) {
        return "[" + label + "] " + (index + 1) + "/" + total + " ";
    }
}
