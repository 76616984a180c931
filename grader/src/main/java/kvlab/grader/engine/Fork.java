package kvlab.grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kvlab.grader.FileTrees;
import kvlab.grader.GradingException;
import kvlab.grader.fork.ForkMain;
import kvlab.grader.fork.Protocol;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One forked JVM running {@link ForkMain}, seen from the grader: start it, read its events, kill it,
 * and name the cause when it dies before writing {@code done}.
 *
 * <p>Each fork gets a private scratch directory (its events file, its test list, any JVM crash log),
 * removed by {@link #close}.
 */
final class Fork implements AutoCloseable {
    private static final String OOM_MARKER = "Terminating due to java.lang.OutOfMemoryError: ";
    private static final long POLL_MILLIS = 20;
    /** How long a fork that timed out gets to print its thread dump. */
    private static final long DUMP_MILLIS = 2000;

    private final ForkSpec spec;
    private final Path scratch;
    private final Process process;
    private final OutputTail output;
    private final EventTail events;
    private boolean done;
    private boolean exitCalled;
    /** The limit a timed-out fork was held to, for {@link #deathCause}. */
    private Duration timedOutAfter;

    private Fork(ForkSpec spec, Path scratch, Process process, EventTail events) {
        this.spec = spec;
        this.scratch = scratch;
        this.process = process;
        this.output = OutputTail.drain(process.getInputStream(), "kvlab-fork-output");
        this.events = events;
    }

    /** Starts a fork that reports the graded tests under {@code testClasses}, in a package unless "". */
    static Fork discover(ForkSpec spec, Path testClasses, String packageName) {
        return start(spec, OptionalLong.empty(), scratch -> testClasses, "discover", packageName);
    }

    /** Starts a fork that runs {@code tests} in order with the given seed. */
    static Fork run(ForkSpec spec, long seed, List<GradedTest> tests) {
        List<String> lines = tests.stream()
                .map(t -> Protocol.line(t.className(), t.methodName(), t.parameterTypes())).toList();
        return start(spec, OptionalLong.of(seed),
                scratch -> Files.write(scratch.resolve("tests.txt"), lines), "run");
    }

    /** Writes the fork's input into its scratch directory and returns the path to pass. */
    private interface Input {
        Path write(Path scratch) throws IOException;
    }

    private static Fork start(ForkSpec spec, OptionalLong seed, Input input, String mode, String... extra) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("kvlab-fork-");
            Path eventsFile = Files.createFile(scratch.resolve("events.txt"));
            List<String> command = command(spec, seed, scratch);
            command.addAll(List.of(mode, eventsFile.toString(), input.write(scratch).toString()));
            command.addAll(List.of(extra));
            Process process = new ProcessBuilder(command).directory(spec.workDir().toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            return new Fork(spec, scratch, process, new EventTail(eventsFile));
        } catch (IOException e) {
            if (scratch != null) {
                FileTrees.delete(scratch);
            }
            throw new GradingException("cannot start a JVM for the tests: " + e.getMessage(), e);
        }
    }

    private static List<String> command(ForkSpec spec, OptionalLong seed, Path scratch) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + spec.heapMiB() + "m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:ErrorFile=" + scratch.resolve("hs_err_pid%p.log")));
        command.addAll(spec.systemPropertyOptions());
        seed.ifPresent(s -> command.add("-Dkvlab.seed=" + s));
        command.add("-cp");
        command.add(classpath(spec));
        command.add(ForkMain.class.getName());
        return command;
    }

    /** The module's test classpath, then the fork entry point and the JUnit launcher. */
    private static String classpath(ForkSpec spec) {
        Set<Path> entries = new LinkedHashSet<>(spec.classpath());
        entries.add(codeLocation(ForkMain.class));
        entries.add(codeLocation(LauncherFactory.class));
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Path codeLocation(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected code location of " + type, e);
        }
    }

    /**
     * Waits a short while for the fork, then hands each event it wrote meanwhile to
     * {@code handler}, noting {@code done} and {@code exit} on the way.
     *
     * @return false once the fork has exited and its last events were handed over
     */
    boolean poll(Consumer<String[]> handler) {
        boolean alive = process.isAlive();
        if (alive) {
            try {
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
        for (String line : events.poll()) {
            done |= line.equals(Protocol.DONE);
            exitCalled |= line.equals(Protocol.EXIT);
            handler.accept(Protocol.fields(line));
        }
        return alive;
    }

    /** True once the fork reported finishing its work. */
    boolean isDone() {
        return done;
    }

    /**
     * Kills a fork that used up its time, first asking its JVM for a thread dump ({@code SIGQUIT})
     * so that {@link #deathCause} can say where it was stuck. Where there is no {@code kill}
     * command, the fork dies without the dump.
     *
     * @param limit the limit it used up, named in {@link #deathCause}
     */
    void timeOut(Duration limit) {
        timedOutAfter = limit;
        try {
            Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start();
            quit.getOutputStream().close();
            quit.waitFor(DUMP_MILLIS, TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DUMP_MILLIS);
            while (!output.text().contains(ThreadDump.END_MARKER) && System.nanoTime() < deadline
                    && process.isAlive()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            // No kill command here: the cause will name the time limit only.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /** Kills the fork at once and waits for it to be gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the fork ended without {@code done}; call after it has exited and been polled. */
    String deathCause() {
        if (timedOutAfter != null) {
            return "exceeded the wall-clock limit of " + timedOutAfter.toSeconds() + " s and was killed"
                    + ThreadDump.diagnose(rawOutput()).map(d -> "; " + d).orElse("");
        }
        int code = process.exitValue();
        if (exitCalled) {
            return "called System.exit(" + code + ")";
        }
        String raw = rawOutput();
        int oom = raw.lastIndexOf(OOM_MARKER);
        if (oom >= 0) {
            String kind = raw.substring(oom + OOM_MARKER.length()).lines().findFirst().orElse("").trim();
            return "JVM ran out of memory (heap limit " + spec.heapMiB() + " MiB): " + kind;
        }
        return "JVM crashed: exit code " + code;
    }

    /** The last of what the fork wrote to its real stdout and stderr (not a test's own output). */
    String rawOutput() {
        if (!process.isAlive()) {
            output.awaitEnd();
        }
        return output.text();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            events.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileTrees.delete(scratch);
    }
}
