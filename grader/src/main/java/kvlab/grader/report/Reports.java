package kvlab.grader.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import kvlab.grader.FileTrees;

/**
 * Writes the machine-readable reports of a grading run into one directory: {@code results.json}
 * (Gradescope), {@code classroom.json} (GitHub Classroom) and {@code junit/} (JUnit XML); and
 * {@link #publish}es a set of reports so that nobody reading the directory sees half of one.
 */
public final class Reports {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Reports() {
    }

    /** What writes reports into a directory. */
    public interface Writer {
        void writeInto(Path dir);
    }

    /**
     * Has {@code writer} write into a fresh directory beside the reports, then moves each of its
     * entries into {@code dir}, files by atomic rename and {@code junit/} as a whole: a reader (say
     * Gradescope picking up {@code results.json}) sees either the old report or the whole new one. It
     * runs after every fork of the grading has ended, so nothing of the graded code is left to race it.
     */
    public static void publish(Path dir, Writer writer) {
        Path staging;
        try {
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".kvlab-reports-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports to " + dir, e);
        }
        try {
            writer.writeInto(staging);
            try (Stream<Path> entries = Files.list(staging)) {
                for (Path entry : entries.sorted().toList()) {
                    Path target = dir.resolve(entry.getFileName().toString());
                    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                        FileTrees.delete(target);
                    }
                    Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports to " + dir, e);
        } finally {
            FileTrees.delete(staging);
        }
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
