package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.backprop.io.model.Model;
import org.backprop.io.model.ModelFile;
import org.backprop.io.preprocess.CategoricalEncoder;
import org.backprop.io.preprocess.NumericEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables as they come: text columns, gaps, identifiers, typos, missing targets; one command each. */
class RealTablesTest {
    @TempDir
    Path dir;

    /**
     * 60 rows: an identifier, a city (3 common levels, one seen once, a few NA), a size with gaps, a
     * quoted note whose values include None and a trailing space, and price = 10·size + city effect.
     */
    static String mixedTable() {
        StringBuilder sb = new StringBuilder("id,city,size,note,price\n");
        String[] cities = {"Lyon", "Paris", "Nice"};
        for (int i = 0; i < 60; i++) {
            String city = i == 7 ? "Brest" : i % 11 == 5 ? "NA" : cities[i % 3];
            String size = i % 9 == 4 ? "" : Double.toString(1 + (i % 8) * 0.5);
            String note = i % 4 == 0 ? "None" : i % 4 == 1 ? "\"big flat\"" : i % 4 == 2 ? "\"old \"" : "new";
            double price = 10 * (1 + (i % 8) * 0.5) + (i % 3) * 5 + 0.25 * (i % 2);
            sb.append("u").append(1000 + i).append(',').append(city).append(',').append(size).append(',')
                    .append(note).append(',').append(price).append('\n');
        }
        return sb.toString();
    }

    private CliRun train(Path data, String... more) {
        String[] base = {"train", "--data", data.toString(), "--out", dir.resolve("m.safetensors").toString(),
            "--epochs", "3", "--layers", "8", "--activation", "tanh"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of((Object[]) args);
    }

    @Test
    void mixedTableTrainsPredictsAndEvaluatesFromOneCommand() throws Exception {
        Path data = TestCsv.write(dir.resolve("mixed.csv"), mixedTable());
        CliRun run = train(data, "--target", "price");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("column \"city\": categorical, 3 levels [\"Lyon\", \"Nice\", \"Paris\"], 1 rare "
                + "level (fewer than 5 rows) merged into city:rare, 5 missing (a level of its own)"), run::toString);
        assertTrue(run.out().contains("column \"size\": numeric, median"), run::toString);
        assertTrue(run.out().contains("column \"note\": categorical, 4 levels [\"None\", \"big flat\", \"new\", \"old \"]"),
                run::toString);
        assertTrue(run.out().contains("column \"id\": ignored, identifier-like"), run::toString);
        Path modelFile = dir.resolve("m.safetensors");
        try (Model m = ModelFile.load(modelFile)) {
            CategoricalEncoder city = (CategoricalEncoder) m.preprocessor().encoders().get(0);
            assertEquals(java.util.List.of("Brest"), city.rareLevels());
            NumericEncoder size = (NumericEncoder) m.preprocessor().encoders().get(1);
            assertTrue(size.indicator());
            assertEquals(java.util.List.of("city=Lyon", "city=Nice", "city=Paris", "city:rare", "city:missing", "size",
                    "size:missing", "note=None", "note=big flat", "note=new", "note=old "), m.features());
        }

        Path fresh = TestCsv.write(dir.resolve("new.csv"), "note,size,city,price\nnew,2,Lyon,1\n\"old \",NA,Toulouse,1\n"
                + "None,3,,1\n");
        CliRun predict = CliRun.of("predict", "--model", modelFile, "--data", fresh);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertEquals(4, predict.out().split("\n").length, predict::toString);
        assertTrue(predict.err().contains("backprop: warning: " + fresh + ": column \"city\": 1 row with a level not seen in "
                + "training, encoded as the rare levels' input city:rare (e.g. \"Toulouse\")"), predict::toString);

        CliRun evaluate = CliRun.of("evaluate", "--model", modelFile, "--data", data);
        assertEquals(0, evaluate.exitCode(), evaluate::toString);
        assertTrue(evaluate.out().contains("r2"), evaluate::toString);

        CliRun inspect = CliRun.of("inspect", "--model", modelFile, "--data", data, "--rows", "0:2");
        assertEquals(0, inspect.exitCode(), inspect::toString);
        assertTrue(inspect.out().contains("  city: categorical, 3 levels"), inspect::toString);
        assertTrue(inspect.out().contains("  id: ignored, identifier-like"), inspect::toString);

        CliRun gradcheck = CliRun.of("gradcheck", "--model", modelFile, "--data", data, "--rows", "0:4");
        assertTrue(gradcheck.out().contains("gradient check"), gradcheck::toString);
    }

