package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --separator} and {@code --decimal}: semicolon-, tab- and bar-separated files, and decimal
 * commas, read as their comma-separated twin.
 */
class CsvFormatTest {
    @TempDir
    Path dir;

    /** {@link RealTablesTest#mixedTable()} written with {@code separator} and {@code decimal} instead of ',' and '.'. */
    private Path mixedTable(String name, char separator, char decimal) throws Exception {
        return TestCsv.write(dir.resolve(name), RealTablesTest.mixedTable().replace(',', separator).replace('.', decimal));
    }

    private CliRun train(Path data, Path model, String... more) {
        String[] base = {"train", "--data", data.toString(), "--target", "price", "--out", model.toString(),
            "--epochs", "3", "--layers", "8", "--seed", "4"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of((Object[]) args);
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "|", "tab", "\\t"})
    void everyCommandReadsAnotherSeparatorAsTheCommaFile(String flag) throws Exception {
        String separator = flag.equals("tab") || flag.equals("\\t") ? "\t" : flag;
        Path comma = mixedTable("comma.csv", ',', '.');
        Path other = mixedTable("other.csv", separator.charAt(0), '.');
        Path commaModel = dir.resolve("comma.safetensors");
        Path otherModel = dir.resolve("other.safetensors");
        CliRun a = train(comma, commaModel);
        CliRun b = train(other, otherModel, "--separator", flag, "--test", other.toString());
        assertEquals(0, a.exitCode(), a::toString);
        assertEquals(0, b.exitCode(), b::toString);
        // same columns, losses and metrics (a alone, without --test, says its metrics are the training rows')
        String beforeSaving = a.out().substring(0, a.out().indexOf("(training rows only"));
        assertTrue(b.out().startsWith(beforeSaving), b::toString);
        assertTrue(b.out().contains("test (60 rows)"), b::toString);

        CliRun predictComma = CliRun.of("predict", "--model", commaModel, "--data", comma);
        CliRun predictOther = CliRun.of("predict", "--model", otherModel, "--data", other, "--separator", flag);
        assertEquals(0, predictOther.exitCode(), predictOther::toString);
        assertEquals(predictComma.out(), predictOther.out());

        CliRun evaluateComma = CliRun.of("evaluate", "--model", commaModel, "--data", comma);
        CliRun evaluateOther = CliRun.of("evaluate", "--model", otherModel, "--data", other, "--separator", flag);
        assertEquals(0, evaluateOther.exitCode(), evaluateOther::toString);
        assertEquals(evaluateComma.out(), evaluateOther.out());

        CliRun inspect = CliRun.of("inspect", "--model", otherModel, "--data", other, "--separator", flag, "--rows", "0:2");
        assertEquals(0, inspect.exitCode(), inspect::toString);
        CliRun gradcheck = CliRun.of("gradcheck", "--model", otherModel, "--data", other, "--separator", flag);
        assertEquals(0, gradcheck.exitCode(), gradcheck::toString);
    }

    @Test
    void decimalCommasInASemicolonFileReadAsTheCommaFile() throws Exception {
        Path comma = mixedTable("comma.csv", ',', '.');
        Path european = mixedTable("european.csv", ';', ',');
        Path commaModel = dir.resolve("comma.safetensors");
        Path europeanModel = dir.resolve("european.safetensors");
        CliRun a = train(comma, commaModel);
        CliRun b = train(european, europeanModel, "--separator", ";", "--decimal", ",");
        assertEquals(0, b.exitCode(), b::toString);
        assertTrue(b.out().startsWith(a.out().substring(0, a.out().indexOf("saved model"))), b::toString);
        assertTrue(b.out().contains("column \"size\": numeric, median 2.5"), b::toString);
        CliRun predictComma = CliRun.of("predict", "--model", commaModel, "--data", comma);
        CliRun predictEuropean = CliRun.of("predict", "--model", europeanModel, "--data", european, "--separator", ";",
                "--decimal", ",");
        assertEquals(predictComma.out(), predictEuropean.out());

        CliRun withoutDecimal = train(european, europeanModel, "--separator", ";");
        assertEquals(ExitCodes.DATA, withoutDecimal.exitCode(), withoutDecimal::toString);
        assertTrue(withoutDecimal.err().contains("a number written with a comma would make the target text"),
                withoutDecimal::toString);
        CliRun usage = train(comma, commaModel, "--decimal", ",");
        assertEquals(ExitCodes.USAGE, usage.exitCode(), usage::toString);
        assertTrue(usage.err().contains("--decimal ',' needs another --separator than ','"), usage::toString);
    }

