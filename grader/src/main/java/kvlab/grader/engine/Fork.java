package kvlab.grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import kvlab.grader.GradingException;
import kvlab.grader.fork.ForkMain;
import kvlab.grader.fork.Protocol;
import kvlab.harness.grading.KvlabProperties;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One forked JVM running {@link ForkMain}, seen from the grader: start it in the {@link Sandbox},
 * read its authenticated events ({@link EventChannel}), kill it, and name the cause when it dies
 * before writing {@code done}.
 *
 * <p>Each fork gets a fresh place ({@link ForkPlace}: its working directory, home and temporary
 * directory, with its events file, its test list, any JVM crash log), deleted by {@link #close}.
 * Every way a fork ends (done, death, time-out, tampering) returns only after every process it
 * started is gone.
 */
final class Fork implements AutoCloseable {
    /** Limits named in the death cause when a fork exhausts them; the heap is the spec's. */
    static final int DIRECT_MEMORY_MIB = 256;
    static final int METASPACE_MIB = 256;
    static final String TAMPERED = "the fork's result channel was written by something other than the test runner";
    private static final String OOM_MARKER = "Terminating due to java.lang.OutOfMemoryError: ";
    private static final long POLL_MILLIS = 20;
    /** How long a fork that timed out gets to print its thread dump. */
    private static final long DUMP_MILLIS = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ForkSpec spec;
    private final ForkPlace place;
    private final Process process;
    private final ForkProcesses processes;
    private final OutputTail output;
    private final EventChannel events;
    private final Optional<ForkExports> exports;
    private boolean done;
    private boolean exitCalled;
    private String[] fatal;
    /** The limit a timed-out fork was held to, for {@link #deathCause}. */
    private Duration timedOutAfter;
    private boolean ended;

    private Fork(ForkSpec spec, ForkPlace place, Process process, EventChannel events, Optional<ForkExports> exports) {
        this.spec = spec;
        this.place = place;
        this.process = process;
        this.processes = place.processes(process);
        this.output = OutputTail.drain(process.getInputStream(), "kvlab-fork-output");
        this.events = events;
        this.exports = exports;
    }

    /** Starts a fork that reports the graded tests under {@code testClasses}, in a package unless "". */
    static Fork discover(ForkSpec spec, Path testClasses, String packageName) {
        return start(spec, OptionalLong.empty(), place -> place.stage(testClasses),
                (file, mac) -> EventChannel.forDiscovery(file, mac), "discover", packageName);
    }

    /** Starts a fork that runs {@code tests} in order with the given seed. */
    static Fork run(ForkSpec spec, long seed, List<GradedTest> tests) {
        List<String> lines = tests.stream()
                .map(t -> Protocol.line(t.className(), t.methodName(), t.parameterTypes())).toList();
        return start(spec, OptionalLong.of(seed), place -> Files.write(place.dir().resolve("tests.txt"), lines),
                (file, mac) -> EventChannel.forRun(file, mac, tests.size()), "run");
    }

    /** Writes the fork's input into its place and returns the path to pass. */
    private interface Input {
        Path write(ForkPlace place) throws IOException;
    }

    /** Opens the channel that checks what the fork writes to {@code file}. */
    private interface Channel {
        EventChannel open(Path file, Mac mac) throws IOException;
    }

    private static Fork start(ForkSpec spec, OptionalLong seed, Input input, Channel channel, String mode,
                              String... extra) {
        byte[] secret = new byte[Protocol.SECRET_BYTES];
        RANDOM.nextBytes(secret);
        ForkPlace place = Sandbox.current().open();
        try {
            Path eventsFile = Files.createFile(place.dir().resolve("events.txt"));
            place.own(eventsFile);
            EventChannel events = channel.open(eventsFile, Protocol.newMac(secret));
            Optional<ForkExports> exports = ForkExports.of(spec, place);
            List<String> java = command(spec, seed, place, exports);
            java.addAll(List.of(mode, eventsFile.toString(), input.write(place).toString()));
            java.addAll(List.of(extra));
            Process process = place.processBuilder(place.command(java, spec.hiddenPaths())).start();
            Fork fork = new Fork(spec, place, process, events, exports);
            handOver(secret, process);
            return fork;
        } catch (IOException | RuntimeException e) {
            place.close();
            throw new GradingException("cannot start a JVM for the tests: " + e.getMessage(), e);
        } finally {
            Protocol.wipe(secret);
        }
    }

    /** The secret goes on stdin, then stdin closes: never argv, the environment or a file. */
    private static void handOver(byte[] secret, Process process) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(secret);
        } catch (IOException e) {
            // The fork died before reading it (its wrapper failed, say): its death cause will tell.
        }
    }

    private static List<String> command(ForkSpec spec, OptionalLong seed, ForkPlace place,
                                        Optional<ForkExports> exports) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + spec.heapMiB() + "m",
                "-XX:MaxDirectMemorySize=" + DIRECT_MEMORY_MIB + "m",
                "-XX:MaxMetaspaceSize=" + METASPACE_MIB + "m",
                "-XX:+ExitOnOutOfMemoryError",
                // No hsperfdata file in the shared /tmp.
                "-XX:-UsePerfData",
                "-XX:ErrorFile=" + place.dir().resolve("hs_err_pid%p.log"),
                "-Djava.io.tmpdir=" + place.tmp(),
                "-Duser.home=" + place.dir(),
                // Replay commands name the module; the fork no longer runs in its directory.
                "-D" + KvlabProperties.MODULE + "=" + spec.module()));
        Map<String, String> properties = exports.map(e -> e.redirect(spec.systemProperties()))
                .orElse(spec.systemProperties());
        new ForkSpec(spec.classpath(), spec.workDir(), spec.classTimeout(), spec.heapMiB(), properties)
                .systemPropertyOptions().forEach(command::add);
        seed.ifPresent(s -> command.add("-D" + KvlabProperties.SEED + "=" + s));
        command.add("-cp");
        command.add(classpath(spec, place));
        command.add(ForkMain.class.getName());
        return command;
    }

    /** The module's test classpath, then the fork entry point and the JUnit launcher, all staged. */
    private static String classpath(ForkSpec spec, ForkPlace place) {
        Set<Path> entries = new LinkedHashSet<>(spec.classpath());
        entries.add(codeLocation(ForkMain.class));
        entries.add(codeLocation(LauncherFactory.class));
        return place.stage(List.copyOf(entries)).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
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
     * {@code handler}, noting {@code done}, {@code exit} and {@code fatal} on the way. At the first
     * line that breaks the channel's rules the fork is killed and no later event handed over.
     *
     * @return false once the fork has ended (every process of it gone) and its last events were handed over
     */
    boolean poll(Consumer<String[]> handler) {
        boolean alive = !ended && process.isAlive();
        if (alive) {
            try {
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
            processes.observe();
        }
        for (String[] event : events.poll()) {
            done |= event[0].equals(Protocol.DONE);
            exitCalled |= event[0].equals(Protocol.EXIT);
            if (event[0].equals(Protocol.FATAL)) {
                fatal = event;
            }
            handler.accept(event);
        }
        if (events.tampering().isPresent() || !alive) {
            end();
            return false;
        }
        return true;
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
            Optional<ProcessHandle> jvm = processes.jvm();
            if (jvm.isPresent()) {
                Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(jvm.get().pid())).start();
                quit.getOutputStream().close();
                quit.waitFor(DUMP_MILLIS, TimeUnit.MILLISECONDS);
            }
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

    /** Kills the fork at once and waits for all of it to be gone. */
    void kill() {
        end();
    }

    /** Ends every process of the fork, once. */
    private void end() {
        if (!ended) {
            ended = true;
            processes.endAll();
        }
    }

    /** Why the fork ended without {@code done}; call after it has ended and been polled. */
    String deathCause() {
        Optional<String> tampering = events.tampering();
        if (tampering.isPresent()) {
            return TAMPERED + " (" + tampering.get() + ")";
        }
        if (timedOutAfter != null) {
            return "exceeded the wall-clock limit of " + timedOutAfter.toSeconds() + " s and was killed"
                    + ThreadDump.diagnose(rawOutput()).map(d -> "; " + d).orElse("");
        }
        int code = process.exitValue();
        if (exitCalled) {
            return "called System.exit(" + code + ")";
        }
        if (fatal != null) {
            return fatalCause(fatal[1], Protocol.untext(fatal[2]));
        }
        String raw = rawOutput();
        int oom = raw.lastIndexOf(OOM_MARKER);
        if (oom >= 0) {
            String kind = raw.substring(oom + OOM_MARKER.length()).lines().findFirst().orElse("").trim();
            return outOfMemory(kind);
        }
        return "JVM crashed: exit code " + code;
    }

    /** A throwable that escaped the test runner, as the fork named it. */
    private String fatalCause(String className, String message) {
        if (className.equals(OutOfMemoryError.class.getName())) {
            return outOfMemory(message);
        }
        return "the test JVM stopped on an uncaught " + className + (message.isEmpty() ? "" : ": " + message);
    }

    /** Which of the JVM's memory limits ran out, from the error's message. */
    private String outOfMemory(String message) {
        if (message.toLowerCase(java.util.Locale.ROOT).contains("direct buffer memory")) {
            return "JVM ran out of direct buffer memory (limit " + DIRECT_MEMORY_MIB + " MiB): " + message;
        }
        if (message.startsWith("Metaspace") || message.startsWith("Compressed class space")) {
            return "JVM ran out of metaspace (limit " + METASPACE_MIB + " MiB; classes loaded without end?)";
        }
        return "JVM ran out of memory (heap limit " + spec.heapMiB() + " MiB): " + message;
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
        end();
        try {
            events.close();
            exports.ifPresent(ForkExports::relay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            place.close();
        }
    }
}
