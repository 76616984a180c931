package kvlab.codefixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a file through java.nio.file. */
public final class FilesFixture {
    void save(String state) throws IOException {
        Path file = Path.of("state.txt"); // violation: path
        Files.writeString(file, state); // violation: write
    }
}
