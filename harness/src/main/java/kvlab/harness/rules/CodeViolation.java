package kvlab.harness.rules;

/**
 * One place where checked code breaks a rule.
 *
 * @param sourcePath the source file, as its package path plus the class file's SourceFile name
 *                   ({@code kvlab/raft/core/Raft.java}); nested, local, anonymous and lambda code is
 *                   reported under the file it is written in
 * @param line       the source line, from the class file's line numbers; 0 when there is none (a rule
 *                   about the class itself, such as its superclass, or code compiled without lines)
 * @param call       what the code does, as a phrase that starts with a verb: {@code calls
 *                   System.currentTimeMillis()}, {@code reads System.in}, {@code extends Thread},
 *                   {@code declares native method peek(long)}
 * @param rule       why that is not allowed, in a few words a student understands
 */
public record CodeViolation(String sourcePath, int line, String call, String rule) {
    /**
     * The violation as one line, for example {@code Raft.java:120 calls System.currentTimeMillis():
     * simulated code gets time only from tick()}.
     */
    public String describe() {
        String fileName = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        return fileName + ":" + line + " " + call + ": " + rule;
    }
}
