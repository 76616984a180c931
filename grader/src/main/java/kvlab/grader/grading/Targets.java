package kvlab.grader.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import kvlab.grader.Console;
import kvlab.grader.GradingException;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.grader.engine.ForkSpec;
import kvlab.grader.engine.GradedTest;

/**
 * Resolves what people type after {@code replay} or {@code stress} to graded tests: a part id,
 * {@code Class#method} or {@code Class.method} (the class simple or fully qualified).
 *
 * <p>The test's module is found from where its source lives ({@code MODULE/src/test/java/.../Class.java}),
 * so that only that module is built, as {@code grade} builds it.
 */
public final class Targets {
    private static final int SUGGESTIONS = 3;

    private Targets() {
    }

    /**
     * Builds the module of {@code name} and returns its matching graded tests.
     *
     * @throws UnknownTestException when nothing graded has that name (a usage error)
     * @throws GradingException when the module does not build or its graded tests are invalid
     */
    public static Target resolve(CourseTree tree, String name, boolean reference, Duration timeout, Console console) {
        Optional<Part> part = Part.byId(name);
        if (part.isPresent()) {
            Target all = build(tree, List.of(part.get()), reference, timeout, console);
            if (all.tests().isEmpty()) {
                throw new UnknownTestException("part " + part.get().id() + " has no graded tests yet");
            }
            return all;
        }
        String[] split = split(name);
        String simpleClass = split[0].substring(split[0].lastIndexOf('.') + 1);
        String method = split[1];
        List<String> modules = modulesWithClass(tree, simpleClass.split("\\$")[0]);
        if (modules.isEmpty()) {
            throw new UnknownTestException("no test class " + simpleClass + " in any project module"
                    + suggest(simpleClass, testClassNames(tree)));
        }
        List<Part> parts = Arrays.stream(Part.values()).filter(p -> modules.contains(p.module())).toList();
        Target all = build(tree, parts, reference, timeout, console);
        List<GradedTest> matching = all.tests().stream()
                .filter(t -> t.simpleClassName().equals(simpleClass) && t.methodName().equals(method)).toList();
        if (matching.isEmpty()) {
            throw new UnknownTestException("no graded test " + simpleClass + "#" + method + suggest(
                    simpleClass + "#" + method, all.tests().stream().map(t -> t.simpleClassName() + "#" + t.methodName()).toList()));
        }
        return new Target(all.module(), all.spec(), matching);
    }

    /** {@code [class, method]}; the method after {@code #}, or else after the last dot. */
    private static String[] split(String name) {
        int at = name.indexOf('#') >= 0 ? name.indexOf('#') : name.lastIndexOf('.');
        if (at <= 0 || at == name.length() - 1) {
            throw new UnknownTestException("'" + name + "' is neither a part id (" + String.join(" ", Part.ids())
                    + ") nor a test (Class#method or Class.method)");
        }
        return new String[] {name.substring(0, at), name.substring(at + 1)};
    }

    /** Builds the parts' module (one module: a class lives in one) and collects all their graded tests. */
    private static Target build(CourseTree tree, List<Part> parts, boolean reference, Duration timeout,
                                Console console) {
        List<GradedTest> tests = new ArrayList<>();
        ForkSpec spec = null;
        for (PartPlan plan : Planner.plan(tree, parts, reference, timeout, true, console)) {
            if (plan instanceof PartPlan.Broken broken) {
                throw new GradingException("part " + plan.part().id() + ": " + broken.error());
            }
            PartPlan.Ready ready = (PartPlan.Ready) plan;
            spec = ready.spec();
            tests.addAll(ready.tests());
        }
        return new Target(parts.get(0).module(), spec, tests);
    }

    /** The project modules whose test sources declare {@code outerClass}. */
    private static List<String> modulesWithClass(CourseTree tree, String outerClass) {
        Set<String> modules = new LinkedHashSet<>();
        for (Part part : Part.values()) {
            if (testSources(tree, part.module()).anyMatch(p -> p.getFileName().toString().equals(outerClass + ".java"))) {
                modules.add(part.module());
            }
        }
        return List.copyOf(modules);
    }

    private static List<String> testClassNames(CourseTree tree) {
        return Arrays.stream(Part.values()).map(Part::module).distinct()
                .flatMap(module -> testSources(tree, module))
                .map(p -> p.getFileName().toString().replaceFirst("\\.java$", ""))
                .filter(n -> n.endsWith("Test")).distinct().toList();
    }

    /** A module's test sources, its hidden ones included. */
    private static Stream<Path> testSources(CourseTree tree, String module) {
        return Stream.of(tree.resolve(module), tree.resolve(CourseTree.SOLUTIONS).resolve(module))
                .map(dir -> dir.resolve("src/test/java")).filter(Files::isDirectory)
                .flatMap(Targets::javaFiles);
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "; did you mean: a, b, c?" with the closest candidates by edit distance, or "" when there are none. */
    static String suggest(String typed, List<String> candidates) {
        List<String> close = candidates.stream().distinct()
                .sorted(Comparator.comparingInt((String c) -> distance(typed.toLowerCase(), c.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(SUGGESTIONS).toList();
        return close.isEmpty() ? "" : "; did you mean: " + String.join(", ", close) + "?";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
