package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented model layout, proven by a second implementation: the NumPy reference reader
 * ({@code backprop-io/src/test/python/backprop_predict.py}) must print the predictions of
 * {@code backprop predict} on raw rows with text, gaps and unseen levels. The only skip allowed:
 * no {@code python3} on the machine (NumPy missing is a failure).
 */
class PythonReferenceReaderTest {
    private static final Path SCRIPT = Path.of("..", "backprop-io", "src", "test", "python", "backprop_predict.py");

    @TempDir
    Path dir;

    private static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String python(Path model, Path data) throws Exception {
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), model.toString(), data.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static void assertSamePredictions(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        assertEquals(e.size(), a.size(), actual);
        assertEquals(e.get(0), a.get(0), "header");
        for (int i = 1; i < e.size(); i++) {
            String[] ec = e.get(i).split(",");
            String[] ac = a.get(i).split(",");
            assertEquals(ec.length, ac.length, a.get(i));
            for (int j = 0; j < ec.length; j++) {
                try {
                    double x = Double.parseDouble(ec[j]);
                    double y = Double.parseDouble(ac[j]);
                    assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), "row " + i + " column " + j);
                } catch (NumberFormatException notANumber) {
                    assertEquals(ec[j], ac[j], "row " + i + " column " + j);
                }
            }
        }
    }

    @Test
    void pythonReaderPrintsTheSamePredictionsAsBackpropPredict() throws Exception {
        Assumptions.assumeTrue(hasPython(), "python3 is not installed (the one allowed reason to skip)");
        Path data = TestCsv.write(dir.resolve("mixed.csv"), RealTablesTest.mixedTable());
        Path fresh = TestCsv.write(dir.resolve("new.csv"), "note,size,city,price,id\nnew,2,Lyon,1,a\n\"old \",NA,Toulouse,"
                + "1,b\nNone, 3.5 ,,1,c\n\"big flat\",4,Brest,2,d\n");
        for (String[] args : new String[][] {{"--target", "price", "--activation", "tanh"},
            {"--target", "price", "--embed", "city,note", "--activation", "elu"},
            {"--target", "city", "--drop-missing-target", "--activation", "gelu"}}) {
            Path model = dir.resolve(args[1] + args.length + ".safetensors");
            String[] base = {"train", "--data", data.toString(), "--out", model.toString(), "--epochs", "3",
                "--layers", "6,5"};
            String[] all = new String[base.length + args.length];
            System.arraycopy(base, 0, all, 0, base.length);
            System.arraycopy(args, 0, all, base.length, args.length);
            CliRun train = CliRun.of((Object[]) all);
            assertEquals(0, train.exitCode(), train::toString);
            Path input = args[1].equals("city") ? TestCsv.write(dir.resolve("nocity.csv"),
                    Files.readString(fresh).replace(",Toulouse,", ",Lyon,")) : fresh;
            CliRun predict = CliRun.of("predict", "--model", model, "--data", input);
            assertEquals(0, predict.exitCode(), predict::toString);
            assertSamePredictions(predict.out(), python(model, input));
        }
    }

    @Test
    void pythonReaderReadsTheTrainingFilesSeparatorAndDecimalMarkFromTheModel() throws Exception {
        Assumptions.assumeTrue(hasPython(), "python3 is not installed (the one allowed reason to skip)");
        Path european = TestCsv.write(dir.resolve("european.csv"),
                RealTablesTest.mixedTable().replace(',', ';').replace('.', ','));
        Path model = dir.resolve("european.safetensors");
        CliRun train = CliRun.of("train", "--data", european, "--separator", ";", "--decimal", ",", "--target",
                "price", "--out", model, "--epochs", "3", "--layers", "6");
        assertEquals(0, train.exitCode(), train::toString);
        CliRun predict = CliRun.of("predict", "--model", model, "--data", european);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertSamePredictions(predict.out(), python(model, european));
    }
}
