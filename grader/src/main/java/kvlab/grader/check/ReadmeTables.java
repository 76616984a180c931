package kvlab.grader.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.grader.engine.GradedTest;

/**
 * The figures in the READMEs' tables are the graded tests' own: in every table with a {@code Part}
 * or {@code Class} column and a tests or points column, each row's count and points must be what
 * {@code kvlab list} says for that part or test class. The root README (the instructors') counts
 * hidden tests; a project README (the students') does not.
 */
final class ReadmeTables {
    private static final String ROOT_README = "README.md";

    private ReadmeTables() {
    }

    static List<Problem> check(CourseTree tree, List<GradedTest> graded) {
        List<Problem> problems = new ArrayList<>();
        problems.addAll(checkFile(tree, ROOT_README, graded, t -> true));
        for (String module : Arrays.stream(Part.values()).map(Part::module).distinct().toList()) {
            String readme = module + "/README.md";
            if (Files.isRegularFile(tree.resolve(readme))) {
                problems.addAll(checkFile(tree, readme, graded,
                        t -> !t.hidden() && Part.byId(t.part()).orElseThrow().module().equals(module)));
            }
        }
        return problems;
    }

    private static List<Problem> checkFile(CourseTree tree, String readme, List<GradedTest> graded,
                                           Predicate<GradedTest> counted) {
        List<GradedTest> countedTests = graded.stream().filter(counted).toList();
        List<Problem> problems = new ArrayList<>();
        for (MarkdownTable table : MarkdownTable.in(read(tree, readme))) {
            problems.addAll(checkTable(readme, table, countedTests));
        }
        return problems;
    }

    private static List<Problem> checkTable(String readme, MarkdownTable table, List<GradedTest> graded) {
        int part = table.column("part");
        int type = table.column("class");
        int tests = table.column("tests");
        int points = table.column("points");
        List<Problem> problems = new ArrayList<>();
        if (part < 0 && type < 0 || tests < 0 && points < 0) {
            return problems;
        }
        int needed = Math.max(Math.max(part, type), Math.max(tests, points));
        for (MarkdownTable.Row row : table.rows()) {
            List<String> cells = row.cells();
            if (cells.size() <= needed) {
                problems.add(new Problem(readme, row.line(), "row has " + cells.size() + " cells, the header "
                        + table.header().size()));
                continue;
            }
            List<GradedTest> matching = graded;
            if (part >= 0) {
                List<String> parts = Arrays.stream(MarkdownTable.plain(cells.get(part)).split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                matching = matching.stream().filter(t -> parts.stream().anyMatch(p -> p.equalsIgnoreCase(t.part()))).toList();
            }
            if (type >= 0) {
                String name = MarkdownTable.plain(cells.get(type));
                matching = matching.stream().filter(t -> t.className().equals(name) || t.className().endsWith("." + name))
                        .toList();
                if (matching.isEmpty()) {
                    problems.add(new Problem(readme, row.line(), "no graded test class " + name));
                    continue;
                }
            }
            if (tests >= 0) {
                expect(readme, row.line(), "tests", cells.get(tests), matching.size(), problems);
            }
            if (points >= 0) {
                expect(readme, row.line(), "points", cells.get(points),
                        matching.stream().mapToInt(GradedTest::points).sum(), problems);
            }
        }
        return problems;
    }

    private static void expect(String readme, int line, String what, String cell, int actual, List<Problem> problems) {
        String text = MarkdownTable.plain(cell);
        int written = text.isEmpty() || text.equals("—") || text.equals("-") ? 0 : parse(text);
        if (written != actual) {
            problems.add(new Problem(readme, line, "says " + (text.isEmpty() ? "nothing" : text) + " " + what
                    + ", `kvlab list` says " + actual));
        }
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.replace(",", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> read(CourseTree tree, String file) {
        try {
            return Files.readAllLines(tree.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
