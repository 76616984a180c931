package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import kvlab.grader.course.CourseTree;
import kvlab.grader.course.Manifest;
import kvlab.grader.engine.Sandbox;
import kvlab.grader.report.ReportFiles;

/**
 * The zoo of attacks on grading itself, written for the grader's integrity tests: an otherwise
 * untouched skeleton of parts 1 and 2a whose files each carry one attack (in a static or instance
 * initialiser, so that it runs as soon as a test touches the class), and the checks that every
 * grading of it must pass, whatever stopped the attacks:
 * <ul>
 *   <li>the score is 0 (the honest remainder is the skeleton);</li>
 *   <li>no report holds a line of a hidden test or of a solution;</li>
 *   <li>the course is byte for byte what it was, the grader's classes included;</li>
 *   <li>no process the attacks started is alive once grading returned, nor a little later;</li>
 *   <li>the output directory holds the reports and nothing else, unchanged a little later.</li>
 * </ul>
 */
final class Zoo {
    /** Every attack leaves this in what it prints, its files and its processes' command lines. */
    static final String MARKER = "KVLAB-ZOO";
    /** How long the detached process waits before it strikes, plus margin. */
    private static final long AFTERMATH_MILLIS = 5000;

    /** The attacked files: course path, then the attack inserted after the class declaration. */
    static final Map<String, String> ATTACKS = attacks();

    private Zoo() {
    }

    private static Map<String, String> attacks() {
        String forge = resource("forge-results.txt");
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("project1-standalone/src/main/java/kvlab/standalone/rocksdb/StandaloneStorage.java",
                forge.replace("{{TRIGGER}}", "static {\n        forgeResults();\n    }"));
        // Part 1's attacks all run early, in the first tests, whatever part 2a's endless loop costs.
        attacks.put("project1-standalone/src/main/java/kvlab/standalone/server/RawKvService.java",
                resource("read-hidden-and-detach.txt") + resource("grader-jar-and-out.txt"));
        // An instance initialiser runs inside the test that constructs the log: a forgery from a test callback.
        attacks.put("project2-raft/src/main/java/kvlab/raft/core/RaftLog.java",
                forge.replace("{{TRIGGER}}", "{\n        forgeResults();\n        Runtime.getRuntime().halt(0);\n    }"));
        attacks.put("project2-raft/src/main/java/kvlab/raft/core/Raft.java", resource("clock-and-random.txt"));
        attacks.put("project2-raft/src/main/java/kvlab/raft/core/RawNode.java", resource("endless-loop.txt"));
        return attacks;
    }

    /** Whether this machine's sandbox must hold the attacks without the code check: a mount namespace or a uid of its own. */
    static boolean sandboxHolds() {
        Sandbox sandbox = Sandbox.current();
        return sandbox.hasPrivateMounts() || sandbox.baseUid().isPresent();
    }

    /** Writes a student checkout at {@code dir}: the skeleton of every editable file, attacks included. */
    static Path writeSubmission(CourseTree course, Path dir) {
        return writeSubmission(course, dir, "", ATTACKS);
    }

    /**
     * Writes a student checkout at {@code dir}: every editable file as it stands under {@code from}
     * ("" for the skeleton, {@link CourseTree#SOLUTIONS} for the reference), with {@code attacks}.
     */
    static Path writeSubmission(CourseTree course, Path dir, String from, Map<String, String> attacks) {
        for (String file : course.editableFiles()) {
            String text = read(course.resolve(from.isEmpty() ? file : from + "/" + file));
            String attack = attacks.get(file);
            write(dir.resolve(file), attack == null ? text : insertAfterClassDeclaration(file, text, attack));
        }
        return dir;
    }

    /** The line (1-based) of the first line of {@code attack} holding {@code text}, once inserted into {@code file}. */
    static int lineOf(CourseTree course, String file, String text) {
        return lineOf(course, "", file, text);
    }

    /** {@link #lineOf(CourseTree, String, String)} in the version of {@code file} under {@code from}. */
    static int lineOf(CourseTree course, String from, String file, String text) {
        String original = read(course.resolve(from.isEmpty() ? file : from + "/" + file));
        List<String> lines = insertAfterClassDeclaration(file, original, ATTACKS.get(file)).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in the attack on " + file);
    }

