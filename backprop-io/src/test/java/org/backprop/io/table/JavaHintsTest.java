package org.backprop.io.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backprop.io.Audience;
import org.backprop.io.DataException;
import org.backprop.io.OptionName;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages to a Java caller of Tabular name TabularOptions methods, not backprop train's flags. */
class JavaHintsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTargetSuggestsWithDropMissingTarget() throws Exception {
        Path csv = Files.writeString(dir.resolve("gaps.csv"), "x,y\n1,2\n2,\n3,6\n4,8\n");
        DataException e = assertThrows(DataException.class,
                () -> Tabular.train(csv, "y", TabularOptions.defaults().withEpochs(1)));
        assertTrue(e.getMessage().endsWith("leave such rows out with TabularOptions.withDropMissingTarget(true)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("--"), e.getMessage());
        assertEquals(3, e.getLine(), "the location stays");
        assertEquals(csv + ", line 3, column 2 \"y\": " + e.getProblem(), e.getMessage());
    }

    @Test
    void aSemicolonFileSuggestsWithSeparator() throws Exception {
        Path csv = Files.writeString(dir.resolve("semi.csv"), "x;y\n1;2\n2;4\n");
        DataException e = assertThrows(DataException.class,
                () -> Tabular.train(csv, "y", TabularOptions.defaults().withEpochs(1)));
        assertTrue(e.getMessage().contains("(read it with TabularOptions.withSeparator(';'))"), e.getMessage());
        DataException cli = assertThrows(DataException.class, () -> ColumnarCsvReader.read(csv, ColumnarReadOptions.all()));
        assertTrue(cli.getMessage().contains("(read it with --separator ';')"), "the command line's form, as written");
        assertEquals(e.getMessage(), cli.forAudience(Audience.JAVA).getMessage());
        assertTrue(cli.getOptions().contains(OptionName.separator(';')));
    }

    @Test
    void aModelFileAsDataSuggestsTabularModelLoad() throws Exception {
        Path csv = TabularTest.houses(dir, 30);
        Path model = dir.resolve("m.safetensors");
        try (TabularModel m = Tabular.train(csv, "price", TabularOptions.defaults().withEpochs(1))) {
            m.save(model);
            DataException e = assertThrows(DataException.class, () -> m.predict(model));
            assertTrue(e.getMessage().endsWith("did you mean TabularModel.load(file)?"), e.getMessage());
        }
    }

    @Test
    void theLogSuggestsWithIgnoreAndWithTask() throws Exception {
        StringBuilder sb = new StringBuilder("Customer ID,x,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append(1000 + i).append(',').append(i % 7).append(',').append(i * 0.5 + i % 3).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("ids.csv"), sb.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (TabularModel m = Tabular.train(csv, "y", TabularOptions.defaults().withEpochs(1),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String log = printed.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("TabularOptions.withIgnore(\"Customer ID\") leaves it out"), log);
            assertTrue(log.contains("TabularOptions.withTask(Task.CLASSIFICATION) overrides"), log);
            assertFalse(log.contains("--"), log);
        }
    }
}
