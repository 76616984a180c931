package kvlab.raft.cluster;

import kvlab.raft.Entry;
import kvlab.raft.Message;

/**
 * What a Raft message costs on the wire, for the network's byte counters: a fixed header, plus every
 * entry's {@link Entry#size()} for appends and the data of snapshots. The network's default (the
 * length of {@code toString}) would not do: entry data is abbreviated in the trace text.
 */
final class MessageSizes {
    /** Bytes every message counts for: type, from, to, term and the fixed fields, rounded up. */
    static final int HEADER_BYTES = 48;

    private MessageSizes() {}

    /** The size of {@code message} in bytes. */
    static int of(Object message) {
        long size = HEADER_BYTES;
        if (message instanceof Message.Append a) {
            for (Entry e : a.entries()) {
                size += e.size();
            }
        } else if (message instanceof Message.InstallSnapshot s) {
            size += s.snapshot().data().length;
        }
        return Math.toIntExact(size);
    }
}
