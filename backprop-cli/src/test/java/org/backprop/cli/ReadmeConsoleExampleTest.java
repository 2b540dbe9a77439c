package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's worked command-line example is what the commands print: every {@code $ ./backprop …}
 * command of its first {@code console} block runs on the committed {@code examples/} tables (output
 * files go to a temporary directory), and each line the README shows under it, apart from
 * {@code ...}, must appear in that command's output in the same order.
 */
class ReadmeConsoleExampleTest {
    private static final Path README = Path.of("..", "README.md");
    private static final String PROMPT = "$ ./backprop ";

    @TempDir
    Path dir;

    @Test
    void everyCommandPrintsWhatTheReadmeShows() throws IOException {
        List<Command> commands = commands(Files.readAllLines(README));
        assertTrue(commands.size() >= 5, "README example commands: " + commands.size());
        for (Command command : commands) {
            CliRun run = CliRun.of(command.args(dir).toArray());
            assertEquals(0, run.exitCode(), command.line + "\n" + run);
            String printed = (run.out() + run.err()).replace(dir + "/", "").replace("../examples/", "examples/");
            int from = 0;
            for (String expected : command.expected) {
                int at = printed.indexOf(expected + "\n", from);
                assertTrue(at >= 0, command.line + "\nmissing or out of order: " + expected + "\n" + printed);
                from = at + expected.length();
            }
        }
    }

    /** One command of the example and the lines the README shows for it. */
    private static final class Command {
        final String line;
        final List<String> expected = new ArrayList<>();

        Command(String line) {
            this.line = line;
        }

        /** The arguments, with the example tables under ../examples and every other file in {@code dir}. */
        List<String> args(Path dir) {
            String command = line.substring(PROMPT.length());
            int comment = command.indexOf("  #");
            if (comment >= 0) {
                command = command.substring(0, comment);
            }
            List<String> args = new ArrayList<>();
            String previous = "";
            for (String word : command.trim().split("\\s+")) {
                if (word.startsWith("examples/")) {
                    args.add("../" + word);
                } else if (previous.equals("--out") || previous.equals("--model") || previous.equals("--plot")
                        || previous.startsWith("--metrics-json")) {
                    args.add(dir.resolve(word).toString());
                } else {
                    args.add(word);
                }
                previous = word;
            }
            return args;
        }
    }

    private static List<Command> commands(List<String> readme) {
        int start = readme.indexOf("```console");
        assertTrue(start >= 0, "README has no console block");
        List<Command> commands = new ArrayList<>();
        Command current = null;
        for (int i = start + 1; i < readme.size() && !readme.get(i).equals("```"); i++) {
            String line = readme.get(i);
            if (line.startsWith(PROMPT)) {
                String full = line;
                while (full.endsWith("\\")) {
                    full = full.substring(0, full.length() - 1) + " " + readme.get(++i).trim();
                }
                current = new Command(full);
                commands.add(current);
            } else if (!line.equals("...")) {
                assertFalse(current == null, "README console block starts without a command: " + line);
                current.expected.add(line);
            }
        }
        return commands;
    }
}
