package kvlab.harness.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kvlab.harness.net.NetFixture.Ping;
import kvlab.harness.net.NetFixture.Pong;
import kvlab.harness.net.NetFixture.Received;
import org.junit.jupiter.api.Test;

class SimNetworkTest {

    @Test
    void latencyIsWithinTheConfiguredRangeAndReordersMessages() {
        NetFixture f = new NetFixture(3, NetworkConfig.reliable().withLatency(10, 50), 2);
        for (int i = 0; i < 500; i++) {
            f.net.send(1, 2, new Ping(i));
        }
        f.sim.runFor(100);
        assertThat(f.received).hasSize(500);
        assertThat(f.received).allSatisfy(r -> assertThat(r.time()).isBetween(10L, 50L));
        assertThat(f.received).extracting(Received::time).contains(10L, 50L);
        List<Integer> order = new ArrayList<>();
        f.received.forEach(r -> order.add(((Ping) r.message()).n()));
        assertThat(order).containsExactlyInAnyOrderElementsOf(sequence(500)).isNotEqualTo(sequence(500));
    }

    @Test
    void dropRateIsWithinStatisticalBounds() {
        NetFixture f = new NetFixture(4, NetworkConfig.reliable().withDropRate(0.3), 2);
        for (int i = 0; i < 10_000; i++) {
            f.net.send(1, 2, new Ping(i));
        }
        f.sim.runFor(100);
        Counts total = f.net.stats().total();
        // Binomial(10000, 0.3) has standard deviation 46: +-200 is over 4 deviations.
        assertThat(total.dropped()).isBetween(2_800L, 3_200L);
        assertThat(total.delivered()).isEqualTo(10_000 - total.dropped()).isEqualTo(f.received.size());
    }

    @Test
    void duplicatesArriveTwice() {
        NetFixture f = new NetFixture(5, NetworkConfig.reliable().withDuplicateRate(1.0), 2);
        for (int i = 0; i < 50; i++) {
            f.net.send(1, 2, new Ping(i));
        }
        f.sim.runFor(100);
        assertThat(f.received).hasSize(100);
        for (int i = 0; i < 50; i++) {
            Ping p = new Ping(i);
            assertThat(f.received).filteredOn(r -> r.message().equals(p)).hasSize(2);
        }
        assertThat(f.net.stats().total()).extracting(Counts::sent, Counts::duplicated, Counts::delivered)
                .containsExactly(50L, 50L, 100L);
        assertThat(f.sim.trace().text()).contains("DUPLICATE #1 1->2 Ping[n=0]");
    }

    @Test
    void partitionBlocksExactlyTheLinksBetweenGroups() {
        NetFixture f = new NetFixture(6, NetworkConfig.reliable(), 5);
        f.net.partition(Set.of(1, 2), Set.of(3, 4, 5));
        assertThat(f.allPairsDelivered(5)).containsExactly(
                "1->2", "2->1", "3->4", "3->5", "4->3", "4->5", "5->3", "5->4");
        assertThat(f.net.stats().total().dropped()).isEqualTo(12);
        f.net.healAll();
        assertThat(f.allPairsDelivered(5)).hasSize(20);
    }

    @Test
    void aNodeInNoGroupIsCutOffAndANodeCanAlwaysReachItself() {
        NetFixture f = new NetFixture(7, NetworkConfig.reliable(), 3);
        f.net.partition(Set.of(1, 2));
        assertThat(f.allPairsDelivered(3)).containsExactly("1->2", "2->1");
        f.received.clear();
        f.net.send(3, 3, new Ping(1));
        f.sim.runFor(10);
        assertThat(f.received).extracting(Received::to).containsExactly(3);
    }

    @Test
    void twoWayCutBlocksBothDirectionsOneWayCutOnlyOne() {
        NetFixture f = new NetFixture(8, NetworkConfig.reliable(), 3);
        f.net.cut(1, 2);
        f.net.cutOneWay(2, 3);
        assertThat(f.allPairsDelivered(3)).containsExactly("1->3", "3->1", "3->2");
        assertThat(f.sim.trace().text()).contains("NETWORK cut 1<->2", "NETWORK cut 2->3", "(cut)");
    }

    @Test
    void isolateCutsANodeOffUntilReconnectedOrHealed() {
        NetFixture f = new NetFixture(9, NetworkConfig.reliable(), 3);
        f.net.isolate(2);
        assertThat(f.allPairsDelivered(3)).containsExactly("1->3", "3->1");
        f.net.reconnect(2);
        assertThat(f.allPairsDelivered(3)).hasSize(6);
        f.net.isolate(3);
        f.net.healAll();
        assertThat(f.allPairsDelivered(3)).hasSize(6);
    }

    @Test
    void faultsAlsoCatchMessagesInFlight() {
        NetFixture f = new NetFixture(10, NetworkConfig.reliable().withLatency(10, 10), 2);
        f.net.send(1, 2, new Ping(1));
        f.sim.runFor(5);
        f.net.cut(1, 2);
        f.sim.runFor(10);
        assertThat(f.received).isEmpty();
        assertThat(f.net.stats().total().dropped()).isEqualTo(1);
    }

