package kvlab.harness.net;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which directed links are currently blocked: by a partition, by explicit cuts, or by isolating a
 * node. A node can always reach itself. Package-private: {@link SimNetwork} is the API.
 */
final class LinkFaults {
    /** Group index of each node while a partition is in force; null when there is none. */
    private Map<Integer, Integer> groupOf;
    /** Cut directed links, encoded by {@link #link}. */
    private final Set<Long> cutLinks = new TreeSet<>();
    private final Set<Integer> isolated = new TreeSet<>();

    /** Why the link from {@code from} to {@code to} is blocked, or null if it is open. */
    String blockedBy(int from, int to) {
        if (from == to) {
            return null;
        }
        if (isolated.contains(from) || isolated.contains(to)) {
            return "isolated";
        }
        if (cutLinks.contains(link(from, to))) {
            return "cut";
        }
        if (groupOf != null && !sameGroup(from, to)) {
            return "partition";
        }
        return null;
    }

    void partition(List<Set<Integer>> groups) {
        Map<Integer, Integer> assignment = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (int node : groups.get(g)) {
                Integer previous = assignment.put(node, g);
                if (previous != null) {
                    throw new IllegalArgumentException("node " + node + " is in two partition groups");
                }
            }
        }
        groupOf = assignment;
    }

    void cut(int from, int to) {
        cutLinks.add(link(from, to));
    }

    void isolate(int node) {
        isolated.add(node);
    }

    void reconnect(int node) {
        isolated.remove(node);
    }

    void healAll() {
        groupOf = null;
        cutLinks.clear();
        isolated.clear();
    }

    private boolean sameGroup(int a, int b) {
        Integer ga = groupOf.get(a);
        return ga != null && ga.equals(groupOf.get(b));
    }

    private static long link(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }
}
