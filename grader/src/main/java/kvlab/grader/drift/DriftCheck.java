package kvlab.grader.drift;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import kvlab.grader.JavaSources;

/**
 * Keeps the skeleton students edit and the instructors' reference in step.
 *
 * <p>A <em>student file</em> is a file under {@code MODULE/src/main/java} with a skeleton body: it
 * throws {@code UnsupportedOperationException} with a message starting {@value #SKELETON_MARKER}; its <em>twin</em> is the file at the same relative path under
 * {@code solutions-private/MODULE/src/main/java}. The check reports:
 * <ol>
 *   <li>a solution file with no skeleton twin (students would never see the file they must write);
 *   <li>a student file with no solution twin (the reference build would keep the skeleton body);
 *   <li>a twin pair whose public or protected API differs: type declarations (kind, modifiers, type
 *       parameters, supertypes, permits) and public or protected constructors, methods and fields
 *       (modifiers, types, names, parameter types, throws), also of their public or protected
 *       nested types. Parameter names, bodies and private or package-private members and nested
 *       types may differ: they are the student's own design.
 * </ol>
 * Files are parsed, never compiled or loaded, so a skeleton that does not compile is still compared.
 */
public final class DriftCheck {
    /** Text every skeleton body throws; its presence makes a file a student file. */
    public static final String SKELETON_MARKER = "not implemented: TODO";

    private static final String SKELETON_THROW = "UnsupportedOperationException(\"" + SKELETON_MARKER;

    private static final String SOURCES = "src/main/java";
    private static final String SOLUTIONS = "solutions-private";

    private DriftCheck() {}

    /** Checks every module of the course repository rooted at {@code courseRoot}. */
    public static List<String> check(Path courseRoot) {
        List<String> problems = new ArrayList<>();
        for (String module : modules(courseRoot)) {
            Path skeletonRoot = courseRoot.resolve(module).resolve(SOURCES);
            Path solutionRoot = courseRoot.resolve(SOLUTIONS).resolve(module).resolve(SOURCES);
            SortedSet<Path> solutionFiles = javaFiles(solutionRoot);
            SortedSet<Path> studentFiles = new TreeSet<>();
            for (Path file : javaFiles(skeletonRoot)) {
                if (read(skeletonRoot.resolve(file)).contains(SKELETON_THROW)) {
                    studentFiles.add(file);
                }
            }
            for (Path file : solutionFiles) {
                Path skeleton = skeletonRoot.resolve(file);
                String where = module + "/" + SOURCES + "/" + slashes(file);
                if (!Files.isRegularFile(skeleton)) {
                    problems.add(where + ": solution file has no skeleton twin");
                } else {
                    problems.addAll(compare(where, skeleton, solutionRoot.resolve(file)));
                }
            }
            for (Path file : studentFiles) {
                if (!solutionFiles.contains(file)) {
                    problems.add(module + "/" + SOURCES + "/" + slashes(file)
                            + ": skeleton file (it throws \"" + SKELETON_MARKER
                            + "\") has no solution twin under " + SOLUTIONS + "/" + module + "/" + SOURCES);
                }
            }
        }
        return problems;
    }