    @Test
    void filtersDropWhatTheyMatchUntilRemoved() {
        NetFixture f = new NetFixture(11, NetworkConfig.reliable(), 3);
        f.net.ignore(Pong.class);
        f.net.addFilter("no 1->3", (from, to, m) -> from == 1 && to == 3);
        assertThat(f.net.filterNames()).containsExactly("ignore Pong", "no 1->3");
        f.net.send(1, 2, new Pong(1));
        f.net.send(1, 2, new Ping(2));
        f.net.send(1, 3, new Ping(3));
        f.net.send(3, 1, new Ping(4));
        f.sim.runFor(10);
        assertThat(f.received).extracting(Received::message).containsExactlyInAnyOrder(new Ping(2), new Ping(4));
        assertThat(f.sim.trace().text()).contains("(filter 'ignore Pong')", "(filter 'no 1->3')");
        assertThat(f.net.removeFilter("ignore Pong")).isTrue();
        assertThat(f.net.removeFilter("ignore Pong")).isFalse();
        f.net.send(1, 2, new Pong(5));
        f.sim.runFor(10);
        assertThat(f.received).extracting(Received::message).contains(new Pong(5));
    }

    @Test
    void countersAreKeptPerSenderReceiverAndTypeAndCanBeReset() {
        NetFixture f = new NetFixture(12, NetworkConfig.reliable().withSizeOf(m -> m instanceof Ping ? 10 : 3), 3);
        f.net.cutOneWay(1, 3);
        f.net.send(1, 2, new Ping(1));
        f.net.send(1, 3, new Ping(2));
        f.net.send(2, 1, new Pong(3));
        f.net.send(3, 1, new Pong(4));
        f.sim.runFor(10);
        NetworkStats s = f.net.stats();
        assertThat(s.from(1)).isEqualTo(new Counts(2, 1, 1, 0, 20, 10, 10, 0));
        assertThat(s.to(1)).isEqualTo(new Counts(2, 2, 0, 0, 6, 6, 0, 0));
        assertThat(s.to(3).dropped()).isEqualTo(1);
        assertThat(s.ofType(Ping.class)).isEqualTo(s.ofType("Ping")).isEqualTo(new Counts(2, 1, 1, 0, 20, 10, 10, 0));
        assertThat(s.ofType("Pong").delivered()).isEqualTo(2);
        assertThat(s.types()).containsExactly("Ping", "Pong");
        assertThat(s.total()).isEqualTo(new Counts(4, 3, 1, 0, 26, 16, 10, 0));
        s.reset();
        assertThat(s.total()).isEqualTo(Counts.ZERO);
        assertThat(s.from(1)).isEqualTo(Counts.ZERO);
        assertThat(s.types()).isEmpty();
    }

    @Test
    void defaultSizeIsTheLengthOfTheMessageText() {
        NetFixture f = new NetFixture(13, NetworkConfig.reliable(), 2);
        f.net.send(1, 2, new Ping(12));
        assertThat(f.net.stats().total().sentBytes()).isEqualTo("Ping[n=12]".length());
    }

    @Test
    void trafficToOrFromADownNodeIsDroppedWithTheReason() {
        NetFixture f = new NetFixture(14, NetworkConfig.reliable().withLatency(5, 5), 3);
        f.net.send(1, 2, new Ping(1));
        f.net.markDown(2, "crashed");
        f.net.send(2, 3, new Ping(2));
        f.net.send(3, 2, new Ping(3));
        f.sim.runFor(10);
        assertThat(f.received).isEmpty();
        assertThat(f.net.stats().total().dropped()).isEqualTo(3);
        assertThat(f.sim.trace().text()).contains("(node 2 crashed)");
        f.net.markUp(2);
        f.net.send(3, 2, new Ping(4));
        f.sim.runFor(10);
        assertThat(f.received).extracting(Received::message).containsExactly(new Ping(4));
    }

    @Test
    void unknownNodesAndBadConfigurationsAreRejected() {
        NetFixture f = new NetFixture(15, NetworkConfig.reliable(), 2);
        assertThatThrownBy(() -> f.net.send(1, 9, new Ping(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 9").hasMessageContaining("[1, 2]");
        assertThatThrownBy(() -> NetworkConfig.reliable().withLatency(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkConfig.reliable().withDropRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetworkConfig.reliable().withDuplicateRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reconfiguringChangesLaterMessagesOnly() {
        NetFixture f = new NetFixture(16, NetworkConfig.reliable().withLatency(3, 3), 2);
        f.net.send(1, 2, new Ping(1));
        f.net.configure(f.net.config().withLatency(40, 40).withDropRate(0));
        f.net.send(1, 2, new Ping(2));
        f.sim.runFor(100);
        assertThat(f.received).extracting(Received::time).containsExactly(3L, 40L);
        assertThat(f.sim.trace().text()).contains("NETWORK configure latency 40..40 ms, drop 0.0, duplicate 0.0");
    }

    private static List<Integer> sequence(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
