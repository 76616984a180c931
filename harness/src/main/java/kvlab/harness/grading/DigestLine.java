package kvlab.harness.grading;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * One line of the digest file named by {@value KvlabProperties#TRACE_OUT}: the harness appends one per
 * simulated test that ran (passed or failed), as a JSON object on one line; the grader compares them
 * across runs ({@code --check-determinism}, {@code replay}).
 *
 * @param test {@code SimpleClass#method}
 * @param seed the seed it ran under
 * @param digest its trace digest
 * @param events how many events it traced
 */
public record DigestLine(String test, long seed, String digest, long events) {
    private static final Gson GSON = new Gson();

    /** This line as JSON, without the newline. */
    public String json() {
        return GSON.toJson(this);
    }

    /**
     * Reads one line.
     *
     * @throws JsonParseException if it is not a digest line
     */
    public static DigestLine parse(String line) {
        DigestLine parsed = GSON.fromJson(line, DigestLine.class);
        if (parsed == null || parsed.test() == null || parsed.digest() == null) {
            throw new JsonParseException("not a digest line: " + line);
        }
        return parsed;
    }
}
