package kvlab.grader.course;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The course parts, in course order, each with the module holding its graded tests. */
public enum Part {
    P1("1", "project1-standalone"),
    P2A("2a", "project2-raft"),
    P2B("2b", "project2-raft"),
    P2C("2c", "project2-raft"),
    P3A("3a", "project3-multiraft"),
    P3B("3b", "project3-multiraft"),
    P3C("3c", "project3-multiraft"),
    P4A("4a", "project4-txn"),
    P4B("4b", "project4-txn"),
    P4C("4c", "project4-txn");

    private final String id;
    private final String module;

    Part(String id, String module) {
        this.id = id;
        this.module = module;
    }

    /** The id people type and {@code @Graded} names: {@code 1}, {@code 2a}, ... */
    public String id() {
        return id;
    }

    /** The Maven module whose tests hold this part's graded tests. */
    public String module() {
        return module;
    }

    /** The part with this id, if any (case-insensitive). */
    public static Optional<Part> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equalsIgnoreCase(id)).findFirst();
    }

    /** All ids in course order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Part::id).toList();
    }
}
