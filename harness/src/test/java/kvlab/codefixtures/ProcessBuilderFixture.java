package kvlab.codefixtures;

import java.io.IOException;

/** Starts a process. */
public final class ProcessBuilderFixture {
    void list() throws IOException {
        new ProcessBuilder("ls", "/").start(); // violation: process
    }
}