    private static String insertAfterClassDeclaration(String file, String text, String attack) {
        String name = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("(public )?(final )?class " + name + "\\b.*\\{\\s*")) {
                lines.add(i + 1, attack.stripTrailing());
                return String.join("\n", lines) + "\n";
            }
        }
        throw new AssertionError("no class declaration of " + name + " in " + file);
    }

    /** A fingerprint of the course: every course file with its SHA-256, and the grader's compiled classes. */
    static SortedMap<String, String> fingerprint(CourseTree course) {
        SortedMap<String, String> sums = new TreeMap<>();
        for (String file : course.files()) {
            sums.put(file, Manifest.sha256(course.resolve(file)));
        }
        for (String built : List.of("grader/target/classes", "grader/target/grader.jar")) {
            Path path = course.resolve(built);
            try (Stream<Path> files = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
                files.filter(Files::isRegularFile).forEach(f -> sums.put(course.root().relativize(f).toString(),
                        Manifest.sha256(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sums;
    }

    /** Command lines of live processes that carry the marker: what the attacks left running. */
    static List<String> survivors() {
        List<String> alive = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1).replace('\0', ' ');
                    if (cmdline.contains(MARKER) && !cmdline.contains("/proc")) {
                        alive.add(proc.getFileName() + ": " + cmdline);
                    }
                } catch (IOException gone) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return alive;
    }

    /**
     * Lines that only the hidden tests and the solutions hold (long enough to be distinctive, without
     * characters that reports escape), so that finding one in a report means it leaked.
     */
    static Set<String> secretLines(CourseTree course) {
        Set<String> everywhereElse = new LinkedHashSet<>();
        for (String file : course.files()) {
            read(course.resolve(file)).lines().map(String::strip).forEach(everywhereElse::add);
        }
        Set<String> secret = new LinkedHashSet<>();
        List<String> files = new ArrayList<>(course.hiddenTestFiles());
        course.editableFiles().forEach(file -> files.add(CourseTree.SOLUTIONS + "/" + file));
        for (String file : files) {
            read(course.resolve(file)).lines().map(String::strip)
                    .filter(line -> line.length() >= 40 && line.matches("[^<>&\"'\\\\]+") && !everywhereElse.contains(line))
                    .forEach(secret::add);
        }
        assertThat(secret).as("distinctive lines of the hidden tests and solutions").hasSizeGreaterThan(20);
        return secret;
    }

    /** Asserts what every grading of the zoo must leave: see the class comment. */
    static void assertContained(CourseTree course, SortedMap<String, String> before, Path out, String transcript)
            throws Exception {
        assertThat(ReportFiles.score(out.resolve("results.json"))).as(transcript).isZero();
        assertThat(ReportFiles.maxScore(out.resolve("results.json"))).as(transcript).isPositive();
        String reports = reportsText(out);
        // The secrets are the instructors' repository's, whichever copy of the course graded.
        for (String line : secretLines(CliRun.COURSE)) {
            assertThat(reports).as("a report leaks: " + line).doesNotContain(line);
        }
        assertThat(survivors()).as("processes of the submission still alive after grading").isEmpty();
        Set<String> written = Set.of("results.json", "classroom.json", "junit", "report.html");
        byte[] results = Files.readAllBytes(out.resolve("results.json"));
        Thread.sleep(AFTERMATH_MILLIS);
        assertThat(survivors()).as("processes of the submission alive a little after grading").isEmpty();
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).as("the output directory")
                    .containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(Files.readAllBytes(out.resolve("results.json"))).as("results.json after grading").isEqualTo(results);
        assertThat(fingerprint(course)).as("the course after grading").isEqualTo(before);
        assertThat(Path.of("/tmp/kvlab-zoo-detached.txt")).doesNotExist();
    }

    /** Every report's text, JSON strings decoded, so that escaping cannot hide a leak. */
    static String reportsText(Path out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String json : List.of("results.json", "classroom.json")) {
            collectStrings(ReportFiles.json(out.resolve(json)), text);
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    private static void collectStrings(JsonElement element, StringBuilder text) {
        if (element.isJsonPrimitive()) {
            text.append(element.getAsString()).append('\n');
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collectStrings(e, text));
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> collectStrings(e.getValue(), text));
        }
    }

    /**
     * Runs the grader as its own process, as {@code ./kvlab} does (so that its command line, with
     * {@code --out}, is there for the attacks to find), with {@code env} added to its environment.
     */
    static CliRun runGrader(CourseTree course, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkvlab.root=" + course.root(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("kvlab-zoo-", ".log");
        Path errLog = Files.createTempFile("kvlab-zoo-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(course.root().toFile())
                    .redirectOutput(log.toFile()).redirectError(errLog.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            int code = process.waitFor();
            return new CliRun(code, Files.readString(log), Files.readString(errLog));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(errLog);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Zoo.class.getResourceAsStream("zoo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource zoo/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
