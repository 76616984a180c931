package kvlab.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulation packages are layered and import only downward: {@code sim} (kernel) &lt;- {@code net}
 * &lt;- {@code cluster} &lt;- {@code junit}; the other harness packages (trace, disk, grading,
 * linearizability, engine, rules) import none of the four. Read from the sources (imports and qualified
 * names in code; comments may point anywhere), so a new upward arrow fails here with its file named.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/kvlab/harness");
    private static final List<String> LAYERS = List.of("sim", "net", "cluster", "junit");
    private static final Pattern REFERENCE = Pattern.compile("\\bkvlab\\.harness\\.([a-z]\\w*)\\.[A-Z]");

    @Test
    void simulationPackagesImportOnlyDownward() throws IOException {
        Set<String> upward = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(file.getParent()).toString().split("[/\\\\]")[0];
                int fromLayer = LAYERS.indexOf(from);
                Matcher m = REFERENCE.matcher(code(file));
                while (m.find()) {
                    int toLayer = LAYERS.indexOf(m.group(1));
                    boolean allowed = toLayer < 0 || (fromLayer >= 0 && toLayer <= fromLayer);
                    if (!allowed) {
                        upward.add(MAIN.relativize(file) + " -> kvlab.harness." + m.group(1));
                    }
                }
            }
        }
        assertThat(upward).as("imports pointing up the sim <- net <- cluster <- junit layering").isEmpty();
    }

    /** The file without comments, which may name any package. */
    private static String code(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
