package kvlab.raft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that leaves the Raft core, handed to the application in one value by
 * {@code RawNode.ready()}. The core does no I/O: the application does it, in this order.
 *
 * <p>The caller's protocol, for every Ready:
 * <ol>
 *   <li>Persist {@link #entries()} (appending them to the storage, which first drops any stored entries
 *       at or after the first new index) and {@link #hardState()} if present, and the
 *       {@link #snapshot()} if present, and make them durable (sync) <b>BEFORE sending any message</b>:
 *       a vote or an acknowledgement sent before its state is durable can be forgotten by a crash,
 *       and then a node votes twice in a term or a leader counts an entry that vanished (Raft §5.6).</li>
 *   <li>Then send {@link #messages()}, in order, to their {@code to} nodes.</li>
 *   <li>Apply {@link #committedEntries()} to the state machine, in order, each exactly once.</li>
 *   <li>Then call {@code RawNode.advance(ready)} with <b>this same Ready</b>, and only then ask for the
 *       next one. Calling {@code ready()} twice without {@code advance}, or {@code advance} with
 *       another Ready, breaks the protocol and fails with {@link IllegalStateException}.</li>
 * </ol>
 * After {@code advance}, nothing in this Ready is delivered again.
 *
 * @param softState the new soft state if it changed since the last Ready
 * @param hardState the new hard state if it changed since the last Ready
 * @param readStates read requests confirmed since the last Ready (Project 2B)
 * @param entries entries to persist, in order (not yet persisted; possibly not yet committed)
 * @param snapshot a snapshot to persist and install (Project 2C)
 * @param committedEntries entries to apply, in order; already committed (some may be in {@code entries}
 *     of this very Ready, which is why persisting comes first)
 * @param messages messages to send, after persisting
 */
public record Ready(
        Optional<SoftState> softState,
        Optional<HardState> hardState,
        List<ReadState> readStates,
        List<Entry> entries,
        Optional<Snapshot> snapshot,
        List<Entry> committedEntries,
        List<Message> messages) {

    public Ready {
        Objects.requireNonNull(softState, "softState");
        Objects.requireNonNull(hardState, "hardState");
        Objects.requireNonNull(snapshot, "snapshot");
        readStates = List.copyOf(readStates);
        entries = List.copyOf(entries);
        committedEntries = List.copyOf(committedEntries);
        messages = List.copyOf(messages);
    }

    /** Whether the application has anything to do with this Ready. */
    public boolean containsUpdates() {
        return softState.isPresent() || hardState.isPresent() || snapshot.isPresent() || !readStates.isEmpty()
                || !entries.isEmpty() || !committedEntries.isEmpty() || !messages.isEmpty();
    }
}
