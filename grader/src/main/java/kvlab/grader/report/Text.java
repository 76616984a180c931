package kvlab.grader.report;

import java.util.stream.Collectors;
import kvlab.grader.engine.TestOutcome;

/** Small text shaping shared by the reports. */
final class Text {
    private Text() {
    }

    /** The first {@code n} lines of {@code text}, with "..." when there were more. */
    static String firstLines(String text, int n) {
        long total = text.lines().count();
        String head = text.lines().limit(n).collect(Collectors.joining("\n"));
        return total > n ? head + "\n..." : head;
    }

    /** Seconds with millisecond precision, as reports print them: {@code 1.234}. */
    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** A test's full story for the reports that have room: message, replay, details, output. */
    static String story(TestResult result) {
        if (result.outcome().status() == TestOutcome.Status.NOT_RUN) {
            return result.outcome().message();
        }
        StringBuilder text = new StringBuilder();
        if (!result.passed()) {
            text.append(result.outcome().message()).append("\n\nseed ").append(result.seed())
                    .append("; replay: ").append(result.replay()).append("\n");
            if (!result.outcome().details().isEmpty()) {
                text.append("\n").append(result.outcome().details()).append("\n");
            }
        }
        if (!result.outcome().output().isEmpty()) {
            text.append("\noutput:\n").append(result.outcome().output());
        }
        return text.toString();
    }
}
