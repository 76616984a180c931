package kvlab.kv;

import static org.assertj.core.api.Assertions.assertThat;

import kvlab.harness.grading.Graded;
import kvlab.kv.peer.Proposals;
import kvlab.raft.Entry;

/** {@link Proposals}: which client gets which answer when an entry applies or leadership is lost. */
class ProposalsTest {
    private static final Command PUT = new Command(100, 1, Op.PUT, "k", "v");
    private static final Command GET = new Command(101, 7, Op.GET, "k", null);

    @Graded(part = "2b", points = 1, order = 0)
    void answersTheProposalWhoseEntryApplied() {
        Proposals p = new Proposals();
        p.add(5, 2, PUT);
        p.add(6, 2, GET);
        assertThat(p.complete(Entry.of(4, 2, new byte[0]), null)).as("an entry nobody waits for").isEmpty();
        assertThat(p.complete(Entry.of(5, 2, PUT.encode()), null)).contains(KvResponse.ok(PUT, null));
        assertThat(p.complete(Entry.of(6, 2, GET.encode()), "v")).contains(KvResponse.ok(GET, "v"));
        assertThat(p.complete(Entry.of(6, 2, GET.encode()), "v")).as("answered twice").isEmpty();
    }

    @Graded(part = "2b", points = 1, order = 0)
    void anEntryOfAnotherTermAtTheSameIndexFailsTheProposal() {
        Proposals p = new Proposals();
        p.add(5, 2, PUT);
        Command other = new Command(102, 3, Op.DELETE, "k", null);
        assertThat(p.complete(Entry.of(5, 3, other.encode()), null))
                .as("index 5 re-appeared with term 3: our term-2 proposal was overwritten")
                .contains(KvResponse.notLeader(PUT, 0));
    }

    @Graded(part = "2b", points = 1, order = 0)
    void failAllAnswersEveryOpenProposalOnce() {
        Proposals p = new Proposals();
        p.add(5, 2, PUT);
        p.add(6, 2, GET);
        assertThat(p.failAll(3)).containsExactly(KvResponse.notLeader(PUT, 3), KvResponse.notLeader(GET, 3));
        assertThat(p.failAll(3)).as("a second failAll").isEmpty();
        assertThat(p.complete(Entry.of(5, 2, PUT.encode()), null)).as("after failAll").isEmpty();
    }
}
