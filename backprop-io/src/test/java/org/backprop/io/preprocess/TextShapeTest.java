package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextShapeTest {

    private static TextShape shapeOf(String... texts) {
        TextShape.Found found = TextShape.find(List.of(texts));
        return found == null ? null : found.shape();
    }

    @Test
    void isoAndDayMonthYearDatesWithOrWithoutATimeAreDates() {
        assertEquals(TextShape.DATES, shapeOf("2001-01-22", "2001-1-3", "2024-12-31"));
        assertEquals(TextShape.DATES, shapeOf("2001/01/22", "2001/12/01"));
        assertEquals(TextShape.DATES, shapeOf("22.01.2001", "1/22/2001", "31-12-1999"));
        assertEquals(TextShape.DATES, shapeOf("2001-01-22T13:05", "2001-01-22 13:05:59", "2001-01-22T13:05:59.25Z",
                "2001-01-22 13:05:59+01:00", "1/22/2001 1:05 PM", " 2001-01-22 "));
    }

    @Test
    void textThatIsNotAllDatesIsNot() {
        assertNull(shapeOf("2001-01-22", "unknown"), "one text that is no date");
        assertNull(shapeOf("2001-13-22"), "month 13");
        assertNull(shapeOf("2001-01-32"), "day 32");
        assertNull(shapeOf("13/13/2001"), "neither a month");
        assertNull(shapeOf("2001-01/22"), "two separators");
        assertNull(shapeOf("01-22"), "no year");
        assertNull(shapeOf("Lyon", "Paris"));
        assertNull(shapeOf("A-12-3", "B-1-2"), "codes with dashes");
        assertNull(shapeOf("1.2.3", "10.0.1"), "version numbers");
    }

    @Test
    void percentagesMayMixInPlainNumbersButNeedAPercentSign() {
        TextShape.Found found = TextShape.find(List.of("0", "12%", "11.4%", "3 %"));
        assertEquals(TextShape.PERCENTAGES, found.shape());
        assertEquals("11.4%", found.example(), "the least value with a percent sign, whatever the order");
        assertEquals(TextShape.PERCENTAGES, shapeOf("-3 %", "0,5%", ".5%", "+7%"));
        assertEquals("looks like percentages (\"11.4%\")", found.looksLike());
        assertEquals("backprop reads them as text; write plain numbers (11.4 or 0.114) to use the column as a number",
                found.advice());
        assertNull(shapeOf("5%", "high"));
        assertNull(shapeOf("%", "5%%"));
    }

    @Test
    void amountsHaveACurrencySignOrThousandsSeparators() {
        TextShape.Found found = TextShape.find(List.of("$18,611", "$900", "1,234.50", "12 €", "-$5", "($7)"));
        assertEquals(TextShape.AMOUNTS, found.shape());
        assertEquals("looks like amounts with a currency sign or thousands separators (\"$18,611\")",
                found.looksLike());
        assertEquals("backprop reads them as text; write plain numbers (18611) to use the column as a number",
                found.advice());
        assertEquals(TextShape.AMOUNTS, shapeOf("1.234,50 €", "€ 3"));
        assertEquals("backprop reads them as text; write plain numbers (1234.50) to use the column as a number",
                TextShape.find(List.of("1.234,50 €")).advice(), "European grouping");
        assertEquals("backprop reads them as text; write plain numbers (-7) to use the column as a number",
                TextShape.find(List.of("($7)")).advice(), "accounting negative");
        assertNull(shapeOf("$5", "free"));
        assertNull(shapeOf("5", "7"), "plain numbers alone have no mark");
        assertNull(shapeOf("$$5"));
    }
}
