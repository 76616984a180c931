package kvlab.grader.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kvlab.grader.Console;
import kvlab.grader.GradingException;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.grader.course.Submission;
import kvlab.grader.engine.Budget;
import kvlab.grader.engine.Sandbox;
import kvlab.grader.engine.Determinism;
import kvlab.grader.engine.Evidence;
import kvlab.grader.engine.ForkSpec;
import kvlab.grader.engine.GradedTest;
import kvlab.grader.engine.TestOutcome;
import kvlab.grader.engine.TestRunner;
import kvlab.grader.report.GradeReport;
import kvlab.grader.report.PartResult;
import kvlab.grader.report.TestResult;

/**
 * One grading run: prepare the tree to grade (in place, or a submission in a pristine copy), build
 * and discover, run each part's tests under every seed, and collect a {@link GradeReport}.
 */
public final class Grading {
    private Grading() {
    }

    /**
     * Grades as {@code options} say. Never throws for what happens along the way: whatever stops
     * the run (say a JVM that cannot start) becomes a report whose parts could not run, so that
     * the reports are always written.
     */
    public static GradeReport grade(CourseTree course, GradeOptions options, Console console) {
        long started = System.nanoTime();
        List<Long> seeds = Seeds.choose(options.seed(), options.seeds());
        console.err().println("seeds: " + seeds);
        Sandbox sandbox = Sandbox.current();
        console.err().println("sandbox: " + sandbox.describe());
        sandbox.note().ifPresent(console.err()::println);
        try {
            return gradeTree(course, options, seeds, console, started);
        } catch (RuntimeException e) {
            String error = "grading stopped: " + (e instanceof GradingException ? e.getMessage() : e.toString());
            console.err().println("kvlab: " + error);
            List<PartResult> parts = options.parts().stream()
                    .map(p -> new PartResult(p.id(), p.module(), List.of(), error)).toList();
            return new GradeReport(mode(options), seeds, parts, List.of(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            sandbox.releaseStaging();
        }
    }

    private static String mode(GradeOptions options) {
        return options.submission().map(path -> "submission " + path)
                .orElse(options.reference() ? "reference" : "skeleton");
    }

    private static GradeReport gradeTree(CourseTree course, GradeOptions options, List<Long> seeds, Console console,
                                         long started) {
        // Beside the tree it grades, the code under test must not see the course it came from, the
        // student's own checkout or the reports.
        List<Path> hidden = Stream.of(Optional.of(course.root()), options.submission().map(Path::toAbsolutePath),
                options.out()).flatMap(Optional::stream).toList();
        if (options.submission().isEmpty()) {
            Replay replay = new Replay(options.reference());
            return grade(course, options, seeds, List.of(), hidden, replay, console, started);
        }
        try (Submission submission = Submission.prepare(course, options.submission().get())) {
            List<String> notes = new ArrayList<>();
            if (!submission.ignored().isEmpty()) {
                notes.add("ignored: changes to protected files: " + String.join(", ", submission.ignored()));
            }
            if (!submission.missing().isEmpty()) {
                notes.add("missing from the submission (skeleton kept): " + String.join(", ", submission.missing()));
            }
            notes.forEach(console.err()::println);
            return grade(submission.workspace(), options, seeds, notes, hidden, new Replay(false), console, started);
        }
    }

    private static GradeReport grade(CourseTree tree, GradeOptions options, List<Long> seeds, List<String> notes,
                                     List<Path> hidden, Replay replay, Console console, long started) {
        List<PartResult> parts = new ArrayList<>();
        List<String> allNotes = new ArrayList<>(notes);
        String gateClosed = "";
        Budget wholeRun = new Budget(started, options.runBudget(), "grading used up its whole-run wall-clock budget of "
                + options.runBudget().toSeconds() + " s (--run-budget)");
        for (PartPlan plan : Planner.plan(tree, options.parts(), options.reference(), options.timeout(),
                options.checkCode(), console)) {
            if (!gateClosed.isEmpty()) {
                parts.add(notRun(plan, gateClosed, seeds.get(0), replay));
                continue;
            }
            Budget budget = Budget.startingNow(options.partBudget(), "part " + plan.part().id()
                    + " used up its wall-clock budget of " + options.partBudget().toSeconds() + " s (--part-budget)")
                    .earliest(wholeRun);
            PartPlan hiding = plan instanceof PartPlan.Ready ready
                    ? new PartPlan.Ready(ready.part(), ready.spec().withHiddenPaths(hidden), ready.tests()) : plan;
            PartResult result = run(hiding, seeds, options.checkDeterminism(), replay, options.exportDir(), budget,
                    console);
            parts.add(result);
            if (options.gate() && !result.passed()) {
                gateClosed = "not run: part " + result.part() + " scored " + result.earned() + "/" + result.possible()
                        + (result.failedSetup() ? " (it could not run)" : "")
                        + ", and --gate stops at the first part short of full marks";
                allNotes.add("--gate: " + gateClosed.substring("not run: ".length()) + "; the parts after it did not run");
            }
        }
        if (options.checkDeterminism()) {
            allNotes.add("determinism checked: every test ran twice under seed " + seeds.get(0)
                    + "; a test whose runs differed failed as non-deterministic");
        }
        return new GradeReport(mode(options), seeds, parts, allNotes, (System.nanoTime() - started) / 1_000_000);
    }

    /** A part that {@code --gate} kept from running: its tests fail as not run, a broken part stays broken. */
    private static PartResult notRun(PartPlan plan, String reason, long seed, Replay replay) {
        if (plan instanceof PartPlan.Broken broken) {
            return broken(broken, seed, replay);
        }
        return notRun(plan.part(), ((PartPlan.Ready) plan).tests(), reason, "", seed, replay);
    }

    /** A part that could not run: each of its tests is listed as not run, so the part keeps its full score. */
    private static PartResult broken(PartPlan.Broken plan, long seed, Replay replay) {
        return notRun(plan.part(), plan.tests(), "not run: part " + plan.part().id() + " could not run (see its error)",
                plan.error(), seed, replay);
    }

    private static PartResult notRun(Part part, List<GradedTest> tests, String reason, String setupError, long seed,
                                     Replay replay) {
        List<TestResult> results = tests.stream().map(t -> new TestResult(TestOutcome.notRun(t, reason), seed, 0,
                replay.command(part.module(), t, seed))).toList();
        return new PartResult(part.id(), part.module(), results, setupError);
    }

    /**
     * Runs a part's tests under the first seed (twice, side by side, when checking determinism),
     * then the ones that passed and read their seed under every later seed, those seeds in parallel
     * (a test that already failed has lost its points; one that never read its seed cannot change).
     */
    private static PartResult run(PartPlan plan, List<Long> seeds, boolean checkDeterminism, Replay replay,
                                  Optional<Path> exportDir, Budget budget, Console console) {
        String id = plan.part().id();
        String module = plan.part().module();
        if (plan instanceof PartPlan.Broken broken) {
            return broken(broken, seeds.get(0), replay);
        }
        PartPlan.Ready ready = (PartPlan.Ready) plan;
        // Failing simulated tests export their trace for the HTML report.
        ForkSpec spec = exportDir.map(dir -> Evidence.exportingFailures(ready.spec(), dir)).orElse(ready.spec());
        long firstSeed = seeds.get(0);
        Progress progress = new Progress(console.err(), console.tty(),
                seeds.size() == 1 ? id : id + " seed 1/" + seeds.size());
        List<TestOutcome> first = checkDeterminism
                ? Determinism.runTwice(spec, ready.tests(), firstSeed, progress, budget)
                : TestRunner.run(spec, ready.tests(), firstSeed, progress, budget);
        progress.end();
        Map<GradedTest, TestResult> results = new LinkedHashMap<>();
        for (TestOutcome outcome : first) {
            results.put(outcome.test(), new TestResult(outcome, firstSeed, 1, replay.command(module, outcome.test(), firstSeed)));
        }
        // A test that passed without reading its seed would pass under every other seed too.
        List<GradedTest> passed = first.stream().filter(o -> o.passed() && o.seeded()).map(TestOutcome::test).toList();
        List<Long> later = seeds.subList(1, seeds.size());
        if (!passed.isEmpty() && !later.isEmpty()) {
            String label = id + " seeds 2" + (seeds.size() > 2 ? "-" + seeds.size() : "") + "/" + seeds.size();
            // Runs come ordered by seed: the first failure a test meets is the one it reports.
            for (Stress.Run run : Stress.run(new Target(module, spec, passed), later, console.err(), label,
                    budget)) {
                GradedTest test = run.outcome().test();
                if (results.get(test).passed()) {
                    results.put(test, new TestResult(run.outcome(), run.seed(), results.get(test).seedRuns() + 1,
                            replay.command(module, test, run.seed())));
                }
            }
        }
        return new PartResult(id, module, ready.tests().stream().map(results::get).toList(), "");
    }
}
