package kvlab.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * File operations on what forks leave behind. A fork may be hostile: it may have made directories
 * unreadable, nested them past PATH_MAX, or planted symbolic links; none of that may stop the grader
 * from deleting what it made, and no link is ever followed.
 */
final class SandboxFiles {
    private SandboxFiles() {
    }

    /** Sets POSIX permissions such as {@code rwxr-xr-x}; a no-op where the filesystem has none (Windows). */
    static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // No POSIX permissions here: the fork runs as the grader's user anyway.
        }
    }

    /** Gives {@code path} (not following links) to {@code uid}, group {@code uid} too. */
    static void chown(Path path, int uid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether a hard link to {@code file} is as safe as a copy for a fork of another uid: a regular
     * file owned by root, readable by all, writable by root alone. A link to a file the grader's own
     * (non-root) user owns would let a fork of that user change the original.
     */
    static boolean isSafeToShare(Path file) {
        try {
            PosixFileAttributes attrs = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> p = attrs.permissions();
            return attrs.isRegularFile() && p.contains(PosixFilePermission.OTHERS_READ)
                    && !p.contains(PosixFilePermission.GROUP_WRITE) && !p.contains(PosixFilePermission.OTHERS_WRITE)
                    && (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Deletes {@code dir} and everything under it, restoring the owner's access to each directory on
     * the way; falls back to {@code rm -rf} for trees Java cannot walk (deeper than PATH_MAX).
     *
     * @throws UncheckedIOException if something is left
     */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    setPermissions(d, "rwx------");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            removeWithRm(dir, e);
        }
    }

    private static void removeWithRm(Path dir, IOException cause) {
        try {
            Process rm = new ProcessBuilder("rm", "-rf", "--one-file-system", "--", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            rm.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            cause.addSuppressed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new UncheckedIOException("cannot delete " + dir, cause);
        }
    }

    /**
     * Deletes everything {@code uid} owns under {@code roots}, except under {@code keep}. A user can
     * create files only in directories it may write, so only those are searched: directories
     * writable by all (such as {@code /tmp}) and, whole, anything the uid owns.
     */
    static void deleteOwnedBy(int uid, List<Path> roots, Path keep) {
        for (Path root : roots) {
            deleteOwnedUnder(uid, root, keep);
        }
    }

    private static void deleteOwnedUnder(int uid, Path dir, Path keep) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.startsWith(keep)) {
                    continue;
                }
                PosixFileAttributes attrs = Files.readAttributes(entry, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if ((Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid) {
                    deleteTree(entry);
                } else if (attrs.isDirectory() && attrs.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
                    deleteOwnedUnder(uid, entry, keep);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Gone meanwhile, or not ours to read: another process's business.
        }
    }
}
