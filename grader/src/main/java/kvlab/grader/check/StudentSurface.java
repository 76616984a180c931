package kvlab.grader.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kvlab.grader.course.CourseTree;

/**
 * Students edit exactly the files their project's README lists: every student file (a file with a
 * reference twin) appears in a table with a {@code File} column of its module's README, and every
 * {@code .java} file such a table names is a student file of that module.
 */
final class StudentSurface {
    private static final Pattern JAVA_FILE = Pattern.compile("(\\w+)\\.java");

    private StudentSurface() {
    }

    static List<Problem> check(CourseTree tree) {
        Map<String, TreeSet<String>> byModule = new TreeMap<>();
        for (String file : tree.editableFiles()) {
            byModule.computeIfAbsent(file.substring(0, file.indexOf('/')), m -> new TreeSet<>())
                    .add(file.substring(file.lastIndexOf('/') + 1));
        }
        List<Problem> problems = new ArrayList<>();
        byModule.forEach((module, files) -> problems.addAll(checkModule(tree, module, files)));
        return problems;
    }

    private static List<Problem> checkModule(CourseTree tree, String module, TreeSet<String> studentFiles) {
        String readme = module + "/README.md";
        List<Problem> problems = new ArrayList<>();
        if (!Files.isRegularFile(tree.resolve(readme))) {
            problems.add(new Problem(readme, 0, "missing: students of " + module + " need the list of files they edit"));
            return problems;
        }
        TreeSet<String> listed = new TreeSet<>();
        for (MarkdownTable table : MarkdownTable.in(read(tree, readme))) {
            int column = table.column("file");
            if (column < 0) {
                continue;
            }
            for (MarkdownTable.Row row : table.rows()) {
                if (row.cells().size() <= column) {
                    continue;
                }
                Matcher named = JAVA_FILE.matcher(row.cells().get(column));
                while (named.find()) {
                    String file = named.group(1) + ".java";
                    listed.add(file);
                    if (!studentFiles.contains(file)) {
                        problems.add(new Problem(readme, row.line(), "lists " + file + " as a file to edit, but "
                                + module + " has no student file of that name (one with a reference twin)"));
                    }
                }
            }
        }
        for (String file : studentFiles) {
            if (!listed.contains(file)) {
                problems.add(new Problem(readme, 0, "student file " + file + " is in no table of files to edit"));
            }
        }
        return problems;
    }

    private static List<String> read(CourseTree tree, String file) {
        try {
            return Files.readAllLines(tree.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
