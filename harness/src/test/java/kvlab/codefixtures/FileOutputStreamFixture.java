package kvlab.codefixtures;

import java.io.FileOutputStream;
import java.io.IOException;

/** Writes a file through java.io. */
public final class FileOutputStreamFixture {
    void save(byte[] state) throws IOException {
        FileOutputStream out = new FileOutputStream("state.bin"); // violation: open
        out.write(state); // violation: write
    }
}
