package kvlab.grader.engine;

import java.util.Comparator;

/**
 * A graded test as discovered from its {@code @Graded} annotation.
 *
 * @param className fully qualified test class name
 * @param methodName test method name
 * @param parameterTypes JUnit's comma-separated parameter type names, usually empty
 * @param part course part id (validated at discovery)
 * @param points points when it passes, positive
 * @param order order of difficulty within its part: lower runs first
 * @param hidden a hidden test: graded, but not in the handout (see {@code CourseTree})
 */
public record GradedTest(String className, String methodName, String parameterTypes, String part,
                         int points, int order, boolean hidden) {
    /** Course order within a part: by {@link #order}, then by {@link #displayName}. */
    public static final Comparator<GradedTest> RUN_ORDER =
            Comparator.comparingInt(GradedTest::order).thenComparing(GradedTest::displayName);

    /** {@code SimpleClass.method}: how people see the test. */
    public String displayName() {
        return simpleClassName() + "." + methodName;
    }

    /** How reports name the test: {@link #displayName}, marked when hidden. */
    public String label() {
        return hidden ? displayName() + " (hidden)" : displayName();
    }

    /** This test, hidden or not as given. */
    public GradedTest withHidden(boolean isHidden) {
        return new GradedTest(className, methodName, parameterTypes, part, points, order, isHidden);
    }

    /** The class name without its package. */
    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
