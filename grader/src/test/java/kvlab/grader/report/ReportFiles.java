package kvlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;

/** Reads and checks the report files a grading run wrote, for the grader's tests. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static JsonObject json(Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int score(Path resultsJson) {
        return json(resultsJson).get("score").getAsInt();
    }

    public static int maxScore(Path resultsJson) {
        return json(resultsJson).get("max_score").getAsInt();
    }

    /**
     * Checks a results.json against Gradescope's format: top-level score, max_score,
     * execution_time, output; tests with name, number, score, max_score, status, output, visibility;
     * and a score that is the sum of the tests' scores.
     */
    public static void assertGradescope(Path resultsJson) {
        JsonObject results = json(resultsJson);
        assertThat(results.keySet()).contains("score", "max_score", "execution_time", "output", "tests");
        int sum = 0;
        int max = 0;
        for (var element : results.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            assertThat(test.keySet()).contains("name", "number", "score", "max_score", "status", "output", "visibility");
            assertThat(test.get("status").getAsString()).isIn("passed", "failed");
            sum += test.get("score").getAsInt();
            max += test.get("max_score").getAsInt();
        }
        assertThat(results.get("score").getAsInt()).isEqualTo(sum);
        assertThat(results.get("max_score").getAsInt()).isEqualTo(max);
    }

    /** Checks a classroom.json against the GitHub Classroom reporter's version 1 runner result. */
    public static void assertClassroom(Path classroomJson, String status) {
        JsonObject result = json(classroomJson);
        assertThat(result.get("version").getAsInt()).isEqualTo(1);
        assertThat(result.get("status").getAsString()).isEqualTo(status);
        assertThat(result.keySet()).contains("max_score", "tests");
        for (var element : result.getAsJsonArray("tests")) {
            JsonObject test = element.getAsJsonObject();
            assertThat(test.keySet()).contains("name", "status", "score", "max_score", "message");
            assertThat(test.get("status").getAsString()).isIn("pass", "fail", "error");
        }
    }

    /** Validates a JUnit XML file against the surefire-style schema and checks its counts. */
    public static void assertJUnit(Path xml, int tests, int failures, int errors) throws Exception {
        URL schema = ReportFiles.class.getResource("/kvlab/grader/junit-surefire-style.xsd");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(xml.toFile()));
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(tests);
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(tests));
        assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(failures));
        assertThat(suite.getAttribute("errors")).isEqualTo(Integer.toString(errors));
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(failures);
        assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(errors);
    }

    /**
     * Validates every {@code TEST-*.xml} under {@code junitDir} as {@link #assertJUnit} does and
     * checks their totals: one file per graded part, {@code tests} test cases in all.
     */
    public static void assertJUnitTotals(Path junitDir, int parts, int tests, int failures, int errors) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(junitDir)) {
            files = listing.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        assertThat(files).as("one JUnit file per graded part").hasSize(parts);
        int[] totals = new int[3];
        for (Path file : files) {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            int suiteTests = Integer.parseInt(suite.getAttribute("tests"));
            int suiteFailures = Integer.parseInt(suite.getAttribute("failures"));
            int suiteErrors = Integer.parseInt(suite.getAttribute("errors"));
            assertJUnit(file, suiteTests, suiteFailures, suiteErrors);
            totals[0] += suiteTests;
            totals[1] += suiteFailures;
            totals[2] += suiteErrors;
        }
        assertThat(totals).as("tests, failures, errors over %s", files).containsExactly(tests, failures, errors);
    }
}
