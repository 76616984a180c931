package kvlab.grader.course;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import kvlab.grader.GradingException;

/**
 * What a handout promised: the SHA-256 of every protected file, and the files students edit.
 * Stored as {@code .kvlab/manifest.json}; {@code kvlab check} compares a checkout against it.
 *
 * @param protectedFiles path to lower-case hex SHA-256, sorted by path
 * @param editable the student-editable files, sorted
 */
public record Manifest(SortedMap<String, String> protectedFiles, SortedSet<String> editable) {
    private static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The JSON shape: field names are the file format. */
    private record Json(int version, TreeMap<String, String> protectedFiles, List<String> editable) {
    }

    /** Records the given protected files of {@code tree} with their checksums. */
    public static Manifest of(CourseTree tree, List<String> protectedFiles, SortedSet<String> editable) {
        SortedMap<String, String> sums = new TreeMap<>();
        for (String path : protectedFiles) {
            sums.put(path, sha256(tree.resolve(path)));
        }
        return new Manifest(sums, editable);
    }

    public static Manifest read(Path file) {
        try {
            Json json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Json.class);
            if (json == null || json.version() != VERSION || json.protectedFiles() == null || json.editable() == null) {
                throw new GradingException(file + ": not a version " + VERSION + " KVLab manifest");
            }
            return new Manifest(json.protectedFiles(), new TreeSet<>(json.editable()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (JsonParseException e) {
            throw new GradingException(file + ": malformed manifest: " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        Json json = new Json(VERSION, new TreeMap<>(protectedFiles), List.copyOf(editable));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
