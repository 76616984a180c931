package kvlab.harness.engine.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import kvlab.harness.engine.ColumnFamilies;
import kvlab.harness.engine.Modification;
import kvlab.harness.engine.WriteBatch;

/**
 * The log format of {@link MemoryEngine}: one record per write batch.
 *
 * <pre>
 * record  = length:int32  crc32(payload):int32  payload        (big-endian)
 * payload = count:int32  modification*
 * put     = 0:int8  family:int8  keyLength:int32 key  valueLength:int32 value
 * delete  = 1:int8  family:int8  keyLength:int32 key
 * </pre>
 *
 * where {@code family} is the index in {@link ColumnFamilies#ALL}. A crash can tear the last record;
 * the length and checksum let {@link #decode} find where the intact records end.
 */
final class BatchLog {
    private static final int HEADER_BYTES = 8;
    private static final byte PUT = 0;
    private static final byte DELETE = 1;

    /** The batches of the intact prefix of a log, and that prefix's length in bytes. */
    record Recovered(List<WriteBatch> batches, int intactLength) {}

    private BatchLog() {}

    /** The record for {@code batch}, whose families must all be known. */
    static byte[] encode(WriteBatch batch) {
        byte[] payload = payload(batch);
        return ByteBuffer.allocate(HEADER_BYTES + payload.length)
                .putInt(payload.length)
                .putInt(crc(payload, 0, payload.length))
                .put(payload)
                .array();
    }

    /**
     * Decodes records from the start of {@code log} up to the first one that is cut short or fails its
     * checksum, which, with everything after it, is the torn tail a crash left.
     */
    static Recovered decode(byte[] log) {
        List<WriteBatch> batches = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(log);
        while (in.remaining() >= HEADER_BYTES) {
            int start = in.position();
            int length = in.getInt();
            int crc = in.getInt();
            if (length < 0 || length > in.remaining() || crc(log, in.position(), length) != crc) {
                return new Recovered(batches, start);
            }
            batches.add(readPayload(in));
        }
        return new Recovered(batches, in.position());
    }

    private static byte[] payload(WriteBatch batch) {
        int size = Integer.BYTES;
        for (Modification m : batch.modifications()) {
            size += 2 + Integer.BYTES + m.key().length;
            if (m instanceof Modification.Put put) {
                size += Integer.BYTES + put.value().length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(batch.modifications().size());
        for (Modification m : batch.modifications()) {
            byte family = (byte) ColumnFamilies.ALL.indexOf(m.cf());
            if (m instanceof Modification.Put put) {
                putBytes(out.put(PUT).put(family), put.key());
                putBytes(out, put.value());
            } else {
                putBytes(out.put(DELETE).put(family), m.key());
            }
        }
        return out.array();
    }

    private static WriteBatch readPayload(ByteBuffer in) {
        WriteBatch.Builder batch = WriteBatch.builder();
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
            byte kind = in.get();
            String cf = ColumnFamilies.ALL.get(in.get());
            byte[] key = getBytes(in);
            if (kind == PUT) {
                batch.put(cf, key, getBytes(in));
            } else {
                batch.delete(cf, key);
            }
        }
        return batch.build();
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        out.putInt(bytes.length).put(bytes);
    }

    private static byte[] getBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
