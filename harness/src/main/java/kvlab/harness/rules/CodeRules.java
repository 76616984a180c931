package kvlab.harness.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;

/**
 * The rules for one course module: what its compiled code may refer to, checked on the class files
 * before any of that code runs.
 *
 * <p>The rules are an allow-list: java.lang basics, java.util and its functional, stream, regex and
 * random packages, java.math, java.time, java.nio buffers and charsets, a few pure java.io types and
 * course code ({@code kvlab.**} except the grader's packages); Project 1 also gets the RocksDB classes
 * of a column-family store and its data directory. Inside allowed classes some members are denied
 * (the wall clock, unseeded randomness, threads, parallel streams, monitor waits, system properties,
 * reflection beyond harmless {@code Class} queries). Everything else is denied with a reason per
 * category (files, network, processes, reflection, native code, ...). The full list is
 * {@code AllowList}, in this package.
 *
 * <p>What is checked in each class: every method call, field access, {@code NEW}/{@code CHECKCAST}/
 * {@code INSTANCEOF}/array creation type, class constant, method handle, invokedynamic bootstrap
 * (only javac's own), the superclass and interfaces, and declared {@code native} methods and
 * finalizers. A member of a checked class is judged where it is inherited from when the class does
 * not declare it. Every class under the directory is checked, provided and student classes alike.
 *
 * <p>Thread-safety: immutable; {@link #check} may run on several directories at once.
 */
public final class CodeRules {
    private static final Map<String, RuleBook> MODULES = rulesByModule();

    private final String module;
    private final RuleBook rules;

    private CodeRules(String module, RuleBook rules) {
        this.module = module;
        this.rules = rules;
    }

    /** The modules that have rules, in course order. */
    public static Set<String> modules() {
        return MODULES.keySet();
    }

    /**
     * The rules for {@code module}, a course module's directory name such as {@code "project2-raft"}.
     *
     * @throws IllegalArgumentException if {@code module} has no rules; the message names those that do
     */
    public static CodeRules forModule(String module) {
        RuleBook rules = MODULES.get(module);
        if (rules == null) {
            throw new IllegalArgumentException(
                    "no code rules for module '" + module + "'; known modules: " + String.join(", ", modules()));
        }
        return new CodeRules(module, rules);
    }

    /** The module these rules are for. */
    public String module() {
        return module;
    }

    /**
     * Checks every {@code .class} file under {@code classesDir} (a module's {@code target/classes}).
     *
     * @return the violations, sorted by source path, then line; empty if the code keeps every rule (or
     *     the directory holds no class files)
     * @throws UncheckedIOException naming the file, if a class file cannot be read or is not a valid
     *     class file; naming the directory, if it cannot be listed
     */
    public List<CodeViolation> check(Path classesDir) {
        Map<Path, ClassReader> readers = new LinkedHashMap<>();
        Hierarchy hierarchy = new Hierarchy();
        for (Path file : classFiles(classesDir)) {
            ClassReader reader = parse(file);
            try {
                hierarchy.add(reader);
            } catch (RuntimeException e) {
                throw corrupt(file, e);
            }
            readers.put(file, reader);
        }
        List<CodeViolation> violations = new ArrayList<>();
        readers.forEach((file, reader) -> violations.addAll(scan(file, reader, hierarchy)));
        return violations.stream()
                .distinct()
                .sorted(Comparator.comparing(CodeViolation::sourcePath)
                        .thenComparingInt(CodeViolation::line)
                        .thenComparing(CodeViolation::call))
                .toList();
    }

    /**
     * The classes directory {@code loaded} came from, for checking the module it belongs to: a
     * module's {@code target/classes}, or {@code target-reference/classes} in a reference build.
     *
     * @throws IllegalArgumentException if {@code loaded} did not come from a directory (a jar, say)
     */
    public static Path classesDirOf(Class<?> loaded) {
        CodeSource source = loaded.getProtectionDomain().getCodeSource();
        try {
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location == null || !Files.isDirectory(location)) {
                throw new IllegalArgumentException(loaded.getName() + " was not loaded from a classes directory: " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(loaded.getName() + " has no file location: " + source.getLocation(), e);
        }
    }

    /**
     * {@code violations} as one failure message: a heading naming the module, one described violation
     * per line, and a line saying that the grader enforces the same rules.
     */
    public String failureMessage(List<CodeViolation> violations) {
        return violations.stream()
                .map(violation -> "  " + violation.describe())
                .collect(Collectors.joining("\n",
                        module + " breaks " + violations.size() + " code rule" + (violations.size() == 1 ? "" : "s")
                                + " (kvlab.harness.rules.CodeRules):\n",
                        "\nThe grader checks these same rules on the compiled classes before it runs any graded test."));
    }

    private static Map<String, RuleBook> rulesByModule() {
        Map<String, RuleBook> modules = new LinkedHashMap<>();
        modules.put("project1-standalone", AllowList.standaloneStorage());
        modules.put("project2-raft", AllowList.simulated("project2-raft", Wording.RAFT));
        modules.put("project3-multiraft", AllowList.simulated("project3-multiraft", Wording.RAFT));
        modules.put("project4-txn", AllowList.simulated("project4-txn", Wording.TXN));
        return Collections.unmodifiableMap(modules);
    }

    private List<CodeViolation> scan(Path file, ClassReader reader, Hierarchy hierarchy) {
        ClassScanner scanner = new ClassScanner(rules, hierarchy);
        try {
            reader.accept(scanner, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw corrupt(file, e);
        }
        return scanner.violations();
    }

    private static List<Path> classFiles(Path classesDir) {
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list class files under " + classesDir, e);
        }
    }

    private static ClassReader parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class file " + file, e);
        }
        try {
            return new ClassReader(bytes);
        } catch (RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /** ASM reports a malformed class file with whatever unchecked exception its parser runs into. */
    private static UncheckedIOException corrupt(Path file, RuntimeException cause) {
        return new UncheckedIOException("not a valid class file: " + file,
                new IOException(file + ": " + cause, cause));
    }
}
