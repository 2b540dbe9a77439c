package org.backprop.io.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.backprop.io.DataException;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    private static final List<String> MPG = List.of("manufacturer", "model", "displ", "year", "cyl", "trans", "drv",
            "cty", "hwy", "fl", "class", "Sale_Price");

    @Test
    void suggestsTheNameMeantByACaseOrSeparatorSlipOrASmallTypo() {
        assertEquals(Optional.of("hwy"), ClosestName.among("HWY", MPG));
        assertEquals(Optional.of("Sale_Price"), ClosestName.among("sale price", MPG));
        assertEquals(Optional.of("Sale_Price"), ClosestName.among("SalePrice", MPG));
        assertEquals(Optional.of("hwy"), ClosestName.among("hwyy", MPG));
        assertEquals(Optional.of("manufacturer"), ClosestName.among("manufactuer", MPG));
        assertEquals(Optional.of("class"), ClosestName.among("clas", MPG), "one edit in a 4-letter name");
    }

    @Test
    void suggestsNothingFarOff() {
        assertEquals(Optional.empty(), ClosestName.among("price", MPG));
        assertEquals(Optional.empty(), ClosestName.among("xy", MPG), "too short to guess");
        assertEquals(Optional.empty(), ClosestName.among("engine", MPG));
    }

    @Test
    void distanceIsLevenshteinCappedAtTheLimit() {
        assertEquals(3, ClosestName.distance("kitten", "sitting", 9));
        assertEquals(2, ClosestName.distance("kitten", "sitting", 2));
        assertEquals(0, ClosestName.distance("", "", 1));
    }

    @Test
    void theMissingColumnErrorCarriesTheGuess() {
        ColumnarTable t = ColumnarCsvReader.parse("cars.csv", "displ,hwy\n1.8,29\n".getBytes(UTF_8),
                ColumnarReadOptions.all());
        DataException e = assertThrows(DataException.class, () -> t.column("hwyy"));
        assertEquals("cars.csv, line 1, column \"hwyy\": no column named \"hwyy\" (did you mean \"hwy\"?); "
                + "available columns: [displ, hwy]", e.getMessage());
    }
}
