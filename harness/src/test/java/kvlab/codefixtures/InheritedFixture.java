package kvlab.codefixtures;

import java.util.ArrayList;

/** Reaches a denied member through its own class, which javac names as the owner (Object's final wait stays Object's). */
public final class InheritedFixture extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    long parallelCount() {
        return parallelStream().count(); // violation: inherited parallelStream
    }

    synchronized void block() throws InterruptedException {
        wait(); // violation: wait
    }
}
