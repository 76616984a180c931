package kvlab.grader.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kvlab.grader.build.ModuleBuild;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.harness.rules.CodeRules;
import kvlab.harness.rules.CodeViolation;

/**
 * The rules graded code must follow, checked on its compiled classes before any of it runs: every
 * project module's main classes on a build's classpath (the module itself and the project modules it
 * depends on, whose code its tests can reach) against that module's {@link CodeRules}. Bytecode is
 * only read, never loaded, so a class that breaks a rule never gets to run.
 *
 * <p>One instance per grading: a module's classes are checked once however many builds reach them.
 */
final class CodeCheck {
    /** Violations shown per file: the first ones name what to fix, the rest would bury the other files. */
    private static final int SHOWN_PER_FILE = 12;
    private static final Set<String> PROJECT_MODULES =
            java.util.Arrays.stream(Part.values()).map(Part::module).collect(Collectors.toSet());

    private final CourseTree tree;
    /** Per classes directory: per source file, one line per violation. */
    private final Map<Path, Map<String, List<String>>> checked = new HashMap<>();

    CodeCheck(CourseTree tree) {
        this.tree = tree;
    }

    /**
     * Why {@code build}'s tests must not run, or empty when its course code follows the rules: one
     * line per violation, naming the file (relative to the course), the line and the rule.
     */
    String violations(ModuleBuild build) {
        List<String> lines = new ArrayList<>();
        for (Path entry : build.testClasspath()) {
            checked.computeIfAbsent(entry, this::check).forEach((file, violations) -> {
                lines.addAll(violations.subList(0, Math.min(SHOWN_PER_FILE, violations.size())));
                if (violations.size() > SHOWN_PER_FILE) {
                    lines.add("... and " + (violations.size() - SHOWN_PER_FILE) + " more in " + file);
                }
            });
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "the code breaks the rules that graded code must follow, so none of this part's tests ran"
                + " (`mvn test` runs the same check as CodeRulesTest):\n  " + String.join("\n  ", lines);
    }

    /** The violations in one classpath entry, by source file, if it is a project module's main classes. */
    private Map<String, List<String>> check(Path entry) {
        if (!entry.startsWith(tree.root()) || !entry.getFileName().toString().equals("classes")
                || !Files.isDirectory(entry)) {
            return Map.of();
        }
        Path relative = tree.root().relativize(entry);
        String module = relative.getName(0).toString();
        if (relative.getNameCount() != 3 || !PROJECT_MODULES.contains(module)) {
            return Map.of();
        }
        // One violation per line: the first reference on it names what to fix (more would be noise,
        // like the array of options a forbidden call takes).
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        Set<String> linesSeen = new HashSet<>();
        for (CodeViolation violation : CodeRules.forModule(module).check(entry)) {
            String file = module + "/src/main/java/" + violation.sourcePath();
            if (linesSeen.add(file + ":" + violation.line())) {
                byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(module + "/src/main/java/" + describe(violation));
            }
        }
        return byFile;
    }

    /** "kvlab/raft/core/Raft.java:120 calls ...": the violation with its file's package path. */
    private static String describe(CodeViolation violation) {
        String file = violation.sourcePath();
        String name = file.substring(file.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - name.length()) + violation.describe();
    }
}
