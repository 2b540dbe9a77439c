package org.backprop.io.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellWordTest {

    @Test
    void plainNamesStayAndOthersAreSingleQuoted() {
        assertEquals("Sale_Price", ShellWord.of("Sale_Price"));
        assertEquals("bill.length-mm:2", ShellWord.of("bill.length-mm:2"));
        assertEquals("'Customer ID'", ShellWord.of("Customer ID"));
        assertEquals("'price ($)'", ShellWord.of("price ($)"));
        assertEquals("'it'\\''s'", ShellWord.of("it's"));
        assertEquals("'Größe'", ShellWord.of("Größe"), "non-ASCII: quoted, safe in any locale");
    }

    @Test
    void theNoticesQuoteTheNameTheyAskToType() {
        assertEquals("column \"Customer ID\": looks like a row identifier (x); it is used as a numeric feature, so "
                + "predictions depend on it: --ignore 'Customer ID' leaves it out", RowIdentifiers.notice("Customer ID",
                "x"));
    }
}
