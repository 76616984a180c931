package kvlab.grader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two graders on one machine never share a fork uid: the end of a fork kills every process of its
 * uid, so a shared one would kill the other grader's fork (seen as "JVM crashed: exit code 137").
 */
class SandboxUidTest {
    @Test
    void aUidAnotherGraderHoldsIsSkipped() throws Exception {
        Sandbox sandbox = Sandbox.current();
        assumeTrue(sandbox.baseUid().isPresent(), "forks run as a dedicated uid only when the grader is root");
        int base = sandbox.baseUid().getAsInt();
        Path lock = Sandbox.UID_LOCKS.resolve(base + ".lock");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), UidLockHolder.class.getName(), lock.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            try (ForkPlace place = sandbox.open()) {
                assertThat(place.uid().getAsInt()).as("the held uid is skipped").isGreaterThan(base);
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
