package kvlab.grader.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Linux process table as {@code /proc} shows it, for what {@link ProcessHandle} cannot tell: a
 * process's session, process group and real uid, and whether it is merely a zombie. Empty where
 * there is no {@code /proc} (macOS): callers then rely on {@link ProcessHandle} alone.
 */
final class ProcTable {
    private static final Path PROC = Path.of("/proc");

    /**
     * One process.
     *
     * @param state the {@code stat} state letter; {@code Z} and {@code X} are dead, awaiting their reaper
     * @param uid real uid, or -1 if unknown
     */
    record Entry(long pid, char state, long parent, long processGroup, long session, int uid) {
        boolean isLive() {
            return state != 'Z' && state != 'X';
        }
    }

    private ProcTable() {
    }

    /** Every process readable now; entries that vanish while reading are left out. */
    static List<Entry> snapshot() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return entries;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                read(dir).ifPresent(entries::add);
            }
        } catch (IOException e) {
            // /proc unreadable: nothing to add to what ProcessHandle knows.
        }
        return entries;
    }

    /** The process {@code pid} if it exists and has not died yet (a zombie counts as dead). */
    static boolean isLive(long pid) {
        Optional<Entry> entry = read(PROC.resolve(Long.toString(pid)));
        if (entry.isPresent()) {
            return entry.get().isLive();
        }
        return !Files.isDirectory(PROC) && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Entry> read(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // The command name, in parentheses, may itself hold spaces and parentheses: parse after the last ')'.
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(dir.getFileName().toString());
            return Optional.of(new Entry(pid, after[0].charAt(0), Long.parseLong(after[1]), Long.parseLong(after[2]),
                    Long.parseLong(after[3]), realUid(dir)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int realUid(Path dir) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    private static boolean isNumber(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
