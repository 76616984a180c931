package kvlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kvlab.grader.course.CourseTree;

/**
 * Provided code inside student files is the same in the skeleton and the reference. A region runs
 * from a line {@code // ---- provided: what it is ----} to a line {@code // ---- end of provided ----};
 * the reference build takes the reference's copy, so a fix made in the skeleton only would never be
 * graded, and one made in the reference only would never reach students.
 */
final class ProvidedRegions {
    private static final Pattern BEGIN = Pattern.compile("\\s*// -{4} provided\\b.*-{4}\\s*");
    private static final Pattern END = Pattern.compile("\\s*// -{4} end of provided -{4}\\s*");

    private ProvidedRegions() {
    }

    /** A region: where its first line (the begin marker) is, 0-based, and its lines, markers included. */
    private record Region(int start, List<String> lines) {
    }

    static List<Problem> check(CourseTree tree) {
        List<Problem> problems = new ArrayList<>();
        for (String file : tree.editableFiles()) {
            String reference = StudentFiles.reference(file);
            List<Region> skeleton = regions(file, StudentFiles.skeleton(tree, file), problems);
            List<Region> solution = regions(reference, StudentFiles.reference(tree, file), problems);
            if (skeleton.size() != solution.size()) {
                problems.add(new Problem(reference, 0, solution.size() + " provided regions, but the skeleton "
                        + file + " has " + skeleton.size()));
                continue;
            }
            for (int r = 0; r < skeleton.size(); r++) {
                compare(file, skeleton.get(r), reference, solution.get(r), problems);
            }
        }
        return problems;
    }

    private static List<Region> regions(String file, List<String> lines, List<Problem> problems) {
        List<Region> regions = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (END.matcher(line).matches()) {
                if (start < 0) {
                    problems.add(new Problem(file, i + 1, "end of a provided region that never began"));
                } else {
                    regions.add(new Region(start, List.copyOf(lines.subList(start, i + 1))));
                    start = -1;
                }
            } else if (BEGIN.matcher(line).matches()) {
                if (start >= 0) {
                    problems.add(new Problem(file, i + 1, "a provided region begins inside the one begun at line "
                            + (start + 1)));
                }
                start = i;
            }
        }
        if (start >= 0) {
            problems.add(new Problem(file, start + 1, "provided region without \"// ---- end of provided ----\""));
        }
        return regions;
    }

    /** Names the first line where the reference's copy of a region departs from the skeleton's. */
    private static void compare(String file, Region skeleton, String reference, Region solution,
                                List<Problem> problems) {
        // The end marker closes both copies: a region of another length departs from the other on some line.
        for (int i = 0; i < Math.min(skeleton.lines().size(), solution.lines().size()); i++) {
            if (!skeleton.lines().get(i).equals(solution.lines().get(i))) {
                problems.add(new Problem(reference, solution.start() + i + 1, "provided line differs from the skeleton's ("
                        + file + ":" + (skeleton.start() + i + 1) + "): reference \"" + solution.lines().get(i).strip()
                        + "\", skeleton \"" + skeleton.lines().get(i).strip() + "\""));
                return;
            }
        }
    }
}
