package kvlab.grader.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how forked JVMs run student code.
 *
 * @param classpath the graded module's test classpath (the grader adds its own fork entry point);
 *     forks read staged copies of it ({@link Sandbox})
 * @param workDir the graded module's base directory, as under Maven. Its name names the module in
 *     replay commands ({@code -Dkvlab.module}); forks do NOT run in it: each gets a fresh directory
 *     of its own, deleted after it ends, so that student code cannot write the course
 * @param classTimeout wall-clock budget of one test class within one fork: the last-resort limit
 *     (simulations enforce their own virtual-time limits first)
 * @param heapMiB maximum heap of a fork
 * @param systemProperties extra {@code -Dkey=value} options of each fork (say the trace export)
 * @param hiddenPaths directories (or files) the fork must not see, say the course tree and the
 *     output directory: where the sandbox has a mount namespace each is covered by an empty
 *     read-only tmpfs; elsewhere only file permissions protect them ({@link Sandbox#describe}). None
 *     may hold the sandbox's own directory (under {@code java.io.tmpdir}) or the JDK
 */
public record ForkSpec(List<Path> classpath, Path workDir, Duration classTimeout, int heapMiB,
                       Map<String, String> systemProperties, List<Path> hiddenPaths) {
    /** The heap limit graded tests run with. */
    public static final int DEFAULT_HEAP_MIB = 512;

    public ForkSpec {
        classpath = List.copyOf(classpath);
        systemProperties = Map.copyOf(systemProperties);
        hiddenPaths = List.copyOf(hiddenPaths);
        if (classTimeout.isNegative() || classTimeout.isZero()) {
            throw new IllegalArgumentException("class timeout must be positive: " + classTimeout);
        }
        if (heapMiB <= 0) {
            throw new IllegalArgumentException("heap must be positive: " + heapMiB);
        }
    }

    /** A spec without extra system properties or hidden paths. */
    public ForkSpec(List<Path> classpath, Path workDir, Duration classTimeout, int heapMiB) {
        this(classpath, workDir, classTimeout, heapMiB, Map.of(), List.of());
    }

    /** A spec without hidden paths. */
    public ForkSpec(List<Path> classpath, Path workDir, Duration classTimeout, int heapMiB,
                    Map<String, String> systemProperties) {
        this(classpath, workDir, classTimeout, heapMiB, systemProperties, List.of());
    }

    /** This spec with {@code -Dkey=value} added (or replaced). */
    public ForkSpec withSystemProperty(String key, String value) {
        Map<String, String> properties = new TreeMap<>(systemProperties);
        properties.put(key, value);
        return new ForkSpec(classpath, workDir, classTimeout, heapMiB, properties, hiddenPaths);
    }

    /** This spec with {@code paths} hidden from its forks, besides those hidden already. */
    public ForkSpec withHiddenPaths(List<Path> paths) {
        List<Path> all = new java.util.ArrayList<>(hiddenPaths);
        all.addAll(paths);
        return new ForkSpec(classpath, workDir, classTimeout, heapMiB, systemProperties, all);
    }

    /** The module's name as replay commands give it: the base name of {@link #workDir}. */
    String module() {
        Path name = workDir.toAbsolutePath().normalize().getFileName();
        return name == null ? "." : name.toString();
    }

    /** The extra properties as JVM options, in key order so that fork command lines are stable. */
    List<String> systemPropertyOptions() {
        return new TreeMap<>(systemProperties).entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }
}
