package kvlab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies of classpath entries where a fork can read them but not change them: a directory owned by
 * the grader, readable by all, writable by none but the grader. A fork that runs as another user
 * cannot read the grader's {@code ~/.m2}, and the course tree may be hidden from it.
 *
 * <p>Jars are hard-linked where the filesystem allows and the original is readable by all and
 * writable by none but its owner; otherwise copied. Directories are copied. Each entry is staged once
 * per content: its key is its path with the size and modification time of every file in it, so a
 * rebuilt module is staged afresh while unchanged jars are shared by every fork. Thread-safe.
 */
final class Staging {
    private final Path dir;
    private final Map<String, Path> staged = new HashMap<>();
    private int count;

    Staging(Path dir) {
        this.dir = dir;
    }

    /** The staged copy of each entry, in the same order; missing entries are left out. */
    synchronized List<Path> stage(List<Path> entries) {
        return entries.stream().filter(Files::exists).map(this::stageOne).toList();
    }

    /** The staged copy of one entry, staging it now if its content is new. */
    synchronized Path stageOne(Path entry) {
        Path source = entry.toAbsolutePath().normalize();
        String key = source + "@" + fingerprint(source);
        return staged.computeIfAbsent(key, k -> copy(source));
    }

    private Path copy(Path source) {
        try {
            // Keep the parent's name too: Seeds.isReferenceBuild looks for "/target-reference/" in the path.
            Path parent = source.getParent() == null || source.getParent().getFileName() == null ? Path.of("root")
                    : source.getParent().getFileName();
            SandboxFiles.setPermissions(Files.createDirectories(dir), "rwxr-xr-x");
            Path slot = Files.createDirectories(dir.resolve(Integer.toString(count++)).resolve(parent));
            SandboxFiles.setPermissions(slot.getParent(), "rwxr-xr-x");
            SandboxFiles.setPermissions(slot, "rwxr-xr-x");
            Path target = slot.resolve(source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else {
                linkOrCopy(source, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + source + " for the test JVM", e);
        }
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        if (SandboxFiles.isSafeToShare(source)) {
            try {
                Files.createLink(target, source);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // Another filesystem, or links refused: copy instead.
            }
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        SandboxFiles.setPermissions(target, "rw-r--r--");
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Path copy = Files.createDirectories(target.resolve(source.relativize(d).toString()));
                SandboxFiles.setPermissions(copy, "rwxr-xr-x");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                SandboxFiles.setPermissions(copy, "rw-r--r--");
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Sizes and modification times of every file under {@code path}, hashed. */
    private static String fingerprint(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.sorted().toList()) {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                digest.update((path.relativize(file) + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis()
                        + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath entry " + path, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Forgets and deletes every staged entry; later forks stage afresh. */
    synchronized void clear() {
        staged.clear();
        SandboxFiles.deleteTree(dir);
        try {
            // The fork's mount script binds this directory read-only: it must exist.
            SandboxFiles.setPermissions(Files.createDirectories(dir), "rwxr-xr-x");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recreate " + dir, e);
        }
    }
}
