package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link Main} adds only the subcommand a run names; help and mistakes still see all of them. */
class MainTest {
    private static final List<String> ALL = List.of("train", "predict", "evaluate", "inspect", "gradcheck", "demo",
            "help");

    private static List<String> subcommands(String... args) {
        return List.copyOf(Main.commandLine(args).getSubcommands().keySet());
    }

    @Test
    void aRunOfOneSubcommandAddsOnlyThatOne() {
        for (String name : ALL.subList(0, 6)) {
            assertEquals(List.of(name), subcommands(name, "--data", "x.csv"));
        }
    }

    @Test
    void helpNoArgumentsAndUnknownNamesAddEverySubcommandInHelpOrder() {
        assertEquals(ALL, subcommands());
        assertEquals(ALL, subcommands("--help"));
        assertEquals(ALL, subcommands("help", "train"));
        assertEquals(ALL, subcommands("trian", "--data", "x.csv"));
    }

    @Test
    void theTopLevelHelpListsEverySubcommandAndAMisspeltNameIsAUsageError() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode(), help::toString);
        for (String name : ALL) {
            assertTrue(help.out().contains("  " + name + " "), name + " in\n" + help);
        }
        CliRun typo = CliRun.of("trian");
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo::toString);
        assertEquals("backprop: Unmatched argument at index 0: 'trian' (did you mean train?)\n"
                + "Try 'backprop --help' for more information.\n", typo.err().replace("\r\n", "\n"), typo::toString);
    }

    @Test
    void everyHelpExampleFitsIn80ColumnsAndCanBePastedAsIs() {
        for (String name : ALL.subList(0, 5)) {
            List<String> shown = CliRun.of(name, "--help").out().lines().toList();
            String[] footer = Main.commandLine(name).getSubcommands().get(name).getCommandSpec().usageMessage().footer();
            int commands = 0;
            for (String line : footer) {
                if (line.startsWith("  backprop ") || line.startsWith("      --")) {
                    assertTrue(line.length() <= 80, name + ": " + line);
                    assertTrue(shown.contains(line), name + ": not shown whole (wrapped?): " + line);
                    commands += line.startsWith("  backprop " + name + " --") ? 1 : 0;
                }
            }
            assertTrue(commands > 0, name + ": " + List.of(footer));
        }
    }

    @Test
    void noSubcommandListsThem() {
        CliRun none = CliRun.of();
        assertEquals(ExitCodes.USAGE, none.exitCode(), none::toString);
        assertEquals("backprop: missing subcommand: one of train, predict, evaluate, inspect, gradcheck, demo\n"
                + "Try 'backprop --help' for more information.\n", none.err().replace("\r\n", "\n"));
    }

    @Test
    void aMisspeltOptionSuggestsTheOneMeantOnTheSameLine() {
        CliRun typo = CliRun.of("train", "--data", "x.csv", "--target", "y", "--epoch", "5");
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo::toString);
        assertEquals("backprop: Unknown options: '--epoch', '5' (did you mean --epochs?)\n"
                + "Try 'backprop train --help' for more information.\n", typo.err().replace("\r\n", "\n"),
                typo::toString);
        CliRun far = CliRun.of("train", "--data", "x.csv", "--target", "y", "--zzzzzz");
        assertEquals("backprop: Unknown option: '--zzzzzz'\nTry 'backprop train --help' for more information.\n",
                far.err().replace("\r\n", "\n"), far::toString);
    }
}
