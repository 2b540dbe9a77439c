package org.backprop.io.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.io.csv.ColumnarCsvReader;
import org.backprop.io.csv.ColumnarReadOptions;
import org.backprop.io.csv.ColumnarTable;
import org.junit.jupiter.api.Test;

class TabularTrainingNoticesTest {

    @Test
    void aColumnOfDatesIgnoredForItsRareLevelsGetsOneLineNotAlsoTheCategoricalOne() {
        StringBuilder csv = new StringBuilder("date,x,y\n");
        for (int r = 0; r < 40; r++) {
            csv.append("2020-01-").append(String.format("%02d", 1 + r / 2)).append(',').append(r).append(',')
                    .append(r * 0.5).append('\n');
        }
        ColumnarTable t = ColumnarCsvReader.parse("d.csv", csv.toString().getBytes(UTF_8), ColumnarReadOptions.all());
        List<String> dateLines = TabularTraining.prepare(t, "y", TabularOptions.defaults()).notes().stream()
                .filter(l -> l.startsWith("column \"date\"")).toList();
        assertEquals(1, dateLines.size(), dateLines.toString());
        assertTrue(dateLines.get(0).startsWith("column \"date\": ignored, every level is rare"), dateLines.get(0));
    }
}