    /** Modules that have a solutions folder or student files, in name order. */
    private static SortedSet<String> modules(Path courseRoot) {
        SortedSet<String> modules = new TreeSet<>();
        Path solutions = courseRoot.resolve(SOLUTIONS);
        if (Files.isDirectory(solutions)) {
            try (Stream<Path> children = Files.list(solutions)) {
                children.filter(Files::isDirectory).forEach(p -> modules.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Stream<Path> children = Files.list(courseRoot)) {
            children.filter(p -> Files.isDirectory(p.resolve(SOURCES)))
                    .forEach(p -> modules.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static List<String> compare(String where, Path skeleton, Path solution) {
        SortedSet<String> skeletonApi = api(skeleton);
        SortedSet<String> solutionApi = api(solution);
        List<String> problems = new ArrayList<>();
        for (String signature : skeletonApi) {
            if (!solutionApi.contains(signature)) {
                problems.add(where + ": only in skeleton: " + signature);
            }
        }
        for (String signature : solutionApi) {
            if (!skeletonApi.contains(signature)) {
                problems.add(where + ": only in solution: " + signature);
            }
        }
        return problems;
    }

    /** The public and protected API of one source file, one normalised line per declaration. */
    static SortedSet<String> api(Path file) {
        SortedSet<String> api = new TreeSet<>();
        for (CompilationUnitTree unit : JavaSources.parse(List.of(file))) {
            for (Tree type : unit.getTypeDecls()) {
                if (type instanceof ClassTree classTree) {
                    collect(classTree, "", false, api);
                }
            }
        }
        return api;
    }

    private static void collect(ClassTree type, String outer, boolean outerIsInterface, SortedSet<String> api) {
        String name = outer + type.getSimpleName();
        boolean isInterface = type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
        StringBuilder declaration = new StringBuilder("type ")
                .append(modifiers(type.getModifiers(), outerIsInterface))
                .append(type.getKind().name().toLowerCase()).append(' ').append(name);
        if (!type.getTypeParameters().isEmpty()) {
            declaration.append('<').append(joined(type.getTypeParameters())).append('>');
        }
        if (type.getKind() == Tree.Kind.RECORD) {
            declaration.append('(').append(recordComponents(type)).append(')');
        }
        if (type.getExtendsClause() != null) {
            declaration.append(" extends ").append(type.getExtendsClause());
        }
        if (!type.getImplementsClause().isEmpty()) {
            declaration.append(" implements ").append(joined(type.getImplementsClause()));
        }
        if (!type.getPermitsClause().isEmpty()) {
            declaration.append(" permits ").append(joined(type.getPermitsClause()));
        }
        api.add(declaration.toString());
        for (Tree member : type.getMembers()) {
            if (member instanceof ClassTree nested) {
                if (visible(nested.getModifiers(), isInterface)) {
                    collect(nested, name + ".", isInterface, api);
                }
            } else if (member instanceof MethodTree method && visible(method.getModifiers(), isInterface)) {
                api.add(method(name, method, isInterface));
            } else if (member instanceof VariableTree field && visible(field.getModifiers(), isInterface)
                    && !isRecordComponent(type, field)) {
                api.add("field " + name + "." + modifiers(field.getModifiers(), isInterface)
                        + field.getType() + " " + field.getName());
            }
        }
    }

    /** A record's components, which the parser lists as its non-static fields. */
    private static String recordComponents(ClassTree record) {
        return record.getMembers().stream()
                .filter(member -> member instanceof VariableTree field && isRecordComponent(record, field))
                .map(member -> {
                    VariableTree component = (VariableTree) member;
                    return component.getType() + " " + component.getName();
                })
                .collect(Collectors.joining(", "));
    }

    private static boolean isRecordComponent(ClassTree type, VariableTree field) {
        return type.getKind() == Tree.Kind.RECORD && !field.getModifiers().getFlags().contains(Modifier.STATIC);
    }

    private static String method(String owner, MethodTree method, boolean inInterface) {
        StringBuilder signature = new StringBuilder("method ").append(owner).append('.')
                .append(modifiers(method.getModifiers(), inInterface));
        if (!method.getTypeParameters().isEmpty()) {
            signature.append('<').append(joined(method.getTypeParameters())).append("> ");
        }
        boolean constructor = method.getReturnType() == null;
        signature.append(constructor ? "<init>" : method.getReturnType() + " " + method.getName());
        signature.append('(').append(method.getParameters().stream()
                .map(p -> p.getType().toString()).collect(Collectors.joining(", "))).append(')');
        if (!method.getThrows().isEmpty()) {
            signature.append(" throws ").append(joined(method.getThrows()));
        }
        return signature.toString();
    }

    /** Public or protected, or any member of an interface that is not explicitly private. */
    private static boolean visible(ModifiersTree modifiers, boolean inInterface) {
        Set<Modifier> flags = modifiers.getFlags();
        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                || (inInterface && !flags.contains(Modifier.PRIVATE));
    }

    /** Modifiers that change the contract; annotations and implicit interface modifiers excluded. */
    private static String modifiers(ModifiersTree modifiers, boolean inInterface) {
        StringBuilder text = new StringBuilder();
        for (Modifier flag : new TreeSet<>(modifiers.getFlags())) {
            boolean implicit = inInterface && (flag == Modifier.PUBLIC || flag == Modifier.ABSTRACT);
            if (!implicit && flag != Modifier.SYNCHRONIZED && flag != Modifier.STRICTFP) {
                text.append(flag).append(' ');
            }
        }
        return text.toString();
    }

    private static String joined(List<? extends Tree> trees) {
        return trees.stream().map(Tree::toString).collect(Collectors.joining(", "));
    }

    private static SortedSet<Path> javaFiles(Path root) {
        SortedSet<Path> files = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .forEach(p -> files.add(root.relativize(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
