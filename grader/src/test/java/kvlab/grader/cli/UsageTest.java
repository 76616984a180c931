package kvlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kvlab.grader.CliRun;
import kvlab.grader.course.CourseTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors exit 2 with a message naming the mistake, before anything is built; help works everywhere. */
class UsageTest {
    private static final CourseTree COURSE = CliRun.COURSE;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private int run(CourseTree course, String... args) {
        CliRun run = CliRun.run(course, args);
        out.append(run.out());
        err.append(run.err());
        return run.exitCode();
    }

    @Test
    void anUnknownPartNamesItAndTheValidParts() {
        assertThat(run(COURSE, "grade", "1", "5x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown part '5x'; valid parts: 1 2a 2b 2c 3a 3b 3c 4a 4b 4c");
    }

    @Test
    void listRejectsAnUnknownPartToo() {
        assertThat(run(COURSE, "list", "2d")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown part '2d'");
    }

    @Test
    void aMissingSubmissionIsNamed(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-checkout");
        assertThat(run(COURSE, "grade", "1", "--submission", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("submission path " + missing + " is not a directory");
    }

    @Test
    void referenceAndSubmissionAreMutuallyExclusive(@TempDir Path tmp) {
        assertThat(run(COURSE, "grade", "--reference", "--submission", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--reference and --submission are mutually exclusive");
    }

    @Test
    void referenceNeedsTheSolutions(@TempDir Path tmp) {
        assertThat(run(new CourseTree(tmp), "grade", "--reference")).isEqualTo(2);
        assertThat(err.toString()).contains("--reference needs the course repository");
    }

    @Test
    void seedsAndTimeoutMustBePositive() {
        assertThat(run(COURSE, "grade", "--seeds", "0")).isEqualTo(2);
        assertThat(run(COURSE, "grade", "--timeout", "0")).isEqualTo(2);
        assertThat(run(COURSE, "grade", "--seed", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("--seeds must be at least 1, not 0")
                .contains("--timeout must be at least 1 second, not 0")
                .contains("'x' is not a long");
    }

    @Test
    void packageNamesAnUnknownTargetAndNeedsTheCourseRepository(@TempDir Path tmp) {
        assertThat(run(COURSE, "package", "moodle", "--out", tmp.resolve("a.zip").toString())).isEqualTo(2);
        assertThat(run(new CourseTree(tmp), "package", "gradescope", "--out", tmp.resolve("a.zip").toString())).isEqualTo(2);
        assertThat(run(COURSE, "package", "gradescope", "9z", "--out", tmp.resolve("a.zip").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown package target 'moodle'; valid: gradescope",
                "package needs the course repository", "unknown part '9z'");
        assertThat(tmp.resolve("a.zip")).doesNotExist();
    }

    @Test
    void handoutRequiresOut() {
        assertThat(run(COURSE, "handout")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void anUnknownOrMissingCommandIsAUsageError() {
        assertThat(run(COURSE, "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
        assertThat(run(COURSE)).isEqualTo(2);
        assertThat(err.toString()).contains("missing command: grade, list, handout, check, replay, stress or package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grade --seeds x", "grade --seeds 0", "grade 5x", "list 2d", "handout", "frobnicate",
            "check --course --bogus", "stress", "replay"})
    void aUsageErrorIsOneLineAndAHintToHelp(String command) {
        assertThat(run(COURSE, command.split(" "))).isEqualTo(2);
        String name = command.startsWith("frobnicate") ? "kvlab" : "kvlab " + command.split(" ")[0];
        assertThat(err.toString().lines()).hasSize(2).first().asString().startsWith(name + ": ");
        assertThat(err.toString().lines().toList().get(1)).isEqualTo("Try '" + name + " --help' for usage.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grade", "list", "handout", "check", "replay", "stress", "package"})
    void everyCommandHasHelp(String command) {
        assertThat(run(COURSE, command, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: kvlab " + command).contains("-h, --help");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        assertThat(run(COURSE, "--help")).isZero();
        assertThat(out.toString()).contains("grade", "list", "handout", "check");
    }

    @Test
    void checkInTheCourseRepositorySaysThereIsNothingToCheck() {
        assertThat(run(COURSE, "check")).isZero();
        assertThat(out.toString()).contains("not a student checkout but the course repository; nothing to check");
    }
}
