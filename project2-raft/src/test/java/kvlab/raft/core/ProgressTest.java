package kvlab.raft.core;

import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.grading.Graded;

/** Part 2A: {@link Progress}, the leader's view of one follower and its flow control. */
class ProgressTest {

    @Graded(part = "2a", points = 1, order = 1)
    void startsProbingWithMatchZero() {
        Progress pr = new Progress(6, 4);
        assertThat(pr.match()).as("match of a new progress").isZero();
        assertThat(pr.next()).as("next of a new progress").isEqualTo(6);
        assertThat(pr.state()).as("state of a new progress").isEqualTo(Progress.State.PROBE);
        assertThat(pr.isPaused()).as("a new probe may send").isFalse();
        assertThat(pr.inflight()).isZero();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void maybeUpdateNeverGoesBackwards() {
        Progress pr = new Progress(6, 4);
        assertThat(pr.maybeUpdate(5)).as("ack of 5").isTrue();
        assertThat(pr.match()).isEqualTo(5);
        assertThat(pr.next()).isEqualTo(6);
        assertThat(pr.maybeUpdate(3)).as("a stale ack of 3").isFalse();
        assertThat(pr.match()).as("match after a stale ack").isEqualTo(5);
        assertThat(pr.next()).as("next after a stale ack").isEqualTo(6);
        assertThat(pr.maybeUpdate(9)).isTrue();
        assertThat(pr.next()).as("next moves past a higher ack").isEqualTo(10);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void maybeDecrToIgnoresStaleRejections() {
        Progress probe = new Progress(10, 4);
        assertThat(probe.maybeDecrTo(5, 3)).as("probe: a rejection of 5 when next - 1 is 9 is stale").isFalse();
        assertThat(probe.next()).isEqualTo(10);
        assertThat(probe.maybeDecrTo(9, 3)).as("probe: rejection of 9 with hint 3").isTrue();
        assertThat(probe.next()).as("next = min(rejected, hint + 1)").isEqualTo(4);

        Progress replicate = new Progress(1, 4);
        replicate.maybeUpdate(5);
        replicate.becomeReplicate();
        replicate.sentAppend(8, true);
        assertThat(replicate.maybeDecrTo(4, 0)).as("replicate: rejection at or below match is stale").isFalse();
        assertThat(replicate.next()).isEqualTo(9);
        assertThat(replicate.maybeDecrTo(7, 2)).as("replicate: a real rejection").isTrue();
        assertThat(replicate.next()).as("replicate falls back to match + 1").isEqualTo(6);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void probeSendsOneAppendAtATime() {
        Progress pr = new Progress(3, 4);
        pr.sentAppend(4, true);
        assertThat(pr.isPaused()).as("a probe waits for the answer to its append").isTrue();
        assertThat(pr.next()).as("a probe does not advance next optimistically").isEqualTo(3);
        pr.onHeartbeatResponse();
        assertThat(pr.isPaused()).as("a heartbeat response unpauses the probe").isFalse();
        pr.sentAppend(2, false);
        assertThat(pr.maybeDecrTo(2, 0)).isTrue();
        assertThat(pr.isPaused()).as("a rejection answers the probe").isFalse();
    }

    @Graded(part = "2a", points = 1, order = 2)
    void replicateStreamsUntilTheInflightLimit() {
        Progress pr = new Progress(1, 2);
        pr.maybeUpdate(3);
        pr.becomeReplicate();
        assertThat(pr.state()).isEqualTo(Progress.State.REPLICATE);
        assertThat(pr.next()).as("becomeReplicate sets next = match + 1").isEqualTo(4);
        pr.sentAppend(5, true);
        assertThat(pr.next()).as("replicate advances next as it sends").isEqualTo(6);
        assertThat(pr.isPaused()).as("1 of 2 in flight").isFalse();
        pr.sentAppend(7, true);
        assertThat(pr.inflight()).isEqualTo(2);
        assertThat(pr.isPaused()).as("2 of 2 in flight: paused").isTrue();
        pr.freeInflightsTo(5);
        assertThat(pr.inflight()).as("ack of 5 frees the first append").isEqualTo(1);
        assertThat(pr.isPaused()).isFalse();
        pr.becomeProbe();
        assertThat(pr.next()).as("becomeProbe sets next = match + 1").isEqualTo(4);
        assertThat(pr.inflight()).as("becomeProbe forgets the inflights").isZero();
    }

    @Graded(part = "2a", points = 1, order = 2)
    void heartbeatResponseFreesAFullWindow() {
        Progress pr = new Progress(1, 2);
        pr.maybeUpdate(1);
        pr.becomeReplicate();
        pr.sentAppend(2, true);
        pr.sentAppend(3, true);
        assertThat(pr.isPaused()).as("window of 2 full").isTrue();
        pr.onHeartbeatResponse();
        assertThat(pr.isPaused()).as("the follower answers heartbeats but not appends: they may be lost, send again")
                .isFalse();
        assertThat(pr.inflight()).as("the oldest slot was freed").isEqualTo(1);
        pr.onHeartbeatResponse();
        assertThat(pr.inflight()).as("a window that is not full is left alone").isEqualTo(1);
    }
}
