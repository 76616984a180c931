package kvlab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trace export ({@value TraceExport#TRACE_OUT}) of a sandboxed fork. The fork may not write the
 * grader's directories (another uid, a private /tmp), so it writes the export into its own
 * directory and the grader relays it after the fork ended: the digest file is appended to the one
 * the spec named, and every {@code FILE.*} companion copied next to it. Only regular files directly
 * in the export directory count; the fork's processes are gone by then, so nothing changes under us.
 */
final class ForkExports {
    /** More than any honest export of one fork; a larger one is not relayed. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private final Path requested;
    private final Path inFork;

    private ForkExports(Path requested, Path inFork) {
        this.requested = requested;
        this.inFork = inFork;
    }

    /** The relay for {@code spec}'s export, if it asks for one, inside {@code place}. */
    static Optional<ForkExports> of(ForkSpec spec, ForkPlace place) throws IOException {
        String out = spec.systemProperties().get(TraceExport.TRACE_OUT);
        if (out == null || out.isBlank()) {
            return Optional.empty();
        }
        Path dir = Files.createDirectories(place.dir().resolve("export"));
        place.own(dir);
        Path requested = Path.of(out).toAbsolutePath();
        return Optional.of(new ForkExports(requested, dir.resolve(requested.getFileName().toString())));
    }

    /** The fork's system properties with the export pointed into its own directory. */
    Map<String, String> redirect(Map<String, String> properties) {
        Map<String, String> redirected = new TreeMap<>(properties);
        redirected.put(TraceExport.TRACE_OUT, inFork.toString());
        return redirected;
    }

    /** Relays what the fork exported; call once, after its processes ended, before its directory goes. */
    void relay() {
        String base = requested.getFileName().toString();
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inFork.getParent())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || !(name.equals(base) || name.startsWith(base + "."))) {
                    continue;
                }
                total += Files.size(file);
                if (total > MAX_BYTES) {
                    return;
                }
                Files.createDirectories(requested.getParent());
                if (name.equals(base)) {
                    Files.write(requested, Files.readAllBytes(file), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } else {
                    Files.copy(file, requested.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot relay the trace export of a test JVM", e);
        }
    }
}
