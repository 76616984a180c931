package kvlab.grader.cli;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.course.CourseTree;
import kvlab.grader.engine.Budget;
import kvlab.grader.grading.Seeds;
import kvlab.grader.grading.Stress;
import kvlab.grader.grading.Target;
import kvlab.grader.grading.Targets;
import kvlab.grader.grading.UnknownTestException;
import kvlab.grader.report.ConsoleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kvlab stress}: run a graded test, or a whole part, under many seeds. */
@Command(name = "stress", mixinStandardHelpOptions = true,
        description = {"Runs a graded test (Class#method) or every graded test of a part under N seeds, two JVMs at once;",
                "lists the failing seeds with a one-line reason and the replay command for each.",
                "Exit code: 0 when every run passed, 1 when any failed, 2 usage error."})
public final class StressCommand implements Callable<Integer> {
    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TEST|PART", description = "Class#method, Class.method, or a part id.")
    private String target;

    @Option(names = "--seeds", paramLabel = "N", required = true, description = "How many seeds to run.")
    private int seeds;

    @Option(names = "--seed-start", paramLabel = "S", description = "Run seeds S, S+1, ...; default: fresh seeds.")
    private Long seedStart;

    @Option(names = "--reference", description = "Run against the reference solutions (course repository only).")
    private boolean reference;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
            description = "Wall-clock limit in seconds for one test class in one JVM (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    public StressCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        Commands.checkReference(reference, course, spec);
        if (seeds < 1 || timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds and --timeout must be at least 1");
        }
        Target resolved;
        try {
            resolved = Targets.resolve(course, target, reference, Duration.ofSeconds(timeoutSeconds), console);
        } catch (UnknownTestException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Long> chosen = Seeds.choose(seedStart == null ? OptionalLong.empty() : OptionalLong.of(seedStart), seeds);
        console.err().println("stress: " + resolved.tests().size() + " test(s) of " + resolved.module() + " under "
                + seeds + " seeds " + chosen.get(0) + (seeds > 1 ? ".." + chosen.get(seeds - 1) : "")
                + (reference ? " (reference)" : ""));
        List<Stress.Run> runs = Stress.run(resolved, chosen, console.err(), "stress", Budget.UNLIMITED);
        List<Stress.Run> failed = runs.stream().filter(r -> !r.outcome().passed()).toList();
        console.out().println("stress: " + (runs.size() - failed.size()) + "/" + runs.size() + " runs passed ("
                + resolved.tests().size() + " test(s) x " + seeds + " seeds)");
        for (Stress.Run run : failed) {
            var test = run.outcome().test();
            String reason = run.outcome().message().lines().findFirst().orElse("(no message)");
            console.out().println(ConsoleReport.status(run.outcome().status()) + " " + test.displayName() + " seed "
                    + run.seed() + ": " + reason);
            console.out().println("    replay: ./kvlab replay " + test.simpleClassName() + "#" + test.methodName()
                    + " --seed " + run.seed() + (reference ? " --reference" : ""));
        }
        return failed.isEmpty() ? 0 : 1;
    }
}
