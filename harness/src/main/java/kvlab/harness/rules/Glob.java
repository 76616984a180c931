package kvlab.harness.rules;

import java.util.regex.Pattern;

/**
 * A name pattern in the rules: {@code *} stands for any run of characters, and in class names
 * {@code **} for any run including package separators, so {@code java/util/*} is the classes of
 * {@code java.util} (nested ones included: {@code java/util/Map$Entry}) and {@code java/time/**}
 * the whole package tree. Every other character stands for itself.
 */
record Glob(String text, Pattern regex) {
    /** A pattern over internal class names, where a single {@code *} stops at {@code /}. */
    static Glob ofClass(String text) {
        return new Glob(text, compile(text, "[^/]*"));
    }

    /** A pattern over member names or descriptors, where {@code *} matches anything. */
    static Glob ofText(String text) {
        return new Glob(text, compile(text, ".*"));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    private static Pattern compile(String text, String star) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '*') {
                continue;
            }
            regex.append(Pattern.quote(text.substring(literalStart, i)));
            boolean doubleStar = i + 1 < text.length() && text.charAt(i + 1) == '*';
            regex.append(doubleStar ? ".*" : star);
            i += doubleStar ? 1 : 0;
            literalStart = i + 1;
        }
        regex.append(Pattern.quote(text.substring(literalStart)));
        return Pattern.compile(regex.toString());
    }
}