    @Test
    void datesPercentagesAndAmountsAreNamedNotSilentlyTurnedIntoCategories() throws Exception {
        StringBuilder csv = new StringBuilder("day,rate,income,city,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append("2021-02-").append(String.format("%02d", 1 + i % 28)).append(',').append(i % 6).append(".4%,")
                    .append("\"$").append(10 + i).append(",").append(100 + i).append("\",").append(i % 2 == 0 ? "Lyon"
                    : "Nice").append(',').append(i * 0.5).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("money.csv"), csv.toString());
        CliRun run = train(data, "--target", "y");
        assertEquals(0, run.exitCode(), run::toString);
        String out = run.out();
        assertTrue(out.contains("column \"day\": ignored, every level is rare (28 levels, each in fewer than 5 training "
                + "rows), so as one constant input it would teach the model nothing; as levels, dates seldom repeat and "
                + "new rows bring dates never seen: backprop does not read dates; add numeric columns derived from it "
                + "(e.g. year, month, day of week)\n"), run::toString);
        assertEquals(1, out.split("column \"day\"", -1).length - 1, "one line, not also 'so categorical': " + out);
        assertTrue(out.contains("column \"income\": ignored, looks like amounts with a currency sign or thousands "
                + "separators (\"$10,100\"), every value distinct: backprop reads them as text; write plain numbers "
                + "(10100) to use the column as a number\n"), run::toString);
        assertTrue(out.contains("column \"rate\": categorical, 6 levels"), run::toString);
        assertTrue(out.contains("column \"rate\": looks like percentages (\"0.4%\"), so categorical: backprop reads "
                + "them as text; write plain numbers (0.4 or 0.004) to use the column as a number\n"), run::toString);
        assertFalse(out.contains("column \"city\": looks like"), run::toString);
        assertFalse(out.contains("--categorical"), "no column of distinct values is sent to --categorical: " + out);
        assertEquals(2, out.split("column \"rate\"", -1).length - 1, "one description, one notice: " + out);
    }

