package kvlab.grader.build;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kvlab.grader.FileTrees;
import kvlab.grader.GradingException;

/**
 * Compiles graded modules (main and test sources, with the modules they depend on) through Maven
 * and reads back each module's test classpath.
 *
 * <p>It stops at {@code test-compile}: the grader runs the tests itself, and the {@code course}
 * profile would leave graded tests out of a Maven test run anyway.
 */
public final class MavenBuild {
    private static final String CLASSPATH_FILE = "kvlab-test-classpath.txt";
    private static final int MAX_ERROR_LINES = 80;

    private MavenBuild() {
    }

    /**
     * Builds {@code modules} of the course at {@code root}; with {@code reference}, against the
     * reference solutions ({@code -Preference}, build directory {@code target-reference}).
     *
     * @param progress gets one line saying what is being built
     * @return each module's build, in the order given
     * @throws BuildFailedException with Maven's errors if the build failed
     */
    public static Map<String, ModuleBuild> build(Path root, List<String> modules, boolean reference,
                                                 PrintWriter progress) throws BuildFailedException {
        String buildDir = reference ? "target-reference" : "target";
        progress.println("building " + String.join(", ", modules) + (reference ? " (reference)" : "")
                + " with Maven ...");
        progress.flush();
        run(root, command(root, modules, reference, buildDir));
        Map<String, ModuleBuild> builds = new LinkedHashMap<>();
        for (String module : modules) {
            builds.put(module, moduleBuild(root.resolve(module), root.resolve(module).resolve(buildDir)));
        }
        return builds;
    }

    private static List<String> command(Path root, List<String> modules, boolean reference, String buildDir) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dstyle.color=never",
                "-f", root.resolve("pom.xml").toString()));
        if (reference) {
            command.add("-Preference");
        }
        command.addAll(List.of("-pl", String.join(",", modules), "-am",
                "test-compile", "dependency:build-classpath", "-Dmdep.includeScope=test",
                // Relative: Maven resolves it against each module's base directory.
                "-Dmdep.outputFile=" + buildDir + "/" + CLASSPATH_FILE));
        return command;
    }

    private static void run(Path root, List<String> command) throws BuildFailedException {
        Path log = null;
        try {
            log = Files.createTempFile("kvlab-maven-", ".log");
            Process maven = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            maven.getOutputStream().close();
            if (maven.waitFor() != 0) {
                throw new BuildFailedException(errors(Files.readAllLines(log, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new GradingException("cannot run Maven (is `mvn` on the PATH?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("interrupted while building", e);
        } finally {
            if (log != null) {
                FileTrees.delete(log);
            }
        }
    }

    /**
     * Maven's error lines, without its generic advice and without the summary that repeats the
     * compiler's errors; the end of its output if it printed no error line.
     */
    static String errors(List<String> output) {
        List<String> clean = output.stream().map(line -> line.replaceAll("\u001B\\[[0-9;]*m", "").stripTrailing())
                .toList();
        List<String> errors = new ArrayList<>();
        for (String line : clean) {
            if (line.startsWith("[ERROR] To see the full stack trace")
                    || line.startsWith("[ERROR] Failed to execute goal") && !errors.isEmpty()) {
                break;
            }
            if (line.startsWith("[ERROR]") && !line.equals("[ERROR]")) {
                errors.add(line.replace(" -> [Help 1]", ""));
            }
        }
        List<String> shown = errors.isEmpty() ? clean.subList(Math.max(0, clean.size() - 40), clean.size()) : errors;
        return shown.stream().limit(MAX_ERROR_LINES).collect(Collectors.joining("\n"));
    }

    private static ModuleBuild moduleBuild(Path dir, Path buildDir) {
        Path file = buildDir.resolve(CLASSPATH_FILE);
        List<Path> classpath = new ArrayList<>(List.of(buildDir.resolve("test-classes"), buildDir.resolve("classes")));
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            Stream<String> entries = text.isEmpty() ? Stream.empty() : Arrays.stream(text.split(File.pathSeparator));
            entries.map(Path::of).forEach(classpath::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Maven did not write the test classpath " + file, e);
        }
        return new ModuleBuild(dir.getFileName().toString(), dir, buildDir.resolve("test-classes"), classpath);
    }
}
