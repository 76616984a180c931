package kvlab.standalone.rocksdb;

import java.util.Optional;
import kvlab.harness.engine.EngineIterator;
import kvlab.harness.engine.EngineReader;

/**
 * The {@link EngineReader} of {@link StandaloneStorage}: every get and every iterator reads through
 * one RocksDB snapshot, taken when the reader was opened, so later writes are invisible to it.
 *
 * <p>Native resources: the snapshot must be released and the {@code ReadOptions} and every
 * {@code RocksIterator} closed when the reader closes ({@link StandaloneStorage#liveSnapshots()} and
 * {@link StandaloneStorage#pinnedVersions()} let the tests see a leak).
 */
final class StandaloneReader implements EngineReader {
    /**
     * The value of {@code key} in family {@code cf} as of this reader's snapshot.
     *
     * @throws IllegalArgumentException if {@code cf} is not a known family
     * @throws IllegalStateException if this reader (or its storage) is closed
     */
    @Override
    public Optional<byte[]> get(String cf, byte[] key) {
        // TODO(1): read the key from the family's handle with ReadOptions that carry this reader's
        // snapshot. Checked by StandaloneReaderTest#readerSeesTheSnapshotInGet.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneReader.get");
    }

    /**
     * An iterator over family {@code cf} as of this reader's snapshot, not yet positioned.
     *
     * @throws IllegalArgumentException if {@code cf} is not a known family
     * @throws IllegalStateException if this reader (or its storage) is closed
     */
    @Override
    public EngineIterator iterator(String cf) {
        // TODO(1): wrap a RocksIterator opened with this reader's ReadOptions in an EngineIterator
        // (a nested class in this file), and remember it until it closes. Checked by
        // StandaloneReaderTest#iteratorSeeksAndWalksInOrder.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneReader.iterator");
    }

    /** Closes the open iterators, then releases the snapshot and the read options. */
    @Override
    public void close() {
        // TODO(1): close this reader's open iterators, release the snapshot, close the ReadOptions; a
        // second close does nothing. Checked by StandaloneReaderTest#noNativeHandlesLeakAfterTenThousandReaders.
        throw new UnsupportedOperationException("not implemented: TODO(1) StandaloneReader.close");
    }
}
