package kvlab.harness.engine;

import java.util.List;

/**
 * The column families every {@link Engine} has. A family is a separate key space: the same key can
 * hold different values in different families. Project 4 (transactions) uses all three, the way
 * Percolator keeps data, locks and commit records apart.
 */
public final class ColumnFamilies {
    /** Plain values; Project 4 keeps its versioned data here. */
    public static final String DEFAULT = "default";
    /** Project 4's transaction locks. */
    public static final String LOCK = "lock";
    /** Project 4's commit records. */
    public static final String WRITE = "write";
    /** Every family, in a fixed order (the order log records number them by). */
    public static final List<String> ALL = List.of(DEFAULT, LOCK, WRITE);

    private ColumnFamilies() {}

    /** Whether {@code name} is one of {@link #ALL}. */
    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    /**
     * Returns {@code name} if it is a known family.
     *
     * @throws IllegalArgumentException naming the unknown family and the known ones
     */
    public static String requireKnown(String name) {
        if (!isKnown(name)) {
            throw new IllegalArgumentException(
                    "unknown column family '" + name + "'; known families: " + String.join(", ", ALL));
        }
        return name;
    }
}
