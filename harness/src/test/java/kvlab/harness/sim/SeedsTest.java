package kvlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedsTest {
    private final String saved = System.getProperty(Seeds.PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(Seeds.PROPERTY);
        } else {
            System.setProperty(Seeds.PROPERTY, saved);
        }
    }

    @Test
    void propertyOverridesTheDefaultUnlessBlank() {
        System.clearProperty(Seeds.PROPERTY);
        assertThat(Seeds.seed(5)).isEqualTo(5);
        System.setProperty(Seeds.PROPERTY, "  ");
        assertThat(Seeds.seed(5)).isEqualTo(5);
        System.setProperty(Seeds.PROPERTY, " -123 ");
        assertThat(Seeds.seed(5)).isEqualTo(-123);
    }

    @Test
    void malformedSeedIsAClearError() {
        System.setProperty(Seeds.PROPERTY, "12abc");
        assertThatThrownBy(() -> Seeds.seed(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dkvlab.seed")
                .hasMessageContaining("12abc");
    }

    @Test
    void defaultSeedIsAStableHashOfTheTestId() {
        // SHA-256 of the UTF-8 id, first 8 bytes big-endian, floorMod 10^9 (computed outside Java).
        assertThat(Seeds.defaultFor("RaftTest#electsOneLeader")).isEqualTo(331040315L);
        assertThat(Seeds.defaultFor("RaftTest#electsOneLeader2")).isBetween(0L, 999_999_999L)
                .isNotEqualTo(331040315L);
    }

    @Test
    void replayCommandIsTheMavenCommandLine() {
        assertThat(Seeds.replayCommand("project2-raft", "RaftTest", "electsOneLeader", 42, false))
                .isEqualTo("mvn -pl project2-raft -am test -Dtest=RaftTest#electsOneLeader"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dkvlab.excludedGroups=none -Dkvlab.seed=42");
        assertThat(Seeds.replayCommand("project2-raft", "RaftTest", "electsOneLeader", 42, true))
                .endsWith(" -Dkvlab.seed=42 -Preference");
        assertThat(Seeds.isReferenceBuild(String.class)).as("a JDK class comes from no build").isFalse();
        assertThat(Seeds.currentModule()).isEqualTo("harness");
    }

    @Test
    void theModuleTheGraderNamesWinsOverTheWorkingDirectory() {
        // The grader's test JVMs run in a scratch directory: it names the module instead.
        System.setProperty(Seeds.MODULE_PROPERTY, "project2-raft");
        try {
            assertThat(Seeds.currentModule()).isEqualTo("project2-raft");
        } finally {
            System.clearProperty(Seeds.MODULE_PROPERTY);
        }
        assertThat(Seeds.currentModule()).isEqualTo("harness");
    }
}
