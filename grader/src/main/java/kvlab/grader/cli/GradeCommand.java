package kvlab.grader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.FileTrees;
import kvlab.grader.course.CourseTree;
import kvlab.grader.engine.Evidence;
import kvlab.grader.grading.GradeOptions;
import kvlab.grader.grading.Grading;
import kvlab.grader.report.ConsoleReport;
import kvlab.grader.report.GradeReport;
import kvlab.grader.report.Reports;
import kvlab.grader.report.html.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kvlab grade}: build, run the graded tests part by part, report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Builds and runs the graded tests of the given parts (all when none).",
                "Parts run in course order: 1 2a 2b 2c 3a 3b 3c 4a 4b 4c.",
                "Exit code: 0 when every requested test passed, 1 when any failed or the build failed, "
                + "2 on a usage error."})
public final class GradeCommand implements Callable<Integer> {
    private static final String REPORT_HTML = "report.html";
    private static final String SKIP_CODE_CHECK = "KVLAB_UNSAFE_SKIP_CODE_CHECK";

    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PART", arity = "0..*", description = "Part ids: 1 2a 2b 2c 3a 3b 3c 4a 4b 4c.")
    private List<String> parts;

    @Option(names = "--reference", description = "Grade the reference solutions (course repository only).")
    private boolean reference;

    @Option(names = "--submission", paramLabel = "PATH",
            description = "Grade the student-editable files of the checkout at PATH in a pristine copy of the course.")
    private Path submission;

    @Option(names = "--seed", paramLabel = "N",
            description = "Use seeds N, N+1, ...; default: fresh ones, printed, so that `--seed` replays the run.")
    private Long seed;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "3",
            description = "Run every test under K seeds; it scores only if it passes under all (default: ${DEFAULT-VALUE}). "
                    + "A test that never reads its seed runs once.")
    private int seeds;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write results.json (Gradescope), classroom.json (GitHub Classroom), junit/ and report.html"
                    + " (score table; for each failing test its trace, node timelines, messages and client"
                    + " operations) here.")
    private Path out;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
            description = "Wall-clock limit in seconds for one test class in one JVM (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--part-budget", paramLabel = "S", defaultValue = "300",
            description = "Wall-clock budget in seconds for one part's tests, every seed included: when it is used "
                    + "up, the running test stops and the part's other tests are not run (default: ${DEFAULT-VALUE}).")
    private long partBudgetSeconds;

    @Option(names = "--run-budget", paramLabel = "S", defaultValue = "1200",
            description = "Wall-clock budget in seconds for the whole run, builds included, so that grading ends "
                    + "inside a CI job's limit even if every test hangs (default: ${DEFAULT-VALUE}).")
    private long runBudgetSeconds;

    @Option(names = "--check-determinism",
            description = "Run every test twice under the first seed and compare the trace digests (and results); "
                    + "a test whose runs differ fails as non-deterministic.")
    private boolean checkDeterminism;

    @Option(names = "--gate",
            description = "Progressive grading: stop after the first part, in course order, that is short of full "
                    + "marks; the parts after it are reported as not run.")
    private boolean gate;

    public GradeCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        if (out == null) {
            GradeReport report = Grading.grade(course, options(Optional.empty()), console);
            ConsoleReport.print(report, console.out());
            return report.passed() ? 0 : 1;
        }
        Path exports = temporaryDirectory();
        try {
            GradeReport report = Grading.grade(course, options(Optional.of(exports)), console);
            ConsoleReport.print(report, console.out());
            Reports.publish(out, dir -> {
                Reports.write(report, dir);
                HtmlReport.write(report, HtmlReport.Sections.FAILURES,
                        t -> Evidence.readExported(exports, t.test(), t.seed()), dir.resolve(REPORT_HTML));
            });
            console.err().println("reports written to " + out.toAbsolutePath() + "; open "
                    + out.resolve(REPORT_HTML).toAbsolutePath());
            return report.passed() ? 0 : 1;
        } finally {
            FileTrees.delete(exports);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kvlab-exports-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the trace exports", e);
        }
    }

    private GradeOptions options(Optional<Path> exportDir) {
        if (reference && submission != null) {
            throw usage("--reference and --submission are mutually exclusive");
        }
        if (reference && !course.hasSolutions()) {
            throw usage("--reference needs the course repository: " + course.root() + " has no solutions-private/");
        }
        if (submission != null && !Files.isDirectory(submission)) {
            throw usage("submission path " + submission + " is not a directory");
        }
        if (seeds < 1) {
            throw usage("--seeds must be at least 1, not " + seeds);
        }
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        if (partBudgetSeconds < 1 || runBudgetSeconds < 1) {
            throw usage("--part-budget and --run-budget must be at least 1 second");
        }
        return new GradeOptions(Parts.parse(parts, spec.commandLine()), reference, Optional.ofNullable(submission),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed), seeds, Duration.ofSeconds(timeoutSeconds),
                Duration.ofSeconds(partBudgetSeconds), Duration.ofSeconds(runBudgetSeconds), checkDeterminism, gate,
                checkCode(), Optional.ofNullable(out).map(Path::toAbsolutePath), exportDir);
    }

    /**
     * Whether to check the code before it runs: always, but where {@value #SKIP_CODE_CHECK} is set to
     * {@code unsafe}, which only the grader's own tests do, to prove that the sandbox holds code the
     * check would have stopped. The variable belongs to whoever starts the grader; graded code cannot
     * set it for the grader's process.
     */
    private boolean checkCode() {
        if ("unsafe".equals(System.getenv(SKIP_CODE_CHECK))) {
            console.err().println("kvlab: " + SKIP_CODE_CHECK + "=unsafe: the code is NOT checked against its rules"
                    + " before it runs (for the grader's own sandbox tests only)");
            return false;
        }
        return true;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