    @Test
    void embeddedColumnsTrainSaveAndPredict() throws Exception {
        Path data = TestCsv.write(dir.resolve("e.csv"), mixedTable());
        CliRun run = train(data, "--target", "price", "--embed", "city");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("column \"city\": embedded (width 4, 5 codes) categorical, 3 levels"),
                run::toString);
        Path modelFile = dir.resolve("m.safetensors");
        try (Model m = ModelFile.load(modelFile)) {
            assertEquals("city:code", m.features().get(0));
            assertEquals(0.0, m.featureScaler().mean()[0], "codes are not standardized");
            assertEquals(1.0, m.featureScaler().scale()[0]);
            assertTrue(m.network().parameters().parameters().stream().anyMatch(p -> p.name().equals("embedding1.E0")));
        }
        Path fresh = TestCsv.write(dir.resolve("new.csv"), "note,size,city\nnew,2,Lyon\nnew,2,Toulouse\nnew,2,\n");
        CliRun predict = CliRun.of("predict", "--model", modelFile, "--data", fresh);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertTrue(predict.err().contains("1 row with a level not seen in training"), predict::toString);
        CliRun gradcheck = CliRun.of("gradcheck", "--model", modelFile, "--data", data, "--rows", "0:4");
        assertTrue(gradcheck.out().contains("embedding1.E0") || gradcheck.out().contains("gradient check"),
                gradcheck::toString);
    }

    @Test
    void aTypoInANumericColumnIsADataErrorNamingTheCellAndCountingAll() throws Exception {
        String table = mixedTable().replace(",2.5,", ",2.5x,").replaceFirst("u1003,Lyon", "u1003,Lyon");
        Path data = TestCsv.write(dir.resolve("typo.csv"), table);
        CliRun run = train(data, "--target", "price");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("typo.csv, line 5, column 3 \"size\": not a number; found \"2.5x\" (the column "
                + "is mostly numbers"), run::toString);
        assertTrue(run.err().contains(" bad cells in this column"), run::toString);
        assertFalse(Files.exists(dir.resolve("m.safetensors")));
        assertEquals(0, train(data, "--target", "price", "--categorical", "size").exitCode());
    }

    @Test
    void missingErrorPolicyCountsEveryMissingCell() throws Exception {
        Path data = TestCsv.write(dir.resolve("gaps.csv"), mixedTable());
        CliRun run = train(data, "--target", "price", "--missing", "error");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("gaps.csv, line 7, column 2 \"city\": missing value; 12 missing cells in all, the first "
                + "of each column: line 7, column 2 \"city\" (5); line 6, column 3 \"size\" (7)"),
                run::toString);
    }

    @Test
    void missingTargetIsAnErrorOrDroppedOnRequest() throws Exception {
        Path data = TestCsv.write(dir.resolve("t.csv"), "a,y\n1,2.5\n2,NA\n3,4.5\n4,\n5,1.5\n6,2\n");
        CliRun run = train(data, "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("t.csv, line 3, column 2 \"y\": missing target value (2 missing cells in this "
                + "column); fix it, or leave such rows out with --drop-missing-target"), run::toString);
        CliRun dropped = train(data, "--target", "y", "--drop-missing-target");
        assertEquals(0, dropped.exitCode(), dropped::toString);
        assertTrue(dropped.out().contains("dropped 2 rows with a missing target"), dropped::toString);
    }

    @Test
    void evaluateAndTheTestFileLeaveOutMissingTargetsOnRequestAsTrainDoes() throws Exception {
        Path data = TestCsv.write(dir.resolve("t.csv"), "a,y\n1,2.5\n2,3\n3,4.5\n4,6\n5,1.5\n6,2\n");
        Path test = TestCsv.write(dir.resolve("test.csv"), "a,y\n1,2.5\n2,NA\n3,4.5\n4,\n");
        Path model = dir.resolve("m.safetensors");
        assertEquals(0, train(data, "--target", "y").exitCode());
        CliRun refused = CliRun.of("evaluate", "--model", model, "--data", test);
        assertEquals(ExitCodes.DATA, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("test.csv, line 3, column 2 \"y\": missing target value (2 missing cells in "
                + "this column); fix it, or leave such rows out with --drop-missing-target"), refused::toString);
        CliRun evaluated = CliRun.of("evaluate", "--model", model, "--data", test, "--drop-missing-target");
        assertEquals(0, evaluated.exitCode(), evaluated::toString);
        assertTrue(evaluated.out().startsWith(test + ": dropped 2 rows with a missing target (--drop-missing-target)\n"
                + "data (2 rows):\n"), evaluated::toString);
        Path complete = TestCsv.write(dir.resolve("complete.csv"), "a,y\n1,2.5\n3,4.5\n");
        CliRun same = CliRun.of("evaluate", "--model", model, "--data", complete);
        assertEquals(evaluated.out().substring(evaluated.out().indexOf('\n') + 1), same.out(),
                "the metrics of the rows that have a target");

        for (String command : new String[] {"inspect", "gradcheck"}) {
            CliRun without = CliRun.of(command, "--model", model, "--data", test, "--rows", "0:2");
            assertEquals(ExitCodes.DATA, without.exitCode(), without::toString);
            CliRun with = CliRun.of(command, "--model", model, "--data", test, "--rows", "0:2", "--drop-missing-target");
            assertEquals(0, with.exitCode(), with::toString);
            assertTrue(with.out().contains(test + ": dropped 2 rows with a missing target"), with::toString);
        }

        Path classes = TestCsv.write(dir.resolve("c.csv"), "a,y\n1,x\n2,x\n3,z\n4,z\n5,x\n6,z\n");
        assertEquals(0, train(classes, "--target", "y").exitCode());
        Path unlabeled = TestCsv.write(dir.resolve("cu.csv"), "a,y\n1,x\n2,?\n6,z\n");
        CliRun cls = CliRun.of("evaluate", "--model", model, "--data", unlabeled, "--drop-missing-target");
        assertEquals(0, cls.exitCode(), cls::toString);
        assertTrue(cls.out().contains("data (2 rows):"), cls::toString);

        CliRun withTest = train(data, "--target", "y", "--test", test.toString(), "--drop-missing-target");
        assertEquals(0, withTest.exitCode(), withTest::toString);
        assertTrue(withTest.out().contains(test + ": dropped 2 rows with a missing target") && withTest.out()
                .contains("test (2 rows):"), withTest::toString);
    }

    @Test
    void wholeNumberClassesWrittenWithAFractionAreOneClassWithTheirPlainSpelling() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 24; i++) {
            csv.append(i).append(',').append(new String[] {"1", "1.0", "2.0", "2", "07"}[i % 5]).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("whole.csv"), csv.toString());
        CliRun run = train(data, "--target", "y");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("task: classification (target \"y\" has only 3 distinct whole numbers"),
                run::toString);
        try (Model m = ModelFile.load(dir.resolve("m.safetensors"))) {
            assertEquals(java.util.List.of("1", "2", "07"), m.labels().classes(), "07 as written, 1.0 = 1");
        }
        Path fresh = TestCsv.write(dir.resolve("fresh.csv"), "x,y\n1,1e0\n2,2.00\n3,07\n");
        CliRun evaluate = CliRun.of("evaluate", "--model", dir.resolve("m.safetensors"), "--data", fresh);
        assertEquals(0, evaluate.exitCode(), evaluate::toString);
        assertTrue(evaluate.out().contains("data (3 rows):"), evaluate::toString);
    }

    @Test
    void aTinyTableOfManyWholeNumbersIsRegressionAndSaysHowToOverride() throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i).append(',').append(1 + i % 8).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("tiny.csv"), csv.toString());
        CliRun run = train(data, "--target", "y");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("task: regression (target \"y\" has 8 distinct whole numbers in only 12 rows, "
                + "fewer than 5 rows per value on average: too few to be classes; --task classification overrides)\n"),
                run::toString);
        CliRun asked = train(data, "--target", "y", "--task", "classification");
        assertEquals(0, asked.exitCode(), asked::toString);
        assertTrue(asked.out().contains("training classification on 12 rows"), asked::toString);
    }

    @Test
    void oneRowAndOneFeatureAreSaidInTheSingular() throws Exception {
        Path data = TestCsv.write(dir.resolve("one.csv"), "a,y\n1,2.5\n");
        CliRun run = train(data, "--target", "y", "--task", "regression");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("training regression on 1 row (0 validation), 1 feature → "), run::toString);
        assertTrue(run.out().contains("\ntrain (1 row):\n"), run::toString);
    }

    @Test
    void aClassificationTargetNeverGetsAMissingClass() throws Exception {
        Path data = TestCsv.write(dir.resolve("c.csv"), "a,kind\n1,cat\n2,dog\n3,NA\n4,cat\n5,dog\n");
        CliRun run = train(data, "--target", "kind");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("c.csv, line 4, column 2 \"kind\": missing target value"), run::toString);
        CliRun dropped = train(data, "--target", "kind", "--drop-missing-target");
        assertEquals(0, dropped.exitCode(), dropped::toString);
        try (Model m = ModelFile.load(dir.resolve("m.safetensors"))) {
            assertEquals(java.util.List.of("cat", "dog"), m.labels().classes());
        }
    }

    @Test
    void aTypoInANumericTargetIsADataError() throws Exception {
        StringBuilder sb = new StringBuilder("a,y\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(',').append(i == 12 ? "4O.5" : i * 1.5).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("y.csv"), sb.toString());
        CliRun run = train(data, "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("y.csv, line 14, column 2 \"y\": not a number; found \"4O.5\" (1 bad cell in the "
                + "target, which is mostly numbers (29): fix it, or use --task classification"), run::toString);
        Path marks = TestCsv.write(dir.resolve("n.csv"), sb.toString().replace("4O.5", "n/a").replace("\n13,19.5", "\n13,-"));
        CliRun missing = train(marks, "--target", "y");
        assertEquals(ExitCodes.DATA, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("n.csv, line 15, column 2 \"y\": not a number; found \"-\" (1 bad cell in "
                + "the target, which is mostly numbers (28): fix it, or if it means missing, add the text to "
                + "--na-values (which replaces the default list NA,N/A,NaN,null,?: keep those in it) and use "
                + "--drop-missing-target, or use --task classification if it holds class labels)"),
                () -> missing + " (pandas' n/a is a missing cell among numbers)");
        assertEquals(ExitCodes.OK, train(marks, "--target", "y", "--na-values", "n/a,-", "--drop-missing-target")
                .exitCode());
        Path text = TestCsv.write(dir.resolve("text.csv"), "a,y\n1,red\n2,blue\n");
        CliRun regression = train(text, "--target", "y", "--task", "regression");
        assertEquals(ExitCodes.DATA, regression.exitCode(), regression::toString);
        assertTrue(regression.err().endsWith("not a number; found \"red\" (2 bad cells in the target: a regression "
                + "needs numbers; --task classification if it holds class labels)\n"), regression::toString);
        Path overflow = TestCsv.write(dir.resolve("o.csv"), "a,y\n1,1\n2,1e400\n3,2\n");
        CliRun big = train(overflow, "--target", "y");
        assertEquals(ExitCodes.DATA, big.exitCode(), big::toString);
        assertTrue(big.err().contains("o.csv, line 3, column 2 \"y\": number too large"), big::toString);
    }

    @Test
    void aTargetOfNumbersWithCommasIsRefusedUnlessClassificationIsAsked() throws Exception {
        StringBuilder sb = new StringBuilder("a,price\n");
        for (int i = 0; i < 120; i++) {
            sb.append(i % 7).append(",\"").append(String.format(java.util.Locale.ROOT, "%,d", 50_000 + 1_037 * i))
                    .append("\"\n");
        }
        Path data = TestCsv.write(dir.resolve("grouped.csv"), sb.toString());
        CliRun run = train(data, "--target", "price");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("grouped.csv, line 2, column 2 \"price\": a number written with a comma would make the "
                + "target text (class labels); read decimal commas with --decimal ',' (the separator must then be ';', "
                + "tab or '|'), remove thousands separators, or use --task classification if these are labels; found "
                + "\"50,000\""), run::toString);
        assertFalse(Files.exists(dir.resolve("m.safetensors")));
        assertEquals(0, train(data, "--target", "price", "--task", "classification").exitCode());
    }

    @Test
    void aTextTargetOfMostlyDistinctValuesIsRefusedUnlessClassificationIsAsked() throws Exception {
        StringBuilder sb = new StringBuilder("a,name\n");
        for (int i = 0; i < 120; i++) {
            sb.append(i % 7).append(",n").append(1000 + i * 7).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("names.csv"), sb.toString());
        CliRun run = train(data, "--target", "name");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("names.csv, line 2, column 2 \"name\": the target has 120 distinct text values in 120 "
                + "rows, too many to be class labels (--task classification trains a classifier anyway)"), run::toString);
    }

    @Test
    void columnsNamedLikeGeneratedInputsTrainInspectAndPredict() throws Exception {
        StringBuilder csv = new StringBuilder("x,x:missing,c,c=red,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i % 4 == 0 ? "" : i).append(',').append(i % 2).append(',').append(i % 3 == 0 ? "blue" : "red")
                    .append(',').append(i * 0.5).append(',').append(i * 1.5).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("collide.csv"), csv.toString());
        CliRun run = train(data, "--target", "y");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("column \"x\": input \"x:missing\" is named \"x:missing~2\""), run::toString);
        Path model = dir.resolve("m.safetensors");
        CliRun inspect = CliRun.of("inspect", model);
        assertEquals(0, inspect.exitCode(), inspect::toString);
        assertTrue(inspect.out().contains("  x:missing~2 ") && inspect.out().contains("  c=red~2 "), inspect::toString);
        CliRun predict = CliRun.of("predict", "--model", model, "--data", data);
        assertEquals(0, predict.exitCode(), predict::toString);
        assertEquals(21, predict.out().split("\n").length, predict::toString);
    }

    @Test
    void columnsMayBeNamedAsWrittenInTheHeaderWithTheirSpaces() throws Exception {
        StringBuilder csv = new StringBuilder("size, Gewicht kg ,colour,w\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i * 1.5).append(',').append(i % 2 == 0 ? "red" : "blue").append(",1\n");
        }
        Path data = TestCsv.write(dir.resolve("spaces.csv"), csv.toString());
        CliRun run = train(data, "--target", " Gewicht kg ", "--features", "size, colour ", "--categorical", " colour",
                "--weight-column", " w ");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("task: regression (target \"Gewicht kg\""), run::toString);
        CliRun ignored = train(data, "--target", "Gewicht kg", "--ignore", " colour ,w ");
        assertEquals(0, ignored.exitCode(), ignored::toString);
        assertTrue(ignored.out().contains("column \"colour\": ignored, declared with --ignore"), ignored::toString);
        CliRun predict = CliRun.of("predict", "--model", dir.resolve("m.safetensors"), "--data", data, "--id-column",
                " w ");
        assertEquals(0, predict.exitCode(), predict::toString);
        assertTrue(predict.out().startsWith("w,Gewicht kg_predicted\n"), predict::toString);
    }

    @Test
    void aFeatureOfNumbersWithCommasIsADataErrorUnlessDeclaredCategorical() throws Exception {
        Path data = TestCsv.write(dir.resolve("eu.csv"), "size;price\n3,5;10\n4,25;12\n5;14\n6,5;15\n");
        CliRun run = train(data, "--target", "price", "--separator", ";");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("eu.csv, line 2, column 1 \"size\": a number written with a comma would make "
                + "this column text; read decimal commas with --decimal ','"), run::toString);
        assertEquals(0, train(data, "--target", "price", "--separator", ";", "--decimal", ",").exitCode());
        assertEquals(0, train(data, "--target", "price", "--separator", ";", "--categorical", "size",
                "--min-level-count", "1").exitCode());
    }

    @Test
    void aConstantTargetIsRefusedWithAReasonUnlessRegressionIsAsked() throws Exception {
        Path data = TestCsv.write(dir.resolve("k.csv"), "a,y\n1,5\n2,5\n3,5\n");
        CliRun run = train(data, "--target", "y");
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("k.csv, line 2, column 2 \"y\": the target has the same value \"5\" in every row: there "
                + "is nothing to learn"), run::toString);
        assertEquals(0, train(data, "--target", "y", "--task", "regression").exitCode());
    }

    @Test
    void declarationsAreChecked() throws Exception {
        Path data = TestCsv.write(dir.resolve("d.csv"), mixedTable());
        CliRun unknown = train(data, "--target", "price", "--categorical", "nope");
        assertEquals(ExitCodes.DATA, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("no column named \"nope\""), unknown::toString);
        CliRun numeric = train(data, "--target", "price", "--numeric", "city");
        assertEquals(ExitCodes.DATA, numeric.exitCode(), numeric::toString);
        assertTrue(numeric.err().contains("column 2 \"city\": not a number; found \"Lyon\" (declared with --numeric"),
                numeric::toString);
        CliRun twice = train(data, "--target", "price", "--numeric", "size", "--ignore", "size");
        assertEquals(ExitCodes.USAGE, twice.exitCode(), twice::toString);
        CliRun ignored = train(data, "--target", "price", "--ignore", "note,city", "--categorical", "id");
        assertEquals(0, ignored.exitCode(), ignored::toString);
        assertTrue(ignored.out().contains("column \"id\": ignored, every level is rare (60 levels, each in fewer than 5 "
                + "training rows), so as one constant input it would teach the model nothing; --min-level-count 1 would "
                + "keep it, giving the levels of 1 row or more an input of their own\n"), ignored::toString);
    }

    @Test
    void aNumericRowNumberColumnIsNamedBeforeTrainingAndStaysAFeatureUnlessIgnored() throws Exception {
        StringBuilder csv = new StringBuilder("row,size,price\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i + 1).append(',').append(1 + (i * 7) % 10).append(',').append(3 + (i * 7) % 10 * 2.5).append('\n');
        }
        Path data = TestCsv.write(dir.resolve("rows.csv"), csv.toString());
        CliRun run = train(data, "--target", "price");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("column \"row\": looks like a row identifier (the whole numbers 1 … 30 counting up "
                + "by 1 in file order); it is used as a numeric feature, so predictions depend on it: --ignore row "
                + "leaves it out\n"), run::toString);
        assertTrue(run.out().contains("  r2        ") && run.out().contains("\n(training rows only: these metrics flatter "
                + "the model; --validation-split 0.2 or --test FILE measures it on rows it has not seen)\n"),
                "30 rows and --epochs: no validation split, said under the metrics:\n" + run);
        try (Model m = ModelFile.load(dir.resolve("m.safetensors"))) {
            assertEquals(java.util.List.of("row", "size"), m.features(), "a notice, not a silent drop");
        }
        CliRun ignored = train(data, "--target", "price", "--ignore", "row");
        assertEquals(0, ignored.exitCode(), ignored::toString);
        assertFalse(ignored.out().contains("looks like a row identifier"), ignored::toString);
        try (Model m = ModelFile.load(dir.resolve("m.safetensors"))) {
            assertEquals(java.util.List.of("size"), m.features());
        }
    }
}
