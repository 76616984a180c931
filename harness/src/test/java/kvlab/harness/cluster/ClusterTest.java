package kvlab.harness.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kvlab.harness.net.NetworkConfig;
import kvlab.harness.net.SimNetwork;
import kvlab.harness.sim.EventHandle;
import kvlab.harness.sim.Simulation;
import org.junit.jupiter.api.Test;

class ClusterTest {
    record Hello(int n) {}

    /** Records its ticks, messages and what it recovered from disk. */
    static final class Probe implements SimNode {
        final NodeContext ctx;
        final String recovered;
        final List<Object> messages = new ArrayList<>();
        int ticks;

        Probe(NodeContext ctx) {
            this.ctx = ctx;
            this.recovered = ctx.disk().read("state").map(b -> new String(b, UTF_8)).orElse("");
        }

        @Override
        public void onMessage(int from, Object message) {
            messages.add(from + ":" + message);
        }

        @Override
        public void onTick() {
            ticks++;
        }
    }

    private final Simulation sim = new Simulation(77);
    private final SimNetwork net = new SimNetwork(sim, NetworkConfig.reliable().withLatency(1, 1));
    private final Cluster<Probe> cluster = Cluster.start(sim, net, List.of(1, 2, 3), 10, Probe::new);

    @Test
    void everyUpNodeIsTickedOncePerInterval() {
        sim.runFor(100);
        assertThat(cluster.ids()).containsExactly(1, 2, 3);
        assertThat(cluster.ids()).allSatisfy(id -> assertThat(cluster.node(id).ticks).isEqualTo(10));
        assertThat(sim.trace().text()).contains("10 - TICK ticked [1, 2, 3]", "100 - TICK ticked [1, 2, 3]");
    }

    @Test
    void contextKnowsIdPeersAndClock() {
        NodeContext ctx = cluster.node(2).ctx;
        assertThat(ctx.id()).isEqualTo(2);
        assertThat(ctx.peers()).containsExactly(1, 3);
        sim.runFor(33);
        assertThat(ctx.now()).isEqualTo(33);
        ctx.send(3, new Hello(1));
        ctx.trace("hello sent");
        sim.runFor(1);
        assertThat(cluster.node(3).messages).containsExactly("2:Hello[n=1]");
        assertThat(sim.trace().text()).contains("33 n2 NOTE hello sent");
    }

    @Test
    void pausedNodeGetsNoMessagesAndNoTicksUntilResumed() {
        sim.runFor(10);
        cluster.pause(2);
        Probe paused = cluster.node(2);
        cluster.node(1).ctx.send(2, new Hello(1));
        sim.runFor(50);
        assertThat(paused.ticks).isEqualTo(1);
        assertThat(paused.messages).isEmpty();
        assertThat(cluster.isUp(2)).isFalse();
        assertThat(cluster.state(2)).isEqualTo(NodeState.PAUSED);
        assertThat(net.stats().to(2).dropped()).isEqualTo(1);
        cluster.resume(2);
        cluster.node(1).ctx.send(2, new Hello(2));
        sim.runFor(10);
        assertThat(cluster.node(2)).isSameAs(paused);
        assertThat(paused.ticks).isEqualTo(2);
        assertThat(paused.messages).containsExactly("1:Hello[n=2]");
    }

    @Test
    void crashedNodeIsDroppedAndRestartRebuildsItFromDurableDisk() {
        Probe before = cluster.node(1);
        before.ctx.disk().write("state", "synced".getBytes(UTF_8));
        before.ctx.disk().sync();
        before.ctx.disk().write("state", "unsynced".getBytes(UTF_8));
        cluster.crash(1);
        cluster.node(2).ctx.send(1, new Hello(1));
        sim.runFor(30);
        assertThat(before.ticks).isZero();
        assertThat(before.messages).isEmpty();
        assertThatThrownBy(() -> cluster.node(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("crashed");
        assertThat(sim.trace().text()).contains("0 n1 CRASH lost 1 unsynced disk operations");

        cluster.restart(1);
        Probe after = cluster.node(1);
        assertThat(after).isNotSameAs(before);
        assertThat(after.recovered).isEqualTo("synced");
        sim.runFor(10);
        assertThat(after.ticks).isEqualTo(1);
        assertThat(sim.trace().text()).contains("30 n1 RESTART incarnation 2");
    }

    @Test
    void timersFireDieWithTheirIncarnationAndWaitWhilePaused() {
        List<String> fired = new ArrayList<>();
        cluster.node(1).ctx.schedule(5, "t1", () -> fired.add("t1@" + sim.now()));
        cluster.node(2).ctx.schedule(5, "t2", () -> fired.add("t2@" + sim.now()));
        cluster.node(3).ctx.schedule(5, "t3", () -> fired.add("t3@" + sim.now()));
        EventHandle cancelled = cluster.node(3).ctx.schedule(5, "t4", () -> fired.add("t4"));
        assertThat(cancelled.cancel()).isTrue();
        cluster.crash(1);
        cluster.pause(2);
        sim.runFor(20);
        assertThat(fired).containsExactly("t3@5");
        cluster.resume(2);
        assertThat(fired).containsExactly("t3@5", "t2@20");
        cluster.restart(1);
        sim.runFor(20);
        assertThat(fired).hasSize(2);
    }

    @Test
    void pendingTimerOfACrashedIncarnationIsNoLongerPending() {
        EventHandle timer = cluster.node(1).ctx.schedule(5, "t", () -> { });
        assertThat(timer.isPending()).isTrue();
        assertThat(timer.time()).isEqualTo(5);
        cluster.crash(1);
        assertThat(timer.isPending()).isFalse();
        assertThat(timer.cancel()).isFalse();
    }

    @Test
    void deadIncarnationCannotSend() {
        NodeContext old = cluster.node(1).ctx;
        cluster.crash(1);
        cluster.restart(1);
        assertThatThrownBy(() -> old.send(2, new Hello(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("after it crashed");
    }

    @Test
    void lifecycleCallsInTheWrongStateAreRejected() {
        assertThatThrownBy(() -> cluster.restart(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot restart node 1: it is UP");
        assertThatThrownBy(() -> cluster.resume(1)).isInstanceOf(IllegalStateException.class);
        cluster.pause(1);
        assertThatThrownBy(() -> cluster.pause(1)).isInstanceOf(IllegalStateException.class);
        cluster.crash(1);
        assertThatThrownBy(() -> cluster.crash(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cluster.node(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no node 9");
    }

    @Test
    void badClusterDefinitionsAreRejected() {
        Simulation s = new Simulation(1);
        assertThatThrownBy(() -> Cluster.start(s, new SimNetwork(s, NetworkConfig.reliable()), List.of(1, 1), 10, Probe::new))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Cluster.start(s, new SimNetwork(s, NetworkConfig.reliable()), List.of(1), 0, Probe::new))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
