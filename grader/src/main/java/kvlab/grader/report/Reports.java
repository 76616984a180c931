package kvlab.grader.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kvlab.grader.FileTrees;

/**
 * Writes the machine-readable reports of a grading run into one directory: {@code results.json}
 * (Gradescope), {@code classroom.json} (GitHub Classroom) and {@code junit/} (JUnit XML).
 */
public final class Reports {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Reports() {
    }

    public static void write(GradeReport report, Path dir) {
        // junit/ is ours: stale files from an earlier run would report parts this run did not grade.
        FileTrees.delete(dir.resolve("junit"));
        try {
            Files.createDirectories(dir.resolve("junit"));
            Files.writeString(dir.resolve("results.json"), GSON.toJson(GradescopeReport.of(report)) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("classroom.json"), GSON.toJson(ClassroomReport.of(report)) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports to " + dir, e);
        }
        JUnitXmlReport.write(report, dir.resolve("junit"));
    }
}
