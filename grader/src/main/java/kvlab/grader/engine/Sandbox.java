package kvlab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How this grader process confines the forked JVMs that run student code, detected once per process
 * ({@link #current}). Student code is hostile; the bytecode check before it runs is one layer, this
 * is the one that must hold if that check were bypassed. From strongest to weakest:
 * <ol>
 *   <li>{@link Isolation#PID_NAMESPACE} ({@code unshare --pid}, needs root or CAP_SYS_ADMIN): when the
 *       fork's JVM dies the kernel kills every process it started. With the mount namespace that
 *       comes with it, the fork gets a private empty {@code /tmp}, {@code /var/tmp}, {@code /dev/shm}
 *       and {@code /run/lock}, and each of {@link ForkSpec#hiddenPaths} is covered by an empty
 *       read-only tmpfs.</li>
 *   <li>{@link Isolation#USER_NAMESPACE} (unprivileged user namespaces): the same, run as the
 *       grader's user.</li>
 *   <li>{@link Isolation#PROCESS_GROUP}: the fork is its own session ({@code setsid}); at its end the
 *       grader kills the session, the group and every descendant it saw.</li>
 *   <li>{@link Isolation#NONE} (no {@code setsid}, say macOS): descendants seen only.</li>
 * </ol>
 * When the grader runs as root (Gradescope, CI containers), each fork also runs as a dedicated
 * unprivileged uid ({@value #UID_ENV}, default {@value #DEFAULT_BASE_UID}, plus the fork's slot
 * among those running at once): it can neither read root's files nor write the course, and at its
 * end every process of that uid is killed and, without a mount namespace, its files in the shared
 * temporary directories deleted. Such a fork reads its classpath from a staging directory
 * ({@link Staging}), kept for the grader's life or until {@link #releaseStaging}.
 *
 * <p>{@value #MODE_PROPERTY} ({@code auto}, {@code user-namespace}, {@code process-group},
 * {@code none}) forces a weaker mode, to test the fallbacks. Thread-safe.
 */
public final class Sandbox {
    /** How the processes of one fork are kept together. */
    public enum Isolation {
        PID_NAMESPACE("PID namespace"),
        USER_NAMESPACE("user and PID namespace"),
        PROCESS_GROUP("own session, descendants tracked"),
        NONE("descendants tracked");

        private final String description;

        Isolation(String description) {
            this.description = description;
        }

        boolean isNamespace() {
            return this == PID_NAMESPACE || this == USER_NAMESPACE;
        }
    }

    public static final String MODE_PROPERTY = "kvlab.sandbox";
    public static final String UID_ENV = "KVLAB_SANDBOX_UID";
    public static final int DEFAULT_BASE_UID = 61000;
    /** Where graders on one machine claim their forks' uids, so that no two use one at once. */
    static final Path UID_LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "kvlab-sandbox-uids");
    private static final int MAX_SLOTS = 1000;
    /** Directories every user may write: private per fork in a mount namespace, else cleaned after it. */
    static final List<Path> SHARED_DIRS = Stream.of("/tmp", "/var/tmp", "/dev/shm", "/run/lock")
            .map(Path::of).filter(Files::isDirectory).toList();
    private static final long PROBE_SECONDS = 10;

    private static Sandbox current;

    private final Isolation isolation;
    private final boolean privateMounts;
    private final OptionalInt baseUid;
    private final List<String> setpriv;
    private final Path root;
    private final Staging staging;
    private final BitSet slotsInUse = new BitSet();
    /** Per slot in use, the lock that keeps its uid from every other grader on this machine. */
    private final Map<Integer, FileLock> uidLocks = new HashMap<>();
    private int forkCount;

    private Sandbox(Isolation isolation, boolean privateMounts, OptionalInt baseUid, List<String> setpriv, Path root) {
        this.isolation = isolation;
        this.privateMounts = privateMounts;
        this.baseUid = baseUid;
        this.setpriv = setpriv;
        this.root = root;
        this.staging = new Staging(root.resolve("staging"));
    }

    /** The sandbox of this grader process, detected on first use (a few short probe processes). */
    public static synchronized Sandbox current() {
        if (current == null) {
            current = detect(System.getProperty(MODE_PROPERTY, "auto"));
            Runtime.getRuntime().addShutdownHook(new Thread(current::deleteRoot, "kvlab-sandbox-cleanup"));
        }
        return current;
    }

    public Isolation isolation() {
        return isolation;
    }

    /** Whether forks get private temporary directories and hidden paths (a mount namespace). */
    public boolean hasPrivateMounts() {
        return privateMounts;
    }

    /** The first dedicated uid, if forks run as one; empty if they run as the grader's user. */
    public OptionalInt baseUid() {
        return baseUid;
    }

    /** One line for the grading to print, say "PID namespace, uid 61000+, private /tmp, course hidden". */
    public String describe() {
        List<String> parts = new ArrayList<>(List.of(isolation.description));
        parts.add(baseUid.isPresent() ? "uid " + baseUid.getAsInt() + "+" : "runs as the grader's user");
        if (privateMounts) {
            parts.add("private /tmp, course hidden");
        } else {
            parts.add(baseUid.isPresent() ? "shared /tmp cleaned after each fork, course readable" : "shared /tmp");
        }
        return String.join(", ", parts);
    }

    /** A warning worth printing when student code can reach what it should not; empty otherwise. */
    public Optional<String> note() {
        if (baseUid.isEmpty() && !privateMounts) {
            return Optional.of("note: tests run as your own user without a sandbox (" + describe()
                    + "): they can read and write whatever you can");
        }
        if (!privateMounts) {
            return Optional.of("note: no mount namespace here (" + describe()
                    + "): tests can read the course tree wherever its permissions allow");
        }
        return Optional.empty();
    }

    /** Deletes the staged classpaths; forks started later stage theirs again. Call when grading is done. */
    public void releaseStaging() {
        staging.clear();
    }

    /** Opens a place for one fork: a slot (and its uid), a fresh directory; {@link ForkPlace#close} frees them. */
    ForkPlace open() {
        int slot;
        int number;
        synchronized (this) {
            slot = claimSlot();
            number = forkCount++;
        }
        OptionalInt uid = baseUid.isPresent() ? OptionalInt.of(baseUid.getAsInt() + slot) : OptionalInt.empty();
        try {
            return ForkPlace.create(this, slot, uid, root.resolve("forks").resolve("fork-" + number));
        } catch (IOException | RuntimeException e) {
            closeSlot(slot);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    synchronized void closeSlot(int slot) {
        slotsInUse.clear(slot);
        FileLock lock = uidLocks.remove(slot);
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the lock of uid " + (baseUid.getAsInt() + slot), e);
            }
        }
    }

    /**
     * The first slot free in this grader whose uid no other grader on the machine holds: the end of a
     * fork kills every process of its uid, which must never be another grader's fork. Each uid is
     * claimed by an exclusive lock on a file of {@link #UID_LOCKS}, held until {@link #closeSlot}.
     */
    private int claimSlot() {
        for (int slot = slotsInUse.nextClearBit(0); ; slot = slotsInUse.nextClearBit(slot + 1)) {
            if (baseUid.isEmpty() || lockUid(slot)) {
                slotsInUse.set(slot);
                return slot;
            }
            if (slot > MAX_SLOTS) {
                throw new IllegalStateException("no free sandbox uid among " + baseUid.getAsInt() + "+" + MAX_SLOTS
                        + ": other graders hold them all (" + UID_LOCKS + ")");
            }
        }
    }

    private boolean lockUid(int slot) {
        Path file = UID_LOCKS.resolve((baseUid.getAsInt() + slot) + ".lock");
        try {
            Files.createDirectories(UID_LOCKS);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return false;
            }
            uidLocks.put(slot, lock);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim sandbox uid " + (baseUid.getAsInt() + slot) + " with " + file, e);
        }
    }

    Staging staging() {
        return staging;
    }

    Path root() {
        return root;
    }

    List<String> setprivCommand(int uid) {
        List<String> command = new ArrayList<>();
        for (String part : setpriv) {
            command.add(part.replace("UID", Integer.toString(uid)));
        }
        return command;
    }

    private void deleteRoot() {
        try {
            SandboxFiles.deleteTree(root);
        } catch (UncheckedIOException e) {
            // At exit there is no one left to tell.
        }
    }

    // ---- Detection: each probe is the real wrapper running a trivial command. ----

    private static Sandbox detect(String mode) {
        Path root = createRoot();
        boolean isRoot = isRoot();
        Isolation isolation = Isolation.NONE;
        boolean mounts = false;
        if (mode.equals("auto")) {
            mounts = works(namespaceProbe(false, root, true));
            if (mounts || works(namespaceProbe(false, root, false))) {
                isolation = Isolation.PID_NAMESPACE;
            }
        }
        if (isolation == Isolation.NONE && (mode.equals("auto") && !isRoot || mode.equals("user-namespace"))) {
            mounts = works(namespaceProbe(true, root, true));
            if (mounts || works(namespaceProbe(true, root, false))) {
                isolation = Isolation.USER_NAMESPACE;
            }
        }
        if (isolation == Isolation.NONE && !mode.equals("none") && works(List.of("setsid", "true"))) {
            isolation = Isolation.PROCESS_GROUP;
        }
        // Inside a user namespace only the grader's own uid is mapped: no other uid to switch to.
        List<String> setpriv = isRoot && isolation != Isolation.USER_NAMESPACE ? setprivThatWorks(root) : List.of();
        OptionalInt baseUid = setpriv.isEmpty() ? OptionalInt.empty() : OptionalInt.of(configuredBaseUid());
        return new Sandbox(isolation, mounts, baseUid, setpriv, root);
    }

    /** A root-owned directory every uid may enter but only the grader may change. */
    private static Path createRoot() {
        try {
            Path root = Files.createTempDirectory("kvlab-sandbox-");
            SandboxFiles.setPermissions(root, "rwxr-xr-x");
            for (String sub : List.of("staging", "forks")) {
                SandboxFiles.setPermissions(Files.createDirectories(root.resolve(sub)), "rwxr-xr-x");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for test JVMs", e);
        }
    }

    static List<String> unshare(boolean user) {
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child", "--mount-proc",
                "--propagation", "private"));
        if (user) {
            command.addAll(List.of("--user", "--map-root-user"));
        }
        return command;
    }

    private static List<String> namespaceProbe(boolean user, Path root, boolean withMounts) {
        List<String> command = unshare(user);
        String dir = ForkPlace.quote(root.toString());
        command.addAll(withMounts
                ? List.of("sh", "-c", "mount -t tmpfs -o size=4k kvlab-probe " + dir + " && mount --bind " + dir + " "
                        + dir + " && mount -o remount,bind,ro " + dir)
                : List.of("true"));
        return command;
    }

    /** The setpriv options this machine supports, with UID for the uid; empty if none can reach the JDK. */
    private static List<String> setprivThatWorks(Path root) {
        // Below the forks' range: the end of another grader's fork kills every process of its uid.
        int probeUid = configuredBaseUid() - 1;
        List<String> full = List.of("setpriv", "--reuid=UID", "--regid=UID", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs");
        List<String> basic = List.of("setpriv", "--reuid=UID", "--regid=UID", "--clear-groups");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (List<String> candidate : List.of(full, basic)) {
            List<String> probe = new ArrayList<>();
            candidate.forEach(part -> probe.add(part.replace("UID", Integer.toString(probeUid))));
            // The uid must reach the JDK and the sandbox directory, wherever the grader keeps them.
            probe.addAll(List.of("sh", "-c", "test -x " + ForkPlace.quote(java.toString()) + " && cd "
                    + ForkPlace.quote(root.resolve("forks").toString())));
            if (works(probe)) {
                return candidate;
            }
        }
        return List.of();
    }

    private static int configuredBaseUid() {
        String value = System.getenv(UID_ENV);
        try {
            return value == null || value.isBlank() ? DEFAULT_BASE_UID : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(UID_ENV + " must be a number, was '" + value + "'", e);
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .anyMatch(l -> l.substring(4).trim().split("\\s+")[1].equals("0"));
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean works(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
