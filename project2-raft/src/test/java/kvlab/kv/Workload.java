package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kvlab.harness.sim.Simulation;
import kvlab.kv.client.KvClient;

/**
 * What one client does in a 2B scenario: back-to-back random operations until {@link #stop}, on two
 * kinds of keys. Register keys ({@code r0, r1...}) get GET, PUT and DELETE; append keys
 * ({@code a0, a1...}) get only APPEND and GET, with tokens {@code [client:n]} numbered in issue order,
 * so that the final value shows whether each append took effect exactly once and in order.
 * A read-only client issues only GETs. Random choices come from the simulation stream {@code client-<id>}.
 */
final class Workload {
    /** How many keys of each kind a scenario uses. */
    record Keys(int registers, int appends) {
        List<String> all() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < registers; i++) {
                keys.add("r" + i);
            }
            for (int i = 0; i < appends; i++) {
                keys.add("a" + i);
            }
            return keys;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\[(\\d+):(\\d+)]");
    /** Virtual time between an answer and the next operation, at most. */
    private static final int MAX_THINK_MS = 20;

    private final Simulation sim;
    private final KvClient client;
    private final Keys keys;
    private final RandomGenerator random;
    /** Whether this client issues only GETs. */
    private final boolean readOnly;
    /** Per append key, the token numbers this client's completed appends carried, in order. */
    private final Map<String, List<Long>> appended = new TreeMap<>();
    private final Map<String, String> finalValues = new TreeMap<>();
    private long nextToken = 1;
    private boolean stopped;
    private int reads;

    Workload(Simulation sim, KvClient client, Keys keys, boolean readOnly) {
        this.sim = sim;
        this.client = client;
        this.keys = keys;
        this.readOnly = readOnly;
        this.random = sim.random("client-" + client.id());
    }

    KvClient client() {
        return client;
    }

    Keys keys() {
        return keys;
    }

    void start() {
        next();
    }

    /** Issues no new operation after the outstanding one. */
    void stop() {
        stopped = true;
    }

    /** Reads every key once, one after the other; see {@link #doneReading} and {@link #finalValues}. */
    void readAll() {
        stopped = true;
        readNext();
    }

    boolean doneReading() {
        return reads == keys.all().size();
    }

    Map<String, String> finalValues() {
        return finalValues;
    }

    /**
     * Checks that, in the final value of every append key, this client's tokens are exactly those of its
     * completed appends, each once, in the order it issued them.
     */
    void checkAppends(Map<String, String> values) {
        for (int i = 0; i < keys.appends(); i++) {
            String key = "a" + i;
            List<Long> seen = new ArrayList<>();
            Matcher m = TOKEN.matcher(values.getOrDefault(key, ""));
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) == client.id()) {
                    seen.add(Long.parseLong(m.group(2)));
                }
            }
            assertThat(seen).as("client %d's appends in the final value of %s (each exactly once, in order)",
                    client.id(), key).containsExactlyElementsOf(appended.getOrDefault(key, List.of()));
        }
    }

    private void next() {
        if (stopped) {
            return;
        }
        List<String> all = keys.all();
        String key = all.get(random.nextInt(all.size()));
        int dice = random.nextInt(10);
        if (readOnly || dice < 4) {
            client.submit(Op.GET, key, null, v -> thinkThenNext());
        } else if (key.startsWith("a")) {
            long token = nextToken++;
            client.submit(Op.APPEND, key, "[" + client.id() + ":" + token + "]", v -> {
                appended.computeIfAbsent(key, k -> new ArrayList<>()).add(token);
                thinkThenNext();
            });
        } else if (dice < 9) {
            client.submit(Op.PUT, key, client.id() + "." + nextToken++, v -> thinkThenNext());
        } else {
            client.submit(Op.DELETE, key, null, v -> thinkThenNext());
        }
    }

    private void thinkThenNext() {
        sim.schedule(random.nextInt(MAX_THINK_MS + 1), "client " + client.id() + " thinks", this::next);
    }

    private void readNext() {
        List<String> all = keys.all();
        if (reads == all.size()) {
            return;
        }
        String key = all.get(reads);
        client.submit(Op.GET, key, null, v -> {
            if (v != null) {
                finalValues.put(key, v);
            }
            reads++;
            readNext();
        });
    }
}
