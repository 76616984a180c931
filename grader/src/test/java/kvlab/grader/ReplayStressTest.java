package kvlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code replay} and {@code stress} on the course's own modules: a simulated 2a cluster test on the
 * reference replays to the same digest twice, the skeleton fails it with its "not implemented"
 * reason, stress over three seeds passes, and bad names are usage errors with suggestions.
 */
class ReplayStressTest {
    private static final String CLUSTER_TEST = "ElectionClusterTest#initialElection";
    private static final Pattern DIGEST = Pattern.compile("trace digest ([0-9a-f]{16,}) \\((\\d+) events\\)");

    @Test
    void replayOfTheReferenceGivesTheSameDigestTwiceAndTheTraceTail() {
        CliRun run = CliRun.run(CliRun.COURSE, "replay", CLUSTER_TEST, "--seed", "42", "--reference",
                "--check-determinism", "--trace", "--trace-tail", "3");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).contains("replay ElectionClusterTest.initialElection [2a] seed 42 (reference)",
                "passed", "deterministic: both runs gave the same digest");
        List<MatchResult> digests = DIGEST.matcher(run.out()).results().toList();
        assertThat(digests).as(run.transcript()).hasSize(2);
        assertThat(digests.get(1).group(1)).isEqualTo(digests.get(0).group(1));
        assertThat(Long.parseLong(digests.get(0).group(2))).isGreaterThan(3);
        assertThat(run.out()).contains("--- trace: last 3 of ", "earlier lines left out", "--- end of trace ---");
    }

    @Test
    void replayOfTheSkeletonFailsWithNotImplemented() {
        CliRun run = CliRun.run(CliRun.COURSE, "replay", CLUSTER_TEST, "--seed", "42");

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.out()).as(run.transcript()).contains("FAILED", "not implemented");
    }

    @Test
    void stressOverThreeSeedsOfAReferenceTestPasses() {
        CliRun run = CliRun.run(CliRun.COURSE, "stress", CLUSTER_TEST, "--seeds", "3", "--seed-start", "100",
                "--reference");

        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(run.out()).contains("stress: 3/3 runs passed (1 test(s) x 3 seeds)");
        assertThat(run.err()).contains("under 3 seeds 100..102 (reference)", "seed 100: 1 passed",
                "seed 101: 1 passed", "seed 102: 1 passed");
    }

    @Test
    void unknownTestsAreUsageErrorsWithCloseNames() {
        CliRun method = CliRun.run(CliRun.COURSE, "replay", "ElectionClusterTest#initialElecton", "--seed", "1",
                "--reference");
        CliRun type = CliRun.run(CliRun.COURSE, "stress", "ElectonClusterTest#initialElection", "--seeds", "2");
        CliRun shape = CliRun.run(CliRun.COURSE, "replay", "NoSuchThing", "--seed", "1");
        CliRun noSeed = CliRun.run(CliRun.COURSE, "replay", CLUSTER_TEST);

        assertThat(method.exitCode()).as(method.transcript()).isEqualTo(2);
        assertThat(method.err()).contains("no graded test ElectionClusterTest#initialElecton; did you mean: "
                + "ElectionClusterTest#initialElection");
        assertThat(type.exitCode()).as(type.transcript()).isEqualTo(2);
        assertThat(type.err()).contains("no test class ElectonClusterTest", "did you mean: ElectionClusterTest");
        assertThat(shape.exitCode()).isEqualTo(2);
        assertThat(shape.err()).contains("'NoSuchThing' is neither a part id");
        assertThat(noSeed.exitCode()).isEqualTo(2);
        assertThat(noSeed.err()).contains("--seed");
    }
}
