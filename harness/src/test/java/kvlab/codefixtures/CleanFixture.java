package kvlab.codefixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import kvlab.harness.disk.SimDisk;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.Engine;
import kvlab.harness.engine.EngineReader;
import kvlab.harness.engine.WriteBatch;
import kvlab.harness.engine.memory.MemoryEngine;

/** Uses what the rules allow, in the shapes javac compiles them to; the checker must find nothing. */
public final class CleanFixture {
    sealed interface Shape permits Circle, Square {}

    record Circle(double radius) implements Shape {}

    record Square(double side) implements Shape {}

    enum Role { FOLLOWER, CANDIDATE, LEADER }

    private final Map<String, List<Integer>> byKey = new TreeMap<>();

    static double area(Shape shape) {
        if (shape instanceof Circle circle) {
            return Math.PI * circle.radius() * circle.radius();
        }
        return shape instanceof Square square ? square.side() * square.side() : 0;
    }

    static String describe(Role role) {
        switch (role) {
            case LEADER:
                return "leads";
            case CANDIDATE:
                return "campaigns";
            default:
                return "follows";
        }
    }

    static int weight(Role role) {
        return switch (role) {
            case LEADER -> 3;
            case CANDIDATE -> 2;
            case FOLLOWER -> 1;
        };
    }

    static int command(String name) {
        switch (name) {
            case "get":
                return 1;
            case "put":
                return 2;
            default:
                return 0;
        }
    }

    static int draw(RandomGenerator random) {
        return random.nextInt(10) + new Random(42).nextInt(10);
    }

    String summary() {
        return byKey.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> entry.getKey() + "=" + entry.getValue().size())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    void add(String key, int value) {
        assert value >= 0 : "negative value " + value;
        byKey.computeIfAbsent(Objects.requireNonNull(key, "key"), k -> new ArrayList<>()).add(value);
    }

    static byte[] encode(long term, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(Long.BYTES + keyBytes.length).putLong(term).put(keyBytes).array();
    }

    static String hex(byte[] bytes) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            out.write(bytes);
            return HexFormat.of().formatHex(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Role> role(String name) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return Optional.of(role);
            }
        }
        System.out.println("no role " + name);
        return Optional.empty();
    }

    /** The storage engine in the harness is provided course code: every module may use it. */
    static Optional<byte[]> stored(SimDisk disk, byte[] key) {
        Engine engine = new MemoryEngine(disk);
        engine.write(WriteBatch.builder().put(ColumnFamilies.DEFAULT, key, key).sync().build());
        try (EngineReader reader = engine.reader()) {
            return reader.get(ColumnFamilies.DEFAULT, key);
        }
    }
}
