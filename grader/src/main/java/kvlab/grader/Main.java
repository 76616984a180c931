package kvlab.grader;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kvlab.grader.cli.CheckCommand;
import kvlab.grader.cli.GradeCommand;
import kvlab.grader.cli.HandoutCommand;
import kvlab.grader.cli.ListCommand;
import kvlab.grader.cli.PackageCommand;
import kvlab.grader.cli.ReplayCommand;
import kvlab.grader.cli.StressCommand;
import kvlab.grader.course.CourseTree;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code kvlab} command line. Exit codes: 0 success, 1 failure (a graded test failed, the
 * build failed, a check found changes), 2 usage error.
 *
 * <p>The course root comes from {@code -Dkvlab.root} (set by {@code ./kvlab}), or else is the
 * nearest directory at or above the working directory holding {@code kvlab} and {@code pom.xml}.
 */
@Command(name = "kvlab", mixinStandardHelpOptions = true, version = "KVLab grader 1.0",
        description = "Grades, lists and hands out the KVLab course.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: grade, list, handout, check, replay, stress or package");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, Boolean.getBoolean("kvlab.tty"));
        System.exit(execute(new CourseTree(root()), console, args));
    }

    /** Runs one command against the course at {@code course}; returns its exit code. */
    public static int execute(CourseTree course, Console console, String... args) {
        CommandLine cli = new CommandLine(new Main())
                .addSubcommand(new GradeCommand(course, console))
                .addSubcommand(new ListCommand(course, console))
                .addSubcommand(new HandoutCommand(course, console))
                .addSubcommand(new CheckCommand(course, console))
                .addSubcommand(new ReplayCommand(course, console))
                .addSubcommand(new StressCommand(course, console))
                .addSubcommand(new PackageCommand(course, console))
                .setOut(console.out())
                .setErr(console.err())
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (!(e instanceof GradingException)) {
                        throw e;
                    }
                    cmd.getErr().println("kvlab: " + e.getMessage());
                    return 1;
                });
        int code = cli.execute(args);
        console.out().flush();
        console.err().flush();
        return code;
    }

    /** A usage error is one line naming the mistake and one pointing to help, not the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + e.getMessage());
        cmd.getErr().println("Try '" + name + " --help' for usage.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static Path root() {
        String configured = System.getProperty("kvlab.root");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("kvlab")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
