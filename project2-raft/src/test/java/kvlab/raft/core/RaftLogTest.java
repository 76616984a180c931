package kvlab.raft.core;

import static kvlab.raft.core.Fixtures.entriesWithTerms;
import static kvlab.raft.core.Fixtures.entry;
import static kvlab.raft.core.Fixtures.termsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import kvlab.harness.grading.Graded;
import kvlab.raft.Entry;
import kvlab.raft.MemoryStorage;

/** Part 2A: {@link RaftLog}, the stable and unstable parts of the log, commit and apply. */
class RaftLogTest {

    private static RaftLog logWithStableTerms(long... terms) {
        MemoryStorage storage = new MemoryStorage();
        storage.append(entriesWithTerms(terms));
        return new RaftLog(storage);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void newLogOverStorage() {
        RaftLog empty = new RaftLog(new MemoryStorage());
        assertThat(empty.firstIndex()).as("first index of an empty log").isEqualTo(1);
        assertThat(empty.lastIndex()).as("last index of an empty log").isEqualTo(0);
        assertThat(empty.committed()).as("committed of an empty log").isEqualTo(0);
        assertThat(empty.applied()).as("applied of an empty log").isEqualTo(0);

        MemoryStorage storage = new MemoryStorage();
        storage.append(entriesWithTerms(1, 1, 2, 3, 3));
        storage.compact(2);
        RaftLog log = new RaftLog(storage);
        assertThat(log.firstIndex()).as("first index after the storage compacted up to 2").isEqualTo(3);
        assertThat(log.lastIndex()).as("last index").isEqualTo(5);
        assertThat(log.committed()).as("committed starts at firstIndex - 1").isEqualTo(2);
        assertThat(log.applied()).as("applied starts at firstIndex - 1").isEqualTo(2);
        assertThat(log.unstableEntries()).as("entries already in storage are stable").isEmpty();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void appendAddsUnstableEntriesAfterStorage() {
        RaftLog log = logWithStableTerms(1, 1);
        assertThat(log.append(List.of(Entry.empty(3, 2), Entry.empty(4, 2)))).as("append returns the new last index")
                .isEqualTo(4);
        assertThat(log.lastIndex()).isEqualTo(4);
        assertThat(log.lastTerm()).as("last term").isEqualTo(2);
        assertThat(log.unstableEntries()).as("only the appended entries are unstable")
                .containsExactly(Entry.empty(3, 2), Entry.empty(4, 2));
        assertThat(termsOf(log)).as("terms of the whole log").containsExactly(1L, 1L, 2L, 2L);
        assertThat(log.append(List.of())).as("appending nothing returns the last index").isEqualTo(4);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void appendTruncatesConflictingSuffix() {
        RaftLog log = logWithStableTerms(1, 1, 1);
        log.append(List.of(Entry.empty(4, 1), Entry.empty(5, 1)));
        log.append(List.of(Entry.empty(5, 2), Entry.empty(6, 2)));
        assertThat(termsOf(log)).as("an unstable entry replaced, and its successors").containsExactly(1L, 1L, 1L, 1L, 2L, 2L);

        log.append(List.of(Entry.empty(2, 3)));
        assertThat(termsOf(log)).as("a stable entry replaced: everything after it goes").containsExactly(1L, 3L);
        assertThat(log.unstableEntries()).as("the replacing entry is unstable (storage must be rewritten)")
                .containsExactly(Entry.empty(2, 3));
        assertThat(log.term(3)).as("term past the last index").isZero();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void appendRefusesToOverwriteCommittedEntriesOrLeaveGaps() {
        RaftLog log = logWithStableTerms(1, 1, 1);
        log.commitTo(2);
        assertThatThrownBy(() -> log.append(List.of(Entry.empty(2, 2))))
                .as("overwriting committed entry 2").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.append(List.of(Entry.empty(5, 2))))
                .as("appending at 5 after last index 3").isInstanceOf(IllegalStateException.class);
        assertThat(termsOf(log)).as("the log is unchanged").containsExactly(1L, 1L, 1L);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void termOfEveryIndex() {
        MemoryStorage storage = new MemoryStorage();
        storage.append(entriesWithTerms(1, 2, 2, 3));
        storage.compact(2);
        RaftLog log = new RaftLog(storage);
        log.append(List.of(Entry.empty(5, 4)));
        assertThat(log.term(2)).as("term of firstIndex - 1 (the compacted boundary) is known").isEqualTo(2);
        assertThat(log.term(3)).as("stable entry").isEqualTo(2);
        assertThat(log.term(4)).as("stable entry").isEqualTo(3);
        assertThat(log.term(5)).as("unstable entry").isEqualTo(4);
        assertThat(log.term(6)).as("past the last index").isZero();
        assertThatThrownBy(() -> log.term(1)).as("compacted index").isInstanceOf(kvlab.raft.CompactedException.class);
        assertThat(log.matchTerm(4, 3)).as("matchTerm of a matching entry").isTrue();
        assertThat(log.matchTerm(4, 2)).as("matchTerm with another term").isFalse();
        assertThat(log.matchTerm(6, 0)).as("matchTerm past the end").isFalse();
        assertThat(log.matchTerm(1, 1)).as("matchTerm of a compacted index").isFalse();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void isUpToDateComparesLastTermThenLength() {
        RaftLog log = logWithStableTerms(1, 2, 3);
        assertThat(log.isUpToDate(2, 4)).as("later last term, shorter log").isTrue();
        assertThat(log.isUpToDate(3, 3)).as("same last term, same length").isTrue();
        assertThat(log.isUpToDate(4, 3)).as("same last term, longer").isTrue();
        assertThat(log.isUpToDate(2, 3)).as("same last term, shorter").isFalse();
        assertThat(log.isUpToDate(9, 2)).as("earlier last term, longer log").isFalse();
    }

    @Graded(part = "2a", points = 1, order = 1)
    void findConflictFindsFirstMismatchOrNewEntry() {
        RaftLog log = logWithStableTerms(1, 2, 3);
        assertThat(log.findConflict(List.of())).as("no entries").isZero();
        assertThat(log.findConflict(entriesWithTerms(1, 2, 3))).as("all match").isZero();
        assertThat(log.findConflict(entriesWithTerms(1, 2, 3, 4, 4))).as("new entries after a match").isEqualTo(4);
        assertThat(log.findConflict(List.of(Entry.empty(2, 2), Entry.empty(3, 4)))).as("conflict at 3").isEqualTo(3);
        assertThat(log.findConflict(List.of(Entry.empty(1, 4)))).as("conflict at 1").isEqualTo(1);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void findConflictByTermSkipsWholeTerms() {
        RaftLog log = logWithStableTerms(1, 1, 2, 2, 2, 5, 5);
        assertThat(log.findConflictByTerm(7, 4)).as("leader term 4 at 7: skip the term-5 entries").isEqualTo(5);
        assertThat(log.findConflictByTerm(7, 5)).as("term 5 matches at 7").isEqualTo(7);
        assertThat(log.findConflictByTerm(4, 1)).as("term 1 at 4: back to 2").isEqualTo(2);
        assertThat(log.findConflictByTerm(20, 3)).as("index past the end starts at the last index").isEqualTo(5);
        assertThat(log.findConflictByTerm(7, 0)).as("term 0 goes down to index 0").isZero();
    }

    @Graded(part = "2a", points = 2, order = 2)
    void maybeAppendAppliesTheConsistencyCheck() {
        RaftLog log = logWithStableTerms(1, 2, 3);
        assertThat(log.maybeAppend(3, 2, 3, List.of(Entry.empty(4, 4)))).as("prev entry 3 has term 3, not 2")
                .isEmpty();
        assertThat(log.maybeAppend(4, 3, 3, List.of())).as("prev index 4 is past the end").isEmpty();
        assertThat(termsOf(log)).as("a rejected append changes nothing").containsExactly(1L, 2L, 3L);
        assertThat(log.committed()).as("a rejected append commits nothing").isZero();

        assertThat(log.maybeAppend(3, 3, 5, List.of(Entry.empty(4, 4)))).as("matching prev: last new index 4")
                .isEqualTo(OptionalLong.of(4));
        assertThat(log.committed()).as("commit = min(leader commit 5, last new index 4)").isEqualTo(4);
        assertThat(termsOf(log)).as("log after the accepted append").containsExactly(1L, 2L, 3L, 4L);
    }

    @Graded(part = "2a", points = 2, order = 2)
    void maybeAppendTruncatesOnlyAtAConflict() {
        RaftLog log = logWithStableTerms(1, 1, 1, 1);
        log.commitTo(1);
        assertThat(log.maybeAppend(1, 1, 1, List.of(Entry.empty(2, 1)))).as("a stale, shorter append that matches")
                .isEqualTo(OptionalLong.of(2));
        assertThat(termsOf(log)).as("a matching stale append must not truncate the longer log")
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(log.maybeAppend(2, 1, 2, List.of(Entry.empty(3, 2)))).isEqualTo(OptionalLong.of(3));
        assertThat(termsOf(log)).as("a conflict at 3 drops 3 and 4").containsExactly(1L, 1L, 2L);
        assertThat(log.committed()).as("commit = min(2, 3)").isEqualTo(2);
        assertThatThrownBy(() -> log.maybeAppend(1, 1, 2, List.of(Entry.empty(2, 3))))
                .as("a conflict with committed entry 2 is a safety violation").isInstanceOf(IllegalStateException.class);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void maybeCommitOnlyCommitsTheGivenTerm() {
        RaftLog log = logWithStableTerms(1, 1, 2);
        assertThat(log.maybeCommit(2, 2)).as("entry 2 has term 1, the leader's term is 2").isFalse();
        assertThat(log.committed()).isZero();
        assertThat(log.maybeCommit(3, 2)).as("entry 3 has the leader's term").isTrue();
        assertThat(log.committed()).isEqualTo(3);
        assertThat(log.maybeCommit(2, 1)).as("a lower index never lowers commit").isFalse();
        assertThat(log.committed()).isEqualTo(3);
    }

    @Graded(part = "2a", points = 1, order = 1)
    void commitToNeverDecreasesAndNeverPassesTheLog() {
        RaftLog log = logWithStableTerms(1, 1, 1);
        log.commitTo(2);
        log.commitTo(1);
        assertThat(log.committed()).as("commitTo a lower index").isEqualTo(2);
        assertThatThrownBy(() -> log.commitTo(4)).as("commit past the last index 3")
                .isInstanceOf(IllegalStateException.class);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void committedEntriesAreDeliveredUntilApplied() {
        RaftLog log = logWithStableTerms(1, 1);
        log.append(List.of(entry(3, 1, "c")));
        assertThat(log.hasNextCommittedEntries()).as("nothing committed").isFalse();
        log.commitTo(3);
        assertThat(log.nextCommittedEntries()).as("committed entries include unstable ones")
                .containsExactly(Entry.empty(1, 1), Entry.empty(2, 1), entry(3, 1, "c"));
        log.appliedTo(2);
        assertThat(log.nextCommittedEntries()).as("after appliedTo(2)").containsExactly(entry(3, 1, "c"));
        log.appliedTo(3);
        assertThat(log.hasNextCommittedEntries()).as("everything applied").isFalse();
        assertThat(log.nextCommittedEntries()).isEmpty();
        assertThatThrownBy(() -> log.appliedTo(2)).as("applied going backwards").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.appliedTo(4)).as("applied past committed").isInstanceOf(IllegalStateException.class);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void stableToMovesEntriesOutOfTheUnstablePart() {
        MemoryStorage storage = new MemoryStorage();
        storage.append(entriesWithTerms(1));
        RaftLog log = new RaftLog(storage);
        log.append(List.of(Entry.empty(2, 1), Entry.empty(3, 2)));
        storage.append(log.unstableEntries()); // the application persists them, then calls stableTo
        log.stableTo(2, 2);
        assertThat(log.unstableEntries()).as("stableTo with the wrong term is ignored").hasSize(2);
        log.stableTo(2, 1);
        assertThat(log.unstableEntries()).as("after stableTo(2, 1)").containsExactly(Entry.empty(3, 2));
        log.stableTo(7, 2);
        assertThat(log.unstableEntries()).as("stableTo past the end is ignored").containsExactly(Entry.empty(3, 2));
        log.stableTo(3, 2);
        assertThat(log.unstableEntries()).as("after stableTo(3, 2)").isEmpty();
        assertThat(log.lastIndex()).as("stableTo keeps the entries in the log").isEqualTo(3);
    }

    @Graded(part = "2a", points = 1, order = 2)
    void sliceSpansStorageAndUnstableWithSizeLimit() {
        RaftLog log = logWithStableTerms(1, 1, 1);
        log.append(List.of(entry(4, 2, "dddd"), entry(5, 2, "eeee")));
        assertThat(log.slice(2, 6, Long.MAX_VALUE)).extracting(Entry::index).as("slice [2, 6)").containsExactly(2L, 3L, 4L, 5L);
        long twoEntries = Entry.HEADER_BYTES * 2L;
        assertThat(log.slice(2, 6, twoEntries)).extracting(Entry::index).as("two empty entries fit").containsExactly(2L, 3L);
        assertThat(log.slice(4, 6, 1)).extracting(Entry::index).as("at least one entry, even over the limit")
                .containsExactly(4L);
        assertThat(log.entries(3, Long.MAX_VALUE)).extracting(Entry::index).as("entries from 3").containsExactly(3L, 4L, 5L);
        assertThat(log.entries(6, Long.MAX_VALUE)).as("entries past the end").isEmpty();
        assertThatThrownBy(() -> log.slice(2, 7, Long.MAX_VALUE)).as("slice past the end")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
