package fr.encaisse.imports.internal;

import fr.encaisse.imports.AccountingEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes journal entries, one line per entry line: as a FEC (the 18 fields of LPF A47 A-1, tab,
 * CR LF, ISO-8859-15, dates yyyyMMdd, decimal comma) that accounting software imports, or as a
 * CSV for a spreadsheet (;, UTF-8 with BOM, dates dd/MM/yyyy, decimal comma, plus the source).
 * Entries are proposals to post: EcritureLet, DateLet and ValidDate stay empty.
 */
abstract class EntryWriter {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    abstract void write(AccountingEntry entry, int number, String source);

    abstract void finish();

    static EntryWriter fec(OutputStream out) {
        Writer w = new OutputStreamWriter(out, FecReader.ISO_8859_15.newEncoder()
                .onUnmappableCharacter(CodingErrorAction.REPLACE).onMalformedInput(CodingErrorAction.REPLACE));
        return new EntryWriter() {
            {
                line(String.join("\t", FecReader.FIELDS));
            }

            @Override
            void write(AccountingEntry e, int number, String source) {
                for (AccountingEntry.Line l : e.lines()) {
                    line(String.join("\t", List.of(clean(e.journalCode()), clean(e.journalLabel()), String.valueOf(number),
                            e.date().format(BASIC), clean(l.account()), clean(l.accountLabel()), clean(l.auxAccount()),
                            clean(l.auxLabel()), clean(l.pieceRef() != null ? l.pieceRef() : e.pieceRef()),
                            (e.pieceDate() != null ? e.pieceDate() : e.date()).format(BASIC),
                            clean(l.label() != null ? l.label() : e.label()), amount(l.debit()), amount(l.credit()),
                            "", "", "", "", "")));
                }
            }

            private void line(String s) {
                try {
                    w.write(s);
                    w.write("\r\n");
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }

            @Override
            void finish() {
                try {
                    w.flush();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        };
    }

    static EntryWriter csv(OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
            printer.printRecord("Journal", "Libellé journal", "N° écriture", "Date", "Compte", "Libellé compte",
                    "Compte auxiliaire", "Libellé auxiliaire", "Pièce", "Date pièce", "Libellé", "Débit", "Crédit", "Source");
            return new EntryWriter() {
                @Override
                void write(AccountingEntry e, int number, String source) {
                    try {
                        for (AccountingEntry.Line l : e.lines()) {
                            printer.printRecord(e.journalCode(), e.journalLabel(), number, e.date().format(FRENCH), l.account(),
                                    l.accountLabel(), nullToEmpty(l.auxAccount()), nullToEmpty(l.auxLabel()),
                                    nullToEmpty(l.pieceRef() != null ? l.pieceRef() : e.pieceRef()),
                                    (e.pieceDate() != null ? e.pieceDate() : e.date()).format(FRENCH),
                                    nullToEmpty(l.label() != null ? l.label() : e.label()), amount(l.debit()), amount(l.credit()),
                                    source);
                        }
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }

                @Override
                void finish() {
                    try {
                        printer.flush();
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1234,56": decimal comma, no thousands separator, as A47 A-1 asks. */
    static String amount(BigDecimal a) {
        return a.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    /** Fields may not hold the separator or line breaks. */
    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n|]+", " ").trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String date(LocalDate d) {
        return d.format(BASIC);
    }
}
