package kvlab.grader.fork;

import java.util.Properties;

/**
 * The fork's system properties, noticing when the seed property ({@code kvlab.seed}) is read. Every
 * way a test can depend on the grader's seed goes through that property (the harness's
 * {@code Seeds.seed}), so a test that passed without reading it would pass the same way under any
 * seed: the grader need not run it under more. The check is exact and costs nothing.
 */
final class SeedWatch extends Properties {
    private static final long serialVersionUID = 1L;

    private final String key;
    private transient volatile boolean read;

    private SeedWatch(Properties original, String key) {
        this.key = key;
        putAll(original);
    }

    /** Replaces the JVM's system properties with a watch on {@code key}. */
    static SeedWatch install(String key) {
        SeedWatch watch = new SeedWatch(System.getProperties(), key);
        System.setProperties(watch);
        return watch;
    }

    @Override
    public String getProperty(String name) {
        noteRead(name);
        return super.getProperty(name);
    }

    @Override
    public String getProperty(String name, String defaultValue) {
        noteRead(name);
        return super.getProperty(name, defaultValue);
    }

    @Override
    public synchronized Object get(Object name) {
        noteRead(name);
        return super.get(name);
    }

    private void noteRead(Object name) {
        if (key.equals(name)) {
            read = true;
        }
    }

    /** Whether the seed was read since the last call. */
    boolean takeRead() {
        boolean wasRead = read;
        read = false;
        return wasRead;
    }
}
