package kvlab.grader.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where one fork runs, from its start to its end: a slot of the {@link Sandbox} (and, when the
 * grader is root, that slot's uid) and a fresh directory that is the fork's working directory, home
 * and temporary directory. The protocol, in order:
 * <ol>
 *   <li>{@link Sandbox#open} creates the place; the directory is owned by the fork's uid.</li>
 *   <li>{@link #command} wraps the JVM's command line; {@link #processBuilder} gives it a scrubbed
 *       environment; {@link #processes} watches what it starts.</li>
 *   <li>{@link ForkProcesses#endAll} ends every process of the fork.</li>
 *   <li>Only THEN {@link #close} deletes what the fork left and frees the slot.</li>
 * </ol>
 */
final class ForkPlace implements AutoCloseable {
    /** The only variables a fork inherits: CI environments hold tokens. */
    private static final List<String> KEPT_ENVIRONMENT = List.of("PATH", "LANG", "LC_ALL");

    private final Sandbox sandbox;
    private final int slot;
    private final OptionalInt uid;
    private final Path dir;
    private boolean closed;

    private ForkPlace(Sandbox sandbox, int slot, OptionalInt uid, Path dir) {
        this.sandbox = sandbox;
        this.slot = slot;
        this.uid = uid;
        this.dir = dir;
    }

    static ForkPlace create(Sandbox sandbox, int slot, OptionalInt uid, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        ForkPlace place = new ForkPlace(sandbox, slot, uid, dir);
        for (Path owned : List.of(dir, dir.resolve("tmp"))) {
            SandboxFiles.setPermissions(owned, "rwx------");
            place.own(owned);
        }
        return place;
    }

    /** The fork's working directory, {@code HOME} and the parent of its temporary directory. */
    Path dir() {
        return dir;
    }

    /** The fork's {@code java.io.tmpdir}. */
    Path tmp() {
        return dir.resolve("tmp");
    }

    OptionalInt uid() {
        return uid;
    }

    /** Gives a file the grader created to the fork's uid, so that the fork may write it. */
    void own(Path file) throws IOException {
        if (uid.isPresent()) {
            SandboxFiles.chown(file, uid.getAsInt());
        }
    }

    /** The classpath as the fork can read it. */
    List<Path> stage(List<Path> classpath) {
        return sandbox.staging().stage(classpath);
    }

    /** One path as the fork can read it (a directory it scans, say). */
    Path stage(Path entry) {
        return sandbox.staging().stageOne(entry);
    }

    /**
     * {@code java} wrapped in the sandbox: the namespace and its mounts, the session, the uid.
     *
     * @param hidden paths to cover with an empty read-only tmpfs where there is a mount namespace
     * @throws IllegalArgumentException if a hidden path holds the sandbox's directory or the JDK
     */
    List<String> command(List<String> java, List<Path> hidden) {
        List<String> command = new ArrayList<>();
        Sandbox.Isolation isolation = sandbox.isolation();
        if (isolation.isNamespace()) {
            command.addAll(Sandbox.unshare(isolation == Sandbox.Isolation.USER_NAMESPACE));
            command.addAll(List.of("sh", "-c", mountScript(hidden), "kvlab-fork"));
        } else if (isolation == Sandbox.Isolation.PROCESS_GROUP) {
            command.add("setsid");
        }
        uid.ifPresent(u -> command.addAll(sandbox.setprivCommand(u)));
        command.addAll(java);
        return command;
    }

    /**
     * Runs as root of the new mount namespace, then execs the rest of its arguments. The sandbox
     * directory lives in /tmp as a rule, so it is held by the working directory while /tmp is
     * covered, then bound back to its old path (without canonicalising ".", which would name the
     * new empty /tmp); the staged classpath is bound read-only on top.
     */
    private String mountScript(List<Path> hidden) {
        StringBuilder script = new StringBuilder("set -e\n");
        String root = quote(sandbox.root().toString());
        if (sandbox.hasPrivateMounts()) {
            script.append("cd ").append(root).append('\n');
            for (Path shared : Sandbox.SHARED_DIRS) {
                script.append("mount -t tmpfs -o mode=1777,nosuid,nodev,size=256m kvlab-private ")
                        .append(quote(shared.toString())).append('\n');
            }
            for (Path path : hiddenPaths(hidden)) {
                String p = quote(path.toString());
                // Paths under a covered /tmp are gone already.
                script.append("if [ -d ").append(p).append(" ]; then mount -t tmpfs -o ro,size=4k,mode=0555 kvlab-hidden ")
                        .append(p).append("; elif [ -e ").append(p).append(" ]; then mount --bind /dev/null ")
                        .append(p).append("; fi\n");
            }
            String staging = quote(sandbox.root().resolve("staging").toString());
            script.append("mkdir -p ").append(root).append('\n')
                    .append("mount --no-canonicalize --bind . ").append(root).append('\n')
                    .append("mount --bind ").append(staging).append(' ').append(staging).append('\n')
                    .append("mount -o remount,bind,ro ").append(staging).append('\n');
        }
        // cd sets PWD and OLDPWD; the fork's environment is only what processBuilder chose.
        script.append("cd ").append(quote(dir.toString())).append('\n').append("unset PWD OLDPWD\n")
                .append("exec \"$@\"\n");
        return script.toString();
    }

    private List<Path> hiddenPaths(List<Path> hidden) {
        Path root = sandbox.root();
        Path javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        for (Path path : hidden) {
            Path p = path.toAbsolutePath().normalize();
            if (Sandbox.SHARED_DIRS.stream().anyMatch(p::startsWith)) {
                continue;
            }
            if (root.startsWith(p) || javaHome.startsWith(p)) {
                throw new IllegalArgumentException("cannot hide " + p + " from the tests: it holds "
                        + (root.startsWith(p) ? "the sandbox directory " + root : "the JDK " + javaHome));
            }
            paths.add(p);
        }
        return paths;
    }

    /** {@code processBuilder} for {@code command}: the fork's directory and a scrubbed environment. */
    ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        for (String name : KEPT_ENVIRONMENT) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.put("HOME", dir.toString());
        environment.put("TMPDIR", tmp().toString());
        return builder;
    }

    /** Watches the processes of a fork started from this place. */
    ForkProcesses processes(Process wrapper) {
        Sandbox.Isolation isolation = sandbox.isolation();
        return new ForkProcesses(wrapper, isolation.isNamespace(), isolation == Sandbox.Isolation.PROCESS_GROUP, uid);
    }

    /** Deletes what the fork left and frees its slot; call only after its processes ended. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uid.isPresent() && !sandbox.hasPrivateMounts()) {
                SandboxFiles.deleteOwnedBy(uid.getAsInt(), Sandbox.SHARED_DIRS, sandbox.root());
            }
            SandboxFiles.deleteTree(dir);
        } finally {
            sandbox.closeSlot(slot);
        }
    }

    /** {@code text} as one shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
