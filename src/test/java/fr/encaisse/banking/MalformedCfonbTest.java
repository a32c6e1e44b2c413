package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Malformed CFONB 120 input throws {@link StatementFormatException} naming the line, the column
 * and the record/field. Each case breaks one record of the valid {@code cfonb120-statement.txt}
 * (line 1: 01, line 2: 04, lines 3-9: its 05s, line 15: 07, line 16: second 01, line 18: last 07).
 */
class MalformedCfonbTest {

    static List<String> lines() {
        String text = new String(CfonbStatementTest.statement(), CfonbStatementTest.WINDOWS_1252);
        return new ArrayList<>(Arrays.asList(text.split("\r\n")));
    }

    static byte[] join(List<String> lines, String separator) {
        return String.join(separator, lines).concat(separator).getBytes(CfonbStatementTest.WINDOWS_1252);
    }

    static StatementFormatException fails(List<String> lines) {
        return fails(join(lines, "\r\n"), new Collected());
    }

    static StatementFormatException fails(byte[] bytes, Collected seen) {
        return catchThrowableOfType(StatementFormatException.class,
                () -> StatementParser.create().parse(new ByteArrayInputStream(bytes), seen));
    }

    static String replaceAt(String record, int position, String value) {
        return record.substring(0, position - 1) + value + record.substring(position - 1 + value.length());
    }

    @Test
    @DisplayName("a line shorter than 120 characters (e.g. trailing spaces stripped)")
    void lineTooShort() {
        List<String> lines = lines();
        lines.set(2, lines.get(2).stripTrailing());
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(lines.get(2).length() + 1);
        assertThat(error.reason()).contains("line has " + lines.get(2).length() + " characters, expected 120");
    }

    @Test
    @DisplayName("a line longer than 120 characters")
    void lineTooLong() {
        List<String> lines = lines();
        lines.set(3, lines.get(3) + "X");
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(121);
        assertThat(error.reason()).contains("longer than 120");
    }

    @Test
    @DisplayName("a file without line breaks that does not end on a record boundary")
    void concatenatedAndTruncated() {
        byte[] bytes = join(lines(), "");
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
        StatementFormatException error = fails(truncated, new Collected());
        assertThat(error.line()).as("the record number").isEqualTo(18);
        assertThat(error.reason()).contains("record has 119 characters");
    }

