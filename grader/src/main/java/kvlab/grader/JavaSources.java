package kvlab.grader;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Java sources parsed into syntax trees, never compiled or loaded: a file that does not compile still parses. */
public final class JavaSources {
    private JavaSources() {
    }

    /**
     * The syntax trees of {@code sources}, in order.
     *
     * @throws IllegalStateException on a JRE, which has no compiler to parse with
     */
    public static List<? extends CompilationUnitTree> parse(List<Path> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("reading Java sources needs a JDK (javax.tools compiler), not a JRE");
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) compiler.getTask(null, files, d -> { }, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources));
            List<CompilationUnitTree> units = new java.util.ArrayList<>();
            task.parse().forEach(units::add);
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + sources.get(0) + (sources.size() > 1 ? " and the rest" : ""), e);
        }
    }
}
