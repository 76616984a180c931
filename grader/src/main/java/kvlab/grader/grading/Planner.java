package kvlab.grader.grading;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kvlab.grader.Console;
import kvlab.grader.GradingException;
import kvlab.grader.build.BuildFailedException;
import kvlab.grader.build.MavenBuild;
import kvlab.grader.build.ModuleBuild;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.grader.engine.Discovery;
import kvlab.grader.engine.ForkSpec;
import kvlab.grader.engine.GradedTest;

/**
 * Builds the modules of the requested parts, checks their code against the rules graded code must
 * follow ({@link CodeCheck}), and discovers their graded tests.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * One plan per part, in the order given.
     *
     * @param checkCode check the code before anything of it runs; false only for the grader's own
     *     tests of what happens to code that breaks the rules
     */
    public static List<PartPlan> plan(CourseTree tree, List<Part> parts, boolean reference, Duration timeout,
                                      boolean checkCode, Console console) {
        List<String> modules = new ArrayList<>(new LinkedHashSet<>(parts.stream().map(Part::module).toList()));
        Map<String, ModuleBuild> builds;
        try {
            builds = MavenBuild.build(tree.root(), modules, reference, console.err());
        } catch (BuildFailedException e) {
            // Paths relative to the tree: a submission's temporary copy means nothing to its reader.
            String error = "the build failed:\n" + e.getMessage().replace(tree.root() + File.separator, "");
            return parts.stream().<PartPlan>map(p -> new PartPlan.Broken(p, error, sourceTests(tree, p))).toList();
        }
        Map<String, List<GradedTest>> discovered = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, ForkSpec> specs = new LinkedHashMap<>();
        Set<String> validParts = new LinkedHashSet<>(Part.ids());
        CodeCheck rules = new CodeCheck(tree);
        for (ModuleBuild build : builds.values()) {
            // Forks read their classpath from the sandbox's staged copy: the tree itself is none of their business.
            ForkSpec spec = new ForkSpec(build.testClasspath(), build.dir(), timeout, ForkSpec.DEFAULT_HEAP_MIB)
                    .withHiddenPaths(List.of(tree.root()));
            specs.put(build.name(), spec);
            String violations = checkCode ? rules.violations(build) : "";
            if (!violations.isEmpty()) {
                // Not even discovery: it loads test classes, and through them could start the code.
                problems.put(build.name(), violations);
                continue;
            }
            try {
                discovered.put(build.name(), Discovery.discover(spec, build.testClasses(), "", validParts).stream()
                        .map(t -> t.withHidden(tree.isHiddenTest(build.name(), t.className()))).toList());
            } catch (GradingException e) {
                problems.put(build.name(), e.getMessage());
            }
        }
        List<PartPlan> plans = new ArrayList<>();
        for (Part part : parts) {
            String problem = problems.get(part.module());
            plans.add(problem != null ? new PartPlan.Broken(part, problem, sourceTests(tree, part))
                    : new PartPlan.Ready(part, specs.get(part.module()), discovered.get(part.module()).stream()
                            .filter(t -> t.part().equals(part.id())).toList()));
        }
        return plans;
    }

    /** The part's graded tests as their sources declare them, for a part that cannot run. */
    private static List<GradedTest> sourceTests(CourseTree tree, Part part) {
        return SourceDiscovery.discover(tree, part.module()).stream().filter(t -> t.part().equals(part.id())).toList();
    }
}
