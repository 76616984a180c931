package kvlab.grader.build;

/** Maven could not build the graded modules; the message holds Maven's error lines (compiler errors first). */
public final class BuildFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildFailedException(String errors) {
        super(errors);
    }
}
