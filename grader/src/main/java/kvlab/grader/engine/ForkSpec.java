package kvlab.grader.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where and how forked JVMs run student code.
 *
 * @param classpath the graded module's test classpath (the grader adds its own fork entry point)
 * @param workDir working directory of each fork (a module's base directory, as under Maven)
 * @param classTimeout wall-clock budget of one test class within one fork: the last-resort limit
 *     (simulations enforce their own virtual-time limits first)
 * @param heapMiB maximum heap of a fork
 */
public record ForkSpec(List<Path> classpath, Path workDir, Duration classTimeout, int heapMiB) {
    /** The heap limit graded tests run with. */
    public static final int DEFAULT_HEAP_MIB = 512;

    public ForkSpec {
        classpath = List.copyOf(classpath);
        if (classTimeout.isNegative() || classTimeout.isZero()) {
            throw new IllegalArgumentException("class timeout must be positive: " + classTimeout);
        }
        if (heapMiB <= 0) {
            throw new IllegalArgumentException("heap must be positive: " + heapMiB);
        }
    }
}