    @Test
    void theModelRemembersTheTrainingFilesSeparatorAndDecimalMark() throws Exception {
        Path comma = mixedTable("comma.csv", ',', '.');
        Path european = mixedTable("european.csv", ';', ',');
        Path commaModel = dir.resolve("comma.safetensors");
        Path europeanModel = dir.resolve("european.safetensors");
        assertEquals(0, train(comma, commaModel).exitCode());
        CliRun trained = train(european, europeanModel, "--separator", ";", "--decimal", ",");
        assertEquals(0, trained.exitCode(), trained::toString);

        CliRun predict = CliRun.of("predict", "--model", europeanModel, "--data", european);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertEquals(CliRun.of("predict", "--model", commaModel, "--data", comma).out(), predict.out(),
                "no flags: the training file's ';' and ','");
        CliRun evaluate = CliRun.of("evaluate", "--model", europeanModel, "--data", european);
        assertEquals(0, evaluate.exitCode(), evaluate::toString);
        assertEquals(CliRun.of("evaluate", "--model", commaModel, "--data", comma).out(), evaluate.out());
        CliRun inspect = CliRun.of("inspect", "--model", europeanModel, "--data", european, "--rows", "0:2");
        assertEquals(0, inspect.exitCode(), inspect::toString);
        assertTrue(inspect.out().contains("; impute; separator ';', decimal ','):"), inspect::toString);
        CliRun gradcheck = CliRun.of("gradcheck", "--model", europeanModel, "--data", european);
        assertEquals(0, gradcheck.exitCode(), gradcheck::toString);

        CliRun given = CliRun.of("predict", "--model", europeanModel, "--data", comma, "--separator", ",",
                "--decimal", ".");
        assertEquals(0, given.exitCode(), given::toString);
        assertEquals(predict.out(), given.out(), "flags given win over the stored format");
        CliRun half = CliRun.of("predict", "--model", europeanModel, "--data", comma, "--separator", ",");
        assertEquals(ExitCodes.USAGE, half.exitCode(), half::toString);
        assertEquals("backprop: --separator ',' needs --decimal '.': the model's training file had a decimal comma\n",
                half.err());
        for (String command : new String[] {"predict", "evaluate"}) {
            CliRun wrong = CliRun.of(command, "--model", europeanModel, "--data", comma);
            assertEquals(ExitCodes.DATA, wrong.exitCode(), wrong::toString);
            assertTrue(wrong.err().startsWith("backprop: " + comma + ", line "), wrong::toString);
            assertTrue(wrong.err().contains("(read it with --separator ',' --decimal '.')"), wrong::toString);
            assertTrue(wrong.err().endsWith(" (the model was trained on a file separated "
                    + "by ';' with decimal commas, and reads --data so unless --separator / --decimal say otherwise)\n"),
                    "why ';' was expected: " + wrong);
        }
        CliRun commaDefaults = CliRun.of("inspect", "--model", commaModel);
        assertTrue(commaDefaults.out().contains("; impute; separator ',', decimal '.'):"), commaDefaults::toString);
    }

    @Test
    void aFileOfAnotherSeparatorNamesTheFlag() throws Exception {
        Path semicolons = TestCsv.write(dir.resolve("s.csv"), "\"a\";\"price\"\n1;2\n3;4\n");
        CliRun run = train(semicolons, dir.resolve("m.safetensors"));
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("s.csv, line 1: malformed CSV: unexpected character ';' after the closing quote "
                + "of a cell (a quote inside a quoted cell is written \"\"); the file looks like ';'-separated and "
                + "this reader expects commas (read it with --separator ';')"), run::toString);

        Path commas = TestCsv.write(dir.resolve("c.csv"), "a,price\n1,2\n3,4\n");
        CliRun wrong = train(commas, dir.resolve("m.safetensors"), "--separator", "tab");
        assertEquals(ExitCodes.DATA, wrong.exitCode(), wrong::toString);
        assertTrue(wrong.err().contains("c.csv, line 1, column 1 \"a,price\": looks like ','-separated; this reader "
                + "expects '\\t' (tab) (read it with --separator ',')"), wrong::toString);
    }

    @Test
    void theHintForACommaFileReadWithDecimalCommasGivesBothFlagsAndWorks() throws Exception {
        Path comma = mixedTable("comma.csv", ',', '.');
        CliRun wrong = train(comma, dir.resolve("m.safetensors"), "--separator", ";", "--decimal", ",");
        assertEquals(ExitCodes.DATA, wrong.exitCode(), wrong::toString);
        assertTrue(wrong.err().contains("looks like ','-separated; this reader expects ';' (read it with "
                + "--separator ',' --decimal '.')"), wrong::toString);
        CliRun fixed = train(comma, dir.resolve("m.safetensors"), "--separator", ",", "--decimal", ".");
        assertEquals(0, fixed.exitCode(), fixed::toString);
        CliRun point = train(mixedTable("semi.csv", ';', '.'), dir.resolve("m2.safetensors"), "--separator", "tab");
        assertTrue(point.err().contains("(read it with --separator ';')"), "no --decimal with a point: " + point);
    }

    @Test
    void anUnknownSeparatorIsAUsageError() {
        CliRun run = CliRun.of("predict", "--model", "m.safetensors", "--data", "d.csv", "--separator", "::");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'::' is not a separator: use ',', ';', tab or '|'"), run::toString);
    }
}
