package kvlab.codefixtures;

import java.io.IOException;
import java.net.Socket;

/** Opens a connection. */
public final class SocketFixture {
    void connect() throws IOException {
        new Socket("localhost", 8080).close(); // violation: socket
    }
}