    @Test
    @DisplayName("unknown record code")
    void unknownRecordCode() {
        List<String> lines = lines();
        lines.set(4, "06" + lines.get(4).substring(2));
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error.path()).isEqualTo("record 06, record code");
        assertThat(error.reason()).contains("unknown record code '06'");
    }

    @Test
    @DisplayName("bad sign character ending an amount")
    void badSignCharacter() {
        List<String> lines = lines();
        lines.set(1, replaceAt(lines.get(1), 104, "X"));
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(104);
        assertThat(error.path()).isEqualTo("record 04, amount sign");
        assertThat(error.reason()).contains("bad sign character 'X'");
    }

    @Test
    @DisplayName("a non-digit inside an amount")
    void badAmountDigit() {
        List<String> lines = lines();
        lines.set(0, replaceAt(lines.get(0), 97, "O"));
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(97);
        assertThat(error.path()).isEqualTo("record 01, amount");
    }

    @Test
    @DisplayName("bad number of decimals")
    void badDecimals() {
        List<String> lines = lines();
        lines.set(1, replaceAt(lines.get(1), 20, "X"));
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(20);
        assertThat(error.path()).isEqualTo("record 04, number of decimals");
    }

    @Test
    @DisplayName("bad booking date and impossible value date")
    void badDates() {
        List<String> lines = lines();
        lines.set(1, replaceAt(lines.get(1), 35, "32032A"));
        StatementFormatException booking = fails(lines);
        assertThat(booking.line()).isEqualTo(2);
        assertThat(booking.column()).isEqualTo(35);
        assertThat(booking.reason()).contains("bad date '32032A' (expected DDMMYY)");

        lines = lines();
        lines.set(9, replaceAt(lines.get(9), 43, "300224"));
        StatementFormatException value = fails(lines);
        assertThat(value.line()).isEqualTo(10);
        assertThat(value.column()).isEqualTo(43);
        assertThat(value.reason()).contains("bad value date '300224': no such day");
    }

    @Test
    @DisplayName("a 05 record with no preceding 04: right after a 01, or after a 07")
    void orphanComplement() {
        List<String> lines = lines();
        lines.add(1, lines.get(2));
        StatementFormatException afterOpening = fails(lines);
        assertThat(afterOpening.line()).isEqualTo(2);
        assertThat(afterOpening.reason()).contains("record 05 with no preceding record 04");

        lines = lines();
        lines.add(15, lines.get(2));
        StatementFormatException afterClosing = fails(lines);
        assertThat(afterClosing.line()).isEqualTo(16);
    }

    @Test
    @DisplayName("a 04 before any 01, a 07 without 01, a 01 inside an open statement")
    void recordOutOfSequence() {
        List<String> lines = lines();
        lines.remove(0);
        StatementFormatException movement = fails(lines);
        assertThat(movement.line()).isEqualTo(1);
        assertThat(movement.reason()).contains("record 04 outside a statement");

        lines = lines();
        lines.remove(14);
        StatementFormatException reopened = fails(lines);
        assertThat(reopened.line()).isEqualTo(15);
        assertThat(reopened.reason()).contains("while the one opened at line 1 has no closing record 07");
    }

    @Test
    @DisplayName("a file cut before its last 07 fails instead of losing the statement's end")
    void missingClosingRecord() {
        List<String> lines = lines();
        lines.remove(lines.size() - 1);
        StatementFormatException error = fails(lines);
        assertThat(error.reason()).contains("the statement opened at line 16 has no closing record 07");
    }

    @Test
    @DisplayName("a record for another account than its statement")
    void accountInconsistency() {
        List<String> lines = lines();
        lines.set(3, replaceAt(lines.get(3), 22, "00012345679"));
        StatementFormatException error = fails(lines);
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(22);
        assertThat(error.path()).isEqualTo("record 05, account");
        assertThat(error.reason()).contains("is for account 30004 00550 00012345679 EUR")
                .contains("is for 30004 00550 00012345678 EUR");

        lines = lines();
        lines.set(9, replaceAt(lines.get(9), 17, "USD"));
        StatementFormatException currency = fails(lines);
        assertThat(currency.line()).isEqualTo(10);
        assertThat(currency.column()).isEqualTo(17);
    }

    @Test
    @DisplayName("a new balance that is not the previous balance plus the movements")
    void balanceInconsistency() {
        List<String> lines = lines();
        lines.set(14, replaceAt(lines.get(14), 91, "0000000028843E"));
        Collected seen = new Collected();
        StatementFormatException error = fails(join(lines, "\r\n"), seen);
        assertThat(error.line()).isEqualTo(15);
        assertThat(error.column()).isEqualTo(91);
        assertThat(error.reason()).contains("the new balance 2884.35")
                .contains("previous balance 1250.00 (line 1) plus the 4 movements (1634.34), which gives 2884.34");
        assertThat(seen.entries).as("delivered before the fault was found: callers must stage").hasSize(4);
        assertThat(seen.ended).isEmpty();
    }

    @Test
    @DisplayName("bytes that are not valid in the charset the caller imposed")
    void invalidBytesForCharset() {
        StatementParser utf8 = StatementParser.create().withCfonbCharset(StandardCharsets.UTF_8);
        StatementFormatException error = catchThrowableOfType(StatementFormatException.class,
                () -> utf8.parse(new ByteArrayInputStream(CfonbStatementTest.statement()), new Collected()));
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.reason()).contains("not valid text");
    }

    @Test
    @DisplayName("a parser expecting camt refuses CFONB")
    void expectedFormat() {
        StatementFormatException error = catchThrowableOfType(StatementFormatException.class,
                () -> StatementParser.create().expecting(StatementFormat.CAMT053)
                        .parse(new ByteArrayInputStream(CfonbStatementTest.statement()), new Collected()));
        assertThat(error.reason()).contains("expected a CAMT053 file, but this looks like CFONB 120");
    }
}
