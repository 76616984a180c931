package kvlab.grader.grading;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import kvlab.grader.JavaSources;
import kvlab.grader.course.CourseTree;
import kvlab.grader.engine.GradedTest;

/**
 * Finds a module's graded tests by reading their sources, without compiling or loading anything:
 * for a part that cannot run (its code does not compile, or breaks the rules graded code must
 * follow), the report still lists every test it would have run, with its points, so the part shows
 * 0 of its full score rather than 0 of 0.
 *
 * <p>It reads {@code @Graded(part = "...", points = N, order = N)} with literal values, as every
 * graded test writes it, on the methods of concrete classes (nested ones too); the grader's tests
 * check that it finds exactly what discovery in a fork finds.
 */
public final class SourceDiscovery {
    private static final String GRADED = "Graded";
    private static final String TEST_SOURCES = "src/test/java";

    private SourceDiscovery() {
    }

    /** The graded tests of {@code module}, hidden ones included, in run order. */
    public static List<GradedTest> discover(CourseTree tree, String module) {
        List<GradedTest> tests = new ArrayList<>();
        Path hidden = tree.resolve(CourseTree.SOLUTIONS).resolve(module).resolve(TEST_SOURCES);
        for (Path dir : List.of(tree.resolve(module).resolve(TEST_SOURCES), hidden)) {
            for (CompilationUnitTree unit : JavaSources.parse(javaFiles(dir))) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree classTree) {
                        collect(classTree, pkg + classTree.getSimpleName(), dir.equals(hidden), tests);
                    }
                }
            }
        }
        tests.sort(GradedTest.RUN_ORDER);
        return List.copyOf(tests);
    }

    private static void collect(ClassTree type, String className, boolean hidden, List<GradedTest> tests) {
        boolean concrete = type.getKind() == Tree.Kind.CLASS && !type.getModifiers().getFlags().contains(Modifier.ABSTRACT);
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                collect(nested, className + "$" + nested.getSimpleName(), hidden, tests);
            } else if (concrete && member instanceof MethodTree method) {
                for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
                    if (isGraded(annotation.getAnnotationType())) {
                        tests.add(graded(className, method.getName().toString(), annotation, hidden));
                    }
                }
            }
        }
    }

    private static boolean isGraded(Tree type) {
        return type instanceof IdentifierTree id && id.getName().contentEquals(GRADED)
                || type instanceof MemberSelectTree select && select.getIdentifier().contentEquals(GRADED);
    }

    /** The annotation's literal part, points (default 1) and order (default 0). */
    private static GradedTest graded(String className, String method, AnnotationTree annotation, boolean hidden) {
        String part = "";
        int points = 1;
        int order = 0;
        for (ExpressionTree argument : annotation.getArguments()) {
            if (argument instanceof AssignmentTree assignment && assignment.getExpression() instanceof LiteralTree literal) {
                String name = assignment.getVariable().toString();
                Object value = literal.getValue();
                switch (name) {
                    case "part" -> part = String.valueOf(value);
                    case "points" -> points = ((Number) value).intValue();
                    case "order" -> order = ((Number) value).intValue();
                    default -> {
                        // Graded has no other elements; javac would reject the source.
                    }
                }
            }
        }
        return new GradedTest(className, method, "", part, points, order, hidden);
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
