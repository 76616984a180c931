package kvlab.grader.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table of a Markdown file: its header cells and its rows, each with its 1-based line.
 *
 * @param header the header's cells, stripped
 * @param rows the rows after the separator line
 */
record MarkdownTable(List<String> header, List<Row> rows) {
    /** One row: its cells, stripped, and where it is. */
    record Row(int line, List<String> cells) {
    }

    /** Every table in {@code lines}: a row of cells, a separator of dashes, then rows. */
    static List<MarkdownTable> in(List<String> lines) {
        List<MarkdownTable> tables = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (isRow(lines.get(i)) && lines.get(i + 1).matches("\\s*\\|[\\s:|-]+\\|\\s*")) {
                List<Row> rows = new ArrayList<>();
                int end = i + 2;
                for (; end < lines.size() && isRow(lines.get(end)); end++) {
                    rows.add(new Row(end + 1, cells(lines.get(end))));
                }
                tables.add(new MarkdownTable(cells(lines.get(i)), rows));
                i = end - 1;
            }
        }
        return tables;
    }

    /** The first column whose header holds {@code word} as a word, case-insensitive, or -1. */
    int column(String word) {
        for (int i = 0; i < header.size(); i++) {
            if (Arrays.asList(header.get(i).toLowerCase(Locale.ROOT).split("\\W+")).contains(word)) {
                return i;
            }
        }
        return -1;
    }

    /** A cell without code marks and emphasis. */
    static String plain(String cell) {
        return cell.replace("`", "").replace("*", "").strip();
    }

    private static boolean isRow(String line) {
        return line.strip().startsWith("|") && line.strip().endsWith("|");
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
