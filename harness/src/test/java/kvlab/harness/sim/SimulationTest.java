package kvlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private final Simulation sim = new Simulation(42);
    private final List<String> ran = new ArrayList<>();

    private void at(long delay, String name) {
        sim.schedule(delay, name, () -> ran.add(name + "@" + sim.now()));
    }

    @Test
    void eventsRunByTimeThenBySchedulingOrder() {
        at(5, "a");
        at(1, "b");
        at(5, "c");
        at(3, "d");
        at(1, "e");
        sim.runFor(10);
        assertThat(ran).containsExactly("b@1", "e@1", "d@3", "a@5", "c@5");
    }

    @Test
    void zeroDelayFromAnEventRunsAfterEventsAlreadyDueThen() {
        sim.schedule(2, "first", () -> {
            ran.add("first");
            sim.schedule(0, "child", () -> ran.add("child@" + sim.now()));
        });
        at(2, "second");
        sim.runFor(2);
        assertThat(ran).containsExactly("first", "second@2", "child@2");
    }

    @Test
    void runForRunsEventsUpToAndIncludingTheDeadlineThenSetsTheClock() {
        at(10, "edge");
        at(11, "later");
        sim.runFor(10);
        assertThat(ran).containsExactly("edge@10");
        assertThat(sim.now()).isEqualTo(10);
        sim.runFor(0);
        assertThat(ran).hasSize(1);
        sim.runFor(5);
        assertThat(ran).containsExactly("edge@10", "later@11");
        assertThat(sim.now()).isEqualTo(15);
        assertThat(sim.eventsRun()).isEqualTo(2);
    }

    @Test
    void cancelledEventsNeverRun() {
        EventHandle handle = sim.schedule(5, "x", () -> ran.add("x"));
        EventHandle other = sim.schedule(5, "y", () -> ran.add("y"));
        assertThat(handle.isPending()).isTrue();
        assertThat(handle.time()).isEqualTo(5);
        assertThat(handle.cancel()).isTrue();
        assertThat(handle.cancel()).isFalse();
        sim.runFor(10);
        assertThat(ran).containsExactly("y");
        assertThat(other.isPending()).isFalse();
        assertThat(other.cancel()).isFalse();
        assertThat(sim.eventsRun()).isEqualTo(1);
    }

    @Test
    void runUntilStopsAtTheEventThatMadeTheConditionTrue() {
        at(3, "a");
        at(7, "b");
        at(9, "c");
        sim.runUntil(() -> ran.size() == 2, "two events", 100);
        assertThat(sim.now()).isEqualTo(7);
        assertThat(ran).containsExactly("a@3", "b@7");
    }

    @Test
    void runUntilChecksTheConditionBeforeRunningAnything() {
        at(1, "a");
        sim.runUntil(() -> true, "nothing", 100);
        assertThat(ran).isEmpty();
        assertThat(sim.now()).isZero();
    }

    @Test
    void runUntilTimeoutNamesWhatTimeAndSeed() {
        sim.runFor(100);
        at(50, "too early to help");
        SimulationTimeoutException e = catchThrowableOfType(SimulationTimeoutException.class,
                () -> sim.runUntil(() -> false, "a leader in term 3", 2_000));
        assertThat(e).isInstanceOf(AssertionError.class);
        assertThat(e.getMessage()).contains("a leader in term 3", "2100 ms", "2000 ms", "100 ms",
                "seed 42", "-Dkvlab.seed=42");
        assertThat(e.seed()).isEqualTo(42);
        assertThat(e.virtualTime()).isEqualTo(2_100);
        assertThat(sim.now()).isEqualTo(2_100);
        assertThat(ran).containsExactly("too early to help@150");
    }

    @Test
    void sameNameSameStreamAndStreamsAreIndependent() {
        Simulation a = new Simulation(9);
        Simulation b = new Simulation(9);
        assertThat(a.random("network")).isSameAs(a.random("network"));
        long[] alone = draws(a.random("network"), 5);
        // In b, other streams are created and drawn from first: "network" must not notice.
        draws(b.random("client-1"), 100);
        draws(b.random("faults"), 3);
        assertThat(draws(b.random("network"), 5)).isEqualTo(alone);
        assertThat(draws(new Simulation(9).random("client-1"), 5))
                .isNotEqualTo(draws(new Simulation(9).random("client-2"), 5));
        assertThat(draws(new Simulation(10).random("network"), 5)).isNotEqualTo(alone);
    }

    @Test
    void streamSeedIsAStableHashOfSeedAndName() {
        // SHA-256 of the big-endian seed 42 followed by "network", first 8 bytes (computed outside Java).
        assertThat(Simulation.streamSeed(42, "network")).isEqualTo(9125564423351605646L);
    }

    @Test
    void selfReschedulingAtZeroDelayIsReportedAsLivelock() {
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> sim.schedule(0, "spin", loop[0]);
        sim.schedule(4, "spin", loop[0]);
        assertThatThrownBy(() -> sim.runFor(10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("livelock")
                .hasMessageContaining("'spin'")
                .hasMessageContaining("virtual time 4 ms");
    }

    @Test
    void manyEventsSpreadOverTimeAreNotALivelock() {
        for (int i = 0; i < 3; i++) {
            sim.schedule(i, "batch", () -> {
                for (long k = 0; k < Simulation.MAX_EVENTS_PER_INSTANT / 2; k++) {
                    sim.schedule(0, "item", () -> { });
                }
            });
        }
        sim.runFor(5);
        assertThat(sim.eventsRun()).isEqualTo(3 + 3 * (Simulation.MAX_EVENTS_PER_INSTANT / 2));
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThatThrownBy(() -> sim.schedule(-1, "x", () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.runFor(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.runUntil(() -> false, "x", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static long[] draws(RandomGenerator r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }
}
