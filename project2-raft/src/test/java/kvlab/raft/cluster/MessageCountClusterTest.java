package kvlab.raft.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import kvlab.harness.grading.Graded;
import kvlab.harness.junit.SimulationExtension;
import kvlab.harness.sim.Simulation;
import kvlab.raft.Message;
import org.junit.jupiter.api.extension.ExtendWith;

/** Traffic bounds (MIT 6.5840 TestCount and TestRPCBytes): a correct Raft does not chatter. */
@ExtendWith(SimulationExtension.class)
class MessageCountClusterTest {

    @Graded(part = "2a", points = 2, order = 33)
    void bytesSentPerAgreementAreBounded(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 3);
        c.one("99", 3, false);
        long bytes0 = c.stats().total().sentBytes();
        RandomGenerator random = sim.random("test");
        long payload = 0;
        long previous = -1;
        for (int k = 0; k < 10; k++) {
            String command = randomText(random, 5000);
            long index = c.one(command, 3, false);
            if (previous > 0) {
                assertThat(index).as("index of command %d", k).isEqualTo(previous + 1);
            }
            previous = index;
            payload += command.length();
        }
        long sent = c.stats().total().sentBytes() - bytes0;
        // Each command must travel once to each follower; headers and heartbeats fit in 20 kB.
        long expected = (c.size() - 1) * payload;
        assertThat(sent).as("bytes sent to agree on %d bytes of commands (each sent once to %d followers)",
                payload, c.size() - 1).isLessThanOrEqualTo(expected + 20_000);
    }

    @Graded(part = "2a", points = 2, order = 34)
    void electionMessagesAreBounded(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 3);
        c.checkOneLeader();
        long total = c.stats().total().sent();
        assertThat(total).as("messages sent to elect the first leader of 3 nodes:%n%s", c.stats()).isBetween(1L, 30L);
    }

    @Graded(part = "2a", points = 2, order = 35)
    void agreementAndIdleMessagesAreBounded(Simulation sim) {
        RaftCluster c = RaftCluster.start(sim, 3);
        c.checkOneLeader();
        c.runFor(100);
        for (int attempt = 0; attempt < 5; attempt++) {
            if (attempt > 0) {
                c.runFor(3_000);
            }
            int leader = c.checkOneLeader();
            long term = c.node(leader).status().term();
            long appends1 = appendTraffic(c);
            OptionalLong start = c.propose(leader, "start");
            if (start.isEmpty()) {
                continue;
            }
            boolean termChanged = false;
            for (int i = 1; i <= 10; i++) {
                OptionalLong index = c.propose(leader, "x" + i);
                assertThat(index).as("index of proposal %d", i).hasValue(start.getAsLong() + i);
            }
            for (int i = 1; i <= 10 && !termChanged; i++) {
                termChanged = c.await(start.getAsLong() + i, 3, term) == null;
            }
            if (termChanged || c.checkTerms() != term) {
                continue;
            }
            long appends2 = appendTraffic(c);
            long total2 = c.stats().total().sent();
            c.runFor(RaftCluster.ELECTION_TIMEOUT_MS);
            long total3 = c.stats().total().sent();
            // Per entry and follower: the append, and perhaps a second one that carries the new commit
            // index, each answered; plus 3 entries' worth of slack (6.5840's "+ 3"). Heartbeats are left
            // out: they depend on timing, and idleness is checked below.
            assertThat(appends2 - appends1).as("appends and their responses sent to agree on 11 entries")
                    .isLessThanOrEqualTo((11 + 3) * 4 * (c.size() - 1));
            // At most 10 heartbeats a second to each of 2 followers, each answered: 40; 60 leaves room.
            assertThat(total3 - total2).as("messages sent in 1 s of idleness").isLessThanOrEqualTo(60);
            return;
        }
        throw new AssertionError("the term changed in each of 5 attempts" + c.where());
    }

    private static long appendTraffic(RaftCluster c) {
        return c.stats().ofType(Message.Append.class).sent() + c.stats().ofType(Message.AppendResponse.class).sent();
    }

    private static String randomText(RandomGenerator random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
