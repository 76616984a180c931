package kvlab.harness.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Marks a JUnit test method as graded: it is a {@link Test}, tagged {@value #TAG}, and carries the
 * course part it belongs to and the points it is worth. The grader discovers graded tests by this
 * annotation; students run them with plain Maven ({@code mvn -pl MODULE test}).
 *
 * <p>Contract: {@link #part()} is one of the course part ids ({@code 1 2a 2b 2c 3a 3b 3c 4a 4b 4c});
 * {@link #points()} is positive. The grader rejects a graded test that breaks either rule.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@Tag(Graded.TAG)
public @interface Graded {
    /** The JUnit tag every graded test carries. */
    String TAG = "graded";

    /** Course part id, lower case: {@code "1"}, {@code "2a"}, ... {@code "4c"}. */
    String part();

    /** Points the test is worth when it passes. */
    int points() default 1;

    /** Order of difficulty within its part: lower runs first. Ties keep declaration order. */
    int order() default 0;
}
