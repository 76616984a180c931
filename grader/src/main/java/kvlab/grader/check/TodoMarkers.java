package kvlab.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Part;
import kvlab.grader.engine.GradedTest;

/**
 * The markers students follow: every {@code TODO(part)} in a skeleton file names a real part and at
 * least one graded test that exists ({@code Class#method}, in the comment it starts), every part with
 * graded tests has a marker in its module, every stub's {@code "not implemented: TODO(part) ..."}
 * has a {@code TODO} of the same part above it (since the stub before it), and every method with a
 * TODO inside throws the marker, so that a student sees it fail until it is written.
 */
final class TodoMarkers {
    private static final Pattern TODO = Pattern.compile("//\\s*TODO\\(([^)]*)\\)");
    private static final Pattern TEST = Pattern.compile("\\b([A-Z]\\w*Test)#(\\w+)");
    private static final Pattern STUB = Pattern.compile("\"" + java.util.regex.Pattern.quote("not implemented: TODO(")
            + "([^)]*)\\)");

    private TodoMarkers() {
    }

    static List<Problem> check(CourseTree tree, List<GradedTest> graded) {
        Set<String> tests = new LinkedHashSet<>();
        graded.forEach(t -> tests.add(t.simpleClassName() + "#" + t.methodName()));
        List<Problem> problems = new ArrayList<>();
        Set<String> marked = new LinkedHashSet<>();
        for (String file : tree.editableFiles()) {
            problems.addAll(checkFile(file, StudentFiles.skeleton(tree, file), tests, marked));
        }
        for (GradedTest test : graded) {
            Part part = Part.byId(test.part()).orElseThrow();
            if (marked.add(part.module() + " " + part.id())) {
                problems.add(new Problem(part.module() + "/src/main/java", 0, "part " + part.id() + " has graded tests ("
                        + test.displayName() + ", ...) but no TODO(" + part.id() + ") in any student file"));
            }
        }
        return problems;
    }

    /** Problems of one skeleton file; adds "MODULE PART" to {@code marked} for each of its markers. */
    private static List<Problem> checkFile(String file, List<String> lines, Set<String> tests, Set<String> marked) {
        String module = file.substring(0, file.indexOf('/'));
        List<Problem> problems = new ArrayList<>();
        Set<String> partsSinceStub = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher todo = TODO.matcher(lines.get(i));
            if (todo.find()) {
                String part = todo.group(1);
                if (Part.byId(part).isEmpty()) {
                    problems.add(new Problem(file, i + 1, "TODO(" + part + ") names no part (parts: "
                            + String.join(" ", Part.ids()) + ")"));
                }
                marked.add(module + " " + part);
                partsSinceStub.add(part);
                problems.addAll(checkTests(file, lines, i, tests));
                if (!throwsInItsMethod(lines, i)) {
                    problems.add(new Problem(file, i + 1, "TODO(" + part + ") is in a method that does not throw"
                            + " \"not implemented: TODO(...)\": the skeleton would pass for it"));
                }
            }
            Matcher stub = STUB.matcher(lines.get(i));
            if (stub.find()) {
                if (!partsSinceStub.contains(stub.group(1))) {
                    problems.add(new Problem(file, i + 1, "this stub throws \"not implemented: TODO(" + stub.group(1)
                            + ")\" but no TODO(" + stub.group(1) + ") comment above it says what to do"));
                }
                partsSinceStub.clear();
            }
        }
        return problems;
    }

    /**
     * Whether the method around the TODO at {@code line} throws a marker after it (the earliest of its
     * parts': a method finished in 2a may carry a TODO(2c) for later). A TODO
     * outside any method body (a field's, a class's) counts as thrown: methods are indented at
     * least twice in these files, their statements further, and a method ends at the first closing
     * brace indented less than its statements.
     */
    private static boolean throwsInItsMethod(List<String> lines, int line) {
        int indent = indentation(lines.get(line));
        if (indent < 8) {
            return true;
        }
        for (int i = line + 1; i < lines.size(); i++) {
            if (STUB.matcher(lines.get(i)).find()) {
                return true;
            }
            if (lines.get(i).strip().startsWith("}") && indentation(lines.get(i)) < indent) {
                return false;
            }
        }
        return false;
    }

    private static int indentation(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** How many lines the comment a TODO starts has: its own and the {@code //} lines after it, up to the next TODO. */
    private static int commentLength(List<String> lines, int start) {
        int end = start + 1;
        while (end < lines.size() && lines.get(end).strip().startsWith("//") && !TODO.matcher(lines.get(end)).find()) {
            end++;
        }
        return end - start;
    }

    /** Problems with the tests the comment of the TODO at {@code start} names, each at the line naming it. */
    private static List<Problem> checkTests(String file, List<String> lines, int start, Set<String> tests) {
        List<Problem> problems = new ArrayList<>();
        boolean any = false;
        for (int i = start; i < start + commentLength(lines, start); i++) {
            Matcher named = TEST.matcher(lines.get(i));
            while (named.find()) {
                any = true;
                String test = named.group(1) + "#" + named.group(2);
                if (!tests.contains(test)) {
                    problems.add(new Problem(file, i + 1, "TODO names " + test + ", which is not a graded test"));
                }
            }
        }
        if (!any) {
            problems.add(new Problem(file, start + 1, "TODO names no graded test (write \"Checked by Class#method\")"));
        }
        return problems;
    }
}
