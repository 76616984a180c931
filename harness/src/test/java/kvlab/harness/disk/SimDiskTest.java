package kvlab.harness.disk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SimDiskTest {
    private final SimDisk disk = new SimDisk();

    private String text(String file) {
        return disk.read(file).map(b -> new String(b, UTF_8)).orElse("<absent>");
    }

    @Test
    void writeAppendDeleteAndListing() {
        assertThat(disk.read("a")).isEmpty();
        disk.append("log", "one ".getBytes(UTF_8));
        disk.append("log", "two".getBytes(UTF_8));
        disk.write("b", "first".getBytes(UTF_8));
        disk.write("b", "second".getBytes(UTF_8));
        disk.write("a", new byte[0]);
        assertThat(text("log")).isEqualTo("one two");
        assertThat(text("b")).isEqualTo("second");
        assertThat(disk.read("a")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(disk.files()).containsExactly("a", "b", "log");
        disk.delete("b");
        disk.delete("never-existed");
        assertThat(disk.files()).containsExactly("a", "log");
        assertThat(text("b")).isEqualTo("<absent>");
    }

    @Test
    void byteArraysAreCopiedInAndOut() {
        byte[] mine = "abc".getBytes(UTF_8);
        disk.write("f", mine);
        mine[0] = 'X';
        disk.read("f").orElseThrow()[1] = 'Y';
        disk.append("g", mine);
        mine[1] = 'Z';
        assertThat(text("f")).isEqualTo("abc");
        assertThat(text("g")).isEqualTo("Xbc");
    }

    @Test
    void crashLosesUnsyncedOperationsAndKeepsSyncedOnes() {
        disk.write("meta", "v1".getBytes(UTF_8));
        disk.append("log", "a".getBytes(UTF_8));
        disk.sync();
        disk.write("meta", "v2".getBytes(UTF_8));
        disk.append("log", "b".getBytes(UTF_8));
        disk.write("new", "x".getBytes(UTF_8));
        disk.delete("meta");
        assertThat(disk.unsyncedOperations()).isEqualTo(4);
        assertThat(disk.crash()).isEqualTo(4);
        assertThat(disk.files()).containsExactly("log", "meta");
        assertThat(text("meta")).isEqualTo("v1");
        assertThat(text("log")).isEqualTo("a");
        assertThat(disk.unsyncedOperations()).isZero();
        assertThat(disk.syncCount()).isEqualTo(1);
    }

    @Test
    void syncMakesEverythingSoFarDurableAndIsCounted() {
        disk.append("log", "a".getBytes(UTF_8));
        disk.sync();
        disk.append("log", "b".getBytes(UTF_8));
        disk.delete("log");
        disk.append("log", "c".getBytes(UTF_8));
        disk.sync();
        disk.sync();
        assertThat(disk.crash()).isZero();
        assertThat(text("log")).isEqualTo("c");
        assertThat(disk.syncCount()).isEqualTo(3);
    }

    @Test
    void stateAfterACrashIsIndependentOfLaterWrites() {
        disk.append("log", "a".getBytes(UTF_8));
        disk.sync();
        disk.crash();
        disk.append("log", "b".getBytes(UTF_8));
        disk.crash();
        assertThat(text("log")).isEqualTo("a");
    }

    @Test
    void tornAppendKeepsAStrictPrefixAndLosesTheRest() {
        TreeSet<Integer> keptLengths = new TreeSet<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            SimDisk d = new SimDisk();
            d.enableTornWrites(random);
            d.append("log", "durable|".getBytes(UTF_8));
            d.sync();
            d.write("other", "lost".getBytes(UTF_8));
            d.append("log", "0123456789".getBytes(UTF_8));
            d.crash();
            String log = new String(d.read("log").orElseThrow(), UTF_8);
            assertThat(log).startsWith("durable|");
            String tail = log.substring("durable|".length());
            assertThat("0123456789").startsWith(tail);
            keptLengths.add(tail.length());
            assertThat(d.files()).containsExactly("log");
        }
        assertThat(keptLengths).contains(0, 9).doesNotContain(10);
    }

    @Test
    void tornWholeFileWriteLeavesAPrefixOfTheNewContents() {
        disk.enableTornWrites(new SplittableRandom(3));
        disk.write("state", "old-state".getBytes(UTF_8));
        disk.sync();
        disk.write("state", "new-state-longer".getBytes(UTF_8));
        disk.delete("unrelated");
        disk.crash();
        assertThat("new-state-longer").startsWith(text("state"));
        assertThat(text("state")).isNotEqualTo("new-state-longer");
    }

    @Test
    void disabledTornWritesLoseTheLastWriteWhole() {
        disk.enableTornWrites(new SplittableRandom(4));
        disk.disableTornWrites();
        disk.append("log", "abc".getBytes(UTF_8));
        disk.crash();
        assertThat(disk.files()).isEmpty();
    }

    @Test
    void emptyFileNamesAreRejected() {
        assertThatThrownBy(() -> disk.write("", new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> disk.read(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
