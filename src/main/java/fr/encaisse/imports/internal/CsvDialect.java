package fr.encaisse.imports.internal;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;

/**
 * How a CSV file is written, as far as a profile says: each null part is detected from the
 * file (encoding, separator) or guessed value by value (decimal separator, date format).
 */
record CsvDialect(Charset encoding, Character separator, Boolean decimalComma, String dateFormat) {

    static final CsvDialect DETECT = new CsvDialect(null, null, null, null);

    DateTimeFormatter dates() {
        return Values.pattern(dateFormat);
    }
}
