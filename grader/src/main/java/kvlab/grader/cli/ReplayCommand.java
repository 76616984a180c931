package kvlab.grader.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import kvlab.grader.Console;
import kvlab.grader.course.CourseTree;
import kvlab.grader.engine.Determinism;
import kvlab.grader.engine.GradedTest;
import kvlab.grader.engine.TracedRun;
import kvlab.grader.grading.Replay;
import kvlab.grader.grading.Target;
import kvlab.grader.grading.Targets;
import kvlab.grader.grading.UnknownTestException;
import kvlab.grader.report.ConsoleReport;
import kvlab.grader.report.GradeReport;
import kvlab.grader.report.PartResult;
import kvlab.grader.report.TestResult;
import kvlab.grader.report.html.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kvlab replay}: rerun one graded test under one seed and show its trace digest. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Builds the test's module and reruns one graded test under one seed, alone in a fresh JVM;",
                "prints the result and the trace digest (the same seed must give the same digest).",
                "Exit code: 0 passed, 1 failed (or non-deterministic), 2 usage error."})
public final class ReplayCommand implements Callable<Integer> {
    private final CourseTree course;
    private final Console console;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TEST", description = "Class#method or Class.method of a graded test.")
    private String test;

    @Option(names = "--seed", paramLabel = "N", required = true, description = "The seed to replay.")
    private long seed;

    @Option(names = "--reference", description = "Run against the reference solutions (course repository only).")
    private boolean reference;

    @Option(names = "--trace", description = "Also print the trace text.")
    private boolean trace;

    @Option(names = "--trace-tail", paramLabel = "LINES", defaultValue = "0",
            description = "With --trace, print only the last LINES lines (default: all).")
    private int traceTail;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write an HTML report of this run to FILE: result, node timelines, messages, client "
                    + "operations with any linearizability counter-example, and the searchable trace.")
    private Path html;

    @Option(names = "--check-determinism", description = "Run twice and compare the trace digests.")
    private boolean checkDeterminism;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120",
            description = "Wall-clock limit in seconds for the test (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    public ReplayCommand(CourseTree course, Console console) {
        this.course = course;
        this.console = console;
    }

    @Override
    public Integer call() {
        Commands.checkReference(reference, course, spec);
        if (traceTail < 0 || timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--trace-tail must be >= 0 and --timeout >= 1");
        }
        if (html != null && checkDeterminism) {
            throw new ParameterException(spec.commandLine(), "--html reports one run: leave out --check-determinism");
        }
        Target target;
        try {
            target = Targets.resolve(course, test, reference, Duration.ofSeconds(timeoutSeconds), console);
        } catch (UnknownTestException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        GradedTest graded = target.tests().get(0);
        console.out().println("replay " + graded.displayName() + " [" + graded.part() + "] seed " + seed
                + (reference ? " (reference)" : ""));
        if (!checkDeterminism) {
            TracedRun run = TracedRun.run(target.spec(), graded, seed, trace, html != null);
            print(run);
            if (html != null) {
                writeHtml(run, target.module());
            }
            return run.outcome().passed() ? 0 : 1;
        }
        Determinism check = Determinism.check(target.spec(), graded, seed, trace);
        print(check.first());
        printDigest(check.second());
        if (!check.checkable()) {
            console.out().println("cannot check determinism: a run left no trace digest");
        } else if (check.problem().isPresent()) {
            console.out().println(check.problem().get());
            return 1;
        } else {
            console.out().println("deterministic: both runs gave the same digest");
        }
        return check.first().outcome().passed() ? 0 : 1;
    }

    /** The report of a one-test "grading": its score table has one row, and a failure its full section. */
    private void writeHtml(TracedRun run, String module) {
        GradedTest graded = run.outcome().test();
        TestResult result = new TestResult(run.outcome(), seed, 1, new Replay(reference).command(module, graded, seed));
        GradeReport report = new GradeReport("replay of " + graded.displayName() + (reference ? " (reference)" : ""),
                List.of(seed), List.of(new PartResult(graded.part(), module, List.of(result), "")), List.of(),
                run.outcome().wallMillis());
        HtmlReport.write(report, HtmlReport.Sections.EVERY_RUN, t -> run.evidence(), html);
        console.out().println("HTML report written to " + html.toAbsolutePath());
    }

    private void print(TracedRun run) {
        console.out().println(ConsoleReport.status(run.outcome().status()) + " (" + run.outcome().wallMillis() + " ms)");
        if (!run.outcome().passed()) {
            run.outcome().message().lines().forEach(line -> console.out().println("    " + line));
        }
        run.trace().ifPresent(this::printTrace);
        printDigest(run);
    }

    private void printDigest(TracedRun run) {
        console.out().println(run.digest().map(d -> "trace digest " + d.digest() + " (" + d.events() + " events)")
                .orElse("no trace digest: the test took no Simulation, or its JVM died before the test ended"));
    }

    private void printTrace(String text) {
        List<String> lines = text.lines().toList();
        int from = traceTail == 0 ? 0 : Math.max(0, lines.size() - traceTail);
        console.out().println("--- trace" + (from > 0 ? ": last " + (lines.size() - from) + " of " + lines.size()
                + " lines (" + from + " earlier lines left out; --trace-tail 0 prints all)" : "") + " ---");
        lines.subList(from, lines.size()).forEach(console.out()::println);
        console.out().println("--- end of trace ---");
    }
}
