package kvlab.grader.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kvlab.grader.engine.TestOutcome.Status;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the surefire style CI systems read: one {@code TEST-kvlab-part-ID.xml} per part that
 * ran or failed to, each a {@code testsuite} of {@code testcase}s; a failed test has a
 * {@code failure} (or, when its JVM died, an {@code error}) with a {@code message} attribute; a
 * test that did not run ({@code --gate}) is {@code skipped}.
 */
final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    static void write(GradeReport report, Path dir) {
        for (PartResult part : report.parts()) {
            if (part.failedSetup() || !part.tests().isEmpty()) {
                write(part, report, dir.resolve("TEST-kvlab-part-" + part.part() + ".xml"));
            }
        }
    }

    private static void write(PartResult part, GradeReport report, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            suite(xml, part, report);
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML to " + file, e);
        }
    }

    private static void suite(XMLStreamWriter xml, PartResult part, GradeReport report) throws XMLStreamException {
        long failures = count(part, Status.FAILED);
        long errors = count(part, Status.ERRORED) + (part.failedSetup() ? 1 : 0);
        long millis = part.tests().stream().mapToLong(t -> t.outcome().wallMillis()).sum();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "kvlab.part" + part.part());
        xml.writeAttribute("tests", Integer.toString(part.tests().size() + (part.failedSetup() ? 1 : 0)));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", Long.toString(count(part, Status.NOT_RUN)));
        xml.writeAttribute("time", Text.seconds(millis));
        xml.writeStartElement("properties");
        property(xml, "kvlab.mode", report.mode());
        property(xml, "kvlab.seeds", report.seeds().toString());
        xml.writeEndElement();
        if (part.failedSetup()) {
            testcase(xml, "kvlab.setup." + part.module(), "setup", 0);
            problem(xml, "error", "the part could not run", part.setupError());
            xml.writeEndElement();
        }
        for (TestResult t : part.tests()) {
            testcase(xml, t.test().className(), t.test().methodName(), t.outcome().wallMillis());
            if (t.outcome().status() == Status.NOT_RUN) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(t.outcome().message()));
            } else if (!t.passed()) {
                String kind = t.outcome().status() == Status.ERRORED ? "error" : "failure";
                problem(xml, kind, Text.firstLines(t.outcome().message(), 20), Text.story(t));
            }
            if (!t.outcome().output().isEmpty()) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(clean(t.outcome().output()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static long count(PartResult part, Status status) {
        return part.tests().stream().filter(t -> t.outcome().status() == status).count();
    }

    private static void testcase(XMLStreamWriter xml, String className, String name, long millis) throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", name);
        xml.writeAttribute("classname", className);
        xml.writeAttribute("time", Text.seconds(millis));
    }

    private static void problem(XMLStreamWriter xml, String kind, String message, String body) throws XMLStreamException {
        xml.writeStartElement(kind);
        xml.writeAttribute("message", clean(message));
        xml.writeAttribute("type", kind.equals("error") ? "kvlab.ForkDied" : "kvlab.TestFailed");
        xml.writeCharacters(clean(body));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    /** Replaces characters XML 1.0 cannot carry at all, even escaped (most control characters). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }
}
