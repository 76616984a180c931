package kvlab.grader.report;

import java.util.List;

/**
 * Everything one grading run found, from which every report is written.
 *
 * @param mode what was graded: {@code skeleton}, {@code reference} or {@code submission PATH}
 * @param seeds the seeds every test ran under
 * @param parts results per requested part, in course order
 * @param notes things the reader must know (ignored edits, missing submission files)
 * @param wallMillis wall-clock time of the whole run, build included
 */
public record GradeReport(String mode, List<Long> seeds, List<PartResult> parts, List<String> notes,
                          long wallMillis) {
    public GradeReport {
        seeds = List.copyOf(seeds);
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }

    public int earned() {
        return parts.stream().mapToInt(PartResult::earned).sum();
    }

    public int possible() {
        return parts.stream().mapToInt(PartResult::possible).sum();
    }

    /** True when every part could run and every requested graded test passed. */
    public boolean passed() {
        return parts.stream().allMatch(PartResult::passed);
    }

    /** Test results of all parts, in order. */
    public List<TestResult> tests() {
        return parts.stream().flatMap(p -> p.tests().stream()).toList();
    }
}
