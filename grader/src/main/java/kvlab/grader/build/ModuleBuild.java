package kvlab.grader.build;

import java.nio.file.Path;
import java.util.List;

/**
 * A built module, ready for its tests to run.
 *
 * @param name the module's directory name, e.g. {@code project1-standalone}
 * @param dir the module's base directory (the tests' working directory, as under Maven)
 * @param testClasses the compiled tests
 * @param testClasspath the tests' full classpath: test classes, main classes, then dependencies
 */
public record ModuleBuild(String name, Path dir, Path testClasses, List<Path> testClasspath) {
    public ModuleBuild {
        testClasspath = List.copyOf(testClasspath);
    }
}
