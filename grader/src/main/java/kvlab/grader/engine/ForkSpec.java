package kvlab.grader.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how forked JVMs run student code.
 *
 * @param classpath the graded module's test classpath (the grader adds its own fork entry point)
 * @param workDir working directory of each fork (a module's base directory, as under Maven)
 * @param classTimeout wall-clock budget of one test class within one fork: the last-resort limit
 *     (simulations enforce their own virtual-time limits first)
 * @param heapMiB maximum heap of a fork
 * @param systemProperties extra {@code -Dkey=value} options of each fork (say the trace export)
 */
public record ForkSpec(List<Path> classpath, Path workDir, Duration classTimeout, int heapMiB,
                       Map<String, String> systemProperties) {
    /** The heap limit graded tests run with. */
    public static final int DEFAULT_HEAP_MIB = 512;

    public ForkSpec {
        classpath = List.copyOf(classpath);
        systemProperties = Map.copyOf(systemProperties);
        if (classTimeout.isNegative() || classTimeout.isZero()) {
            throw new IllegalArgumentException("class timeout must be positive: " + classTimeout);
        }
        if (heapMiB <= 0) {
            throw new IllegalArgumentException("heap must be positive: " + heapMiB);
        }
    }

    /** A spec without extra system properties. */
    public ForkSpec(List<Path> classpath, Path workDir, Duration classTimeout, int heapMiB) {
        this(classpath, workDir, classTimeout, heapMiB, Map.of());
    }

    /** This spec with {@code -Dkey=value} added (or replaced). */
    public ForkSpec withSystemProperty(String key, String value) {
        Map<String, String> properties = new TreeMap<>(systemProperties);
        properties.put(key, value);
        return new ForkSpec(classpath, workDir, classTimeout, heapMiB, properties);
    }

    /** The extra properties as JVM options, in key order so that fork command lines are stable. */
    List<String> systemPropertyOptions() {
        return new TreeMap<>(systemProperties).entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .toList();
    }
}
