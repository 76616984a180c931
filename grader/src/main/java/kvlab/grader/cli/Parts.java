package kvlab.grader.cli;

import java.util.Arrays;
import java.util.List;
import kvlab.grader.course.Part;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Part arguments as commands take them. */
final class Parts {
    private Parts() {
    }

    /**
     * The requested parts in course order, without repeats; all parts when none were named.
     *
     * @throws ParameterException naming an unknown id and the valid ones
     */
    static List<Part> parse(List<String> ids, CommandLine command) {
        if (ids == null || ids.isEmpty()) {
            return Arrays.asList(Part.values());
        }
        return ids.stream()
                .map(id -> Part.byId(id).orElseThrow(() -> new ParameterException(command,
                        "unknown part '" + id + "'; valid parts: " + String.join(" ", Part.ids()))))
                .distinct().sorted().toList();
    }
}
