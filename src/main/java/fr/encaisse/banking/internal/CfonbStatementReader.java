package fr.encaisse.banking.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.ListIterator;

import fr.encaisse.banking.Balance;
import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.StatementFormat;
import fr.encaisse.banking.StatementFormatException;
import fr.encaisse.banking.StatementHeader;
import fr.encaisse.banking.StatementListener;

/**
 * Streaming reader of the CFONB 120 "relevé de compte sur support informatique" (CFONB brochure,
 * July 2004, with the 2007 SEPA credit transfer complements): fixed 120-character records
 * 01 (previous balance), 04 (movement), 05 (movement complement, attached to the preceding 04),
 * 07 (new balance). Positions below are 1-based as in the brochure.
 *
 * <p>A movement is handed to the listener when the next non-05 record is read, so memory holds
 * one movement at a time. Each 01…07 block is one statement; its records must name the same
 * account, and the new balance must equal the previous balance plus the movements.
 */
public final class CfonbStatementReader {

    private static final String MESSAGE_NAME = "CFONB120";

    /** A movement has a handful of 05 records; thousands mean a broken file, not a bigger entry. */
    private static final int MAX_COMPLEMENTS = 999;

    private final Charset charset;

    /** @param charset the file's charset, or {@code null} to choose between UTF-8 and Windows-1252 */
    public CfonbStatementReader(Charset charset) {
        this.charset = charset;
    }

    public void read(InputStream in, StatementListener listener) throws IOException {
        Reader text = charset == null ? new CharsetSniffingReader(in) : CharsetSniffingReader.strict(
                StandardCharsets.UTF_8.equals(charset) ? skipByteOrderMark(in) : in, charset);
        new Parse(new CfonbRecordReader(text), listener).run();
    }

    private static InputStream skipByteOrderMark(InputStream in) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in);
        buffered.mark(3);
        if (!(buffered.read() == 0xEF && buffered.read() == 0xBB && buffered.read() == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    /** One 120-character record and where it was read. */
    private record Record(String text, long line) {

        String code() {
            return text.substring(0, 2);
        }

        /** Positions {@code from} to {@code to}, 1-based and inclusive, as in the CFONB brochure. */
        String field(int from, int to) {
            return text.substring(from - 1, to);
        }

        String trimmed(int from, int to) {
            String value = field(from, to).strip();
            return value.isEmpty() ? null : value;
        }

        StatementFormatException error(int column, String field, String reason) {
            return new StatementFormatException(line, column, "record " + code() + ", " + field, reason);
        }
    }

    private record Amount(BigDecimal value, CreditDebit creditDebit) {
        BigDecimal signed() {
            return creditDebit.signed(value);
        }
    }

    /** The open 01…07 block. */
    private static final class Statement {
        final StatementHeader header;
        final String bank;
        final String branch;
        final String currency;
        final String account;
        BigDecimal total;
        int entryCount;

        Statement(StatementHeader header, Record opening, BigDecimal openingSigned) {
            this.header = header;
            this.bank = opening.field(3, 7);
            this.branch = opening.field(12, 16);
            this.currency = opening.field(17, 19);
            this.account = opening.field(22, 32);
            this.total = openingSigned;
        }

        String describeAccount() {
            return bank + " " + branch + " " + account.strip() + " " + currency;
        }
    }

    private static final class Parse {

        private final CfonbRecordReader records;
        private final StatementListener listener;
        private Statement statement;
        private EntryBuilder pending;
        private DetailsBuilder pendingDetails;
        /** Index in the pending remittance lines of an LCC that an LC2 may continue; -1 if none. */
        private int continuableLine = -1;
        private int complements;

        Parse(CfonbRecordReader records, StatementListener listener) {
            this.records = records;
            this.listener = listener;
        }

        void run() throws IOException {
            String text;
            while ((text = records.next()) != null) {
                Record record = new Record(text, records.line());
                switch (record.code()) {
                    case "01" -> opening(record);
                    case "04" -> movement(record);
                    case "05" -> complement(record);
                    case "07" -> closing(record);
                    default -> throw record.error(1, "record code",
                            "unknown record code '" + record.code() + "' (expected 01, 04, 05 or 07)");
                }
            }
            if (statement != null) {
                throw new StatementFormatException(records.line(), 0, "record 07",
                        "the statement opened at line " + statement.header.line()
                                + " has no closing record 07 (truncated file?)");
            }
        }

        private void opening(Record record) {
            if (statement != null) {
                throw record.error(1, "record code", "record 01 opens a statement while the one opened at line "
                        + statement.header.line() + " has no closing record 07");
            }
            String currency = currency(record);
            LocalDate date = date(record, 35, "date");
            Amount amount = amount(record);
            String bank = record.field(3, 7);
            String branch = record.field(12, 16);
            String account = record.field(22, 32);
            String iban = FrenchRib.iban(bank, branch, account);
            String accountId = iban != null ? iban : bank + " " + branch + " " + account.strip();
            Balance opening = new Balance(amount.value(), currency, amount.creditDebit(), date);
            StatementHeader header = new StatementHeader(StatementFormat.CFONB120, MESSAGE_NAME, null,
                    accountId + "/" + date, iban, accountId, currency, null, opening, null, record.line());
            statement = new Statement(header, record, amount.signed());
            listener.statementStarted(header);
        }

        private void movement(Record record) {
            if (statement == null) {
                throw record.error(1, "record code", "record 04 outside a statement: no record 01 before it");
            }
            sameAccount(record);
            flush();
            Amount amount = amount(record);
            EntryBuilder entry = new EntryBuilder(record.line());
            entry.amount = amount.value();
            entry.currency = statement.currency;
            entry.creditDebit = amount.creditDebit();
            entry.status = "BOOK";
            entry.bookingDate = date(record, 35, "date");
            entry.valueDate = optionalDate(record, 43, "value date");
            entry.proprietaryCode = record.trimmed(33, 34);
            entry.additionalInfo = record.trimmed(49, 79);
            entry.entryReference = record.trimmed(82, 88);
            entry.accountServicerReference = record.trimmed(105, 120);
            DetailsBuilder details = new DetailsBuilder();
            details.returnReasonCode = record.trimmed(41, 42);
            entry.details.add(details);
            statement.total = statement.total.add(amount.signed());
            pending = entry;
            pendingDetails = details;
            continuableLine = -1;
            complements = 0;
        }

        private void complement(Record record) {
            if (pending == null) {
                throw record.error(1, "record code", "record 05 with no preceding record 04 to complement");
            }
            sameAccount(record);
            if (++complements > MAX_COMPLEMENTS) {
                throw record.error(1, "record code", "more than " + MAX_COMPLEMENTS
                        + " records 05 for the movement at line " + pending.line);
            }
            String qualifier = record.field(46, 48);
            String data = record.field(49, 118);
            DetailsBuilder details = pendingDetails;
            List<String> lines = details.remittanceLines;
            switch (qualifier) {
                case "LCC" -> {
                    lines.add(data);
                    continuableLine = lines.size() - 1;
                    return;
                }
                case "LC2" -> {
                    if (continuableLine >= 0) {
                        lines.set(continuableLine, lines.get(continuableLine) + data);
                    } else {
                        lines.add(data);
                    }
                }
                case "LIB" -> lines.add(data);
                case "LCS" -> addIfPresent(details.creditorReferences, data);
                case "RCN" -> details.endToEndId = blankToNull(data.substring(0, 35));
                case "REF" -> details.accountServicerReference = blankToNull(data);
                case "NPY" -> details.debtorName = blankToNull(data);
                case "NBE" -> details.creditorName = blankToNull(data);
                default -> {
                    // other qualifiers (IPY, IBE, NPO, NBU, MMO, FEE, …) carry nothing the model holds
                }
            }
            continuableLine = -1;
        }

        private void closing(Record record) {
            if (statement == null) {
                throw record.error(1, "record code", "record 07 without a record 01 opening its statement");
            }
            sameAccount(record);
            flush();
            LocalDate date = date(record, 35, "date");
            Amount amount = amount(record);
            if (statement.total.compareTo(amount.signed()) != 0) {
                BigDecimal opening = statement.header.openingBalance().signedAmount();
                throw record.error(91, "amount", "the new balance " + amount.signed().toPlainString()
                        + " does not equal the previous balance " + opening.toPlainString() + " (line "
                        + statement.header.line() + ") plus the " + statement.entryCount + " movements ("
                        + statement.total.subtract(opening).toPlainString() + "), which gives "
                        + statement.total.toPlainString());
            }
            Balance closing = new Balance(amount.value(), statement.currency, amount.creditDebit(), date);
            StatementHeader complete = statement.header.withClosingBalance(closing);
            int count = statement.entryCount;
            statement = null;
            listener.statementEnded(complete, count);
        }

        /** Hands the pending movement, now complete with its 05 records, to the listener. */
        private void flush() {
            if (pending == null) {
                return;
            }
            ListIterator<String> lines = pendingDetails.remittanceLines.listIterator();
            while (lines.hasNext()) {
                String line = lines.next().strip();
                if (line.isEmpty()) {
                    lines.remove();
                } else {
                    lines.set(line);
                }
            }
            EntryBuilder entry = pending;
            pending = null;
            pendingDetails = null;
            statement.entryCount++;
            listener.entry(entry.build(statement.header.statementId(), statement.header.accountId(),
                    statement.entryCount));
        }

        // ---------------------------------------------------------------- fields

        private void sameAccount(Record record) {
            int column = !record.field(3, 7).equals(statement.bank) ? 3
                    : !record.field(12, 16).equals(statement.branch) ? 12
                    : !record.field(17, 19).equals(statement.currency) ? 17
                    : !record.field(22, 32).equals(statement.account) ? 22
                    : 0;
            if (column > 0) {
                String found = record.field(3, 7) + " " + record.field(12, 16) + " " + record.field(22, 32).strip()
                        + " " + record.field(17, 19);
                throw record.error(column, "account", "record " + record.code() + " is for account " + found
                        + " but its statement (line " + statement.header.line() + ") is for "
                        + statement.describeAccount());
            }
        }

        private static String currency(Record record) {
            String currency = record.field(17, 19);
            if (!currency.matches("[A-Z]{3}")) {
                throw record.error(17, "currency", "bad currency code '" + currency + "' (expected ISO 4217)");
            }
            return currency;
        }

        private static int decimals(Record record) {
            char decimals = record.text().charAt(19);
            if (decimals < '0' || decimals > '9') {
                throw record.error(20, "number of decimals",
                        "bad number of decimals '" + decimals + "' (expected a digit)");
            }
            return decimals - '0';
        }

        /**
         * Positions 91-104: 13 digits then a character carrying the last digit and the sign
         * ({@code {}=+0, A…I=+1…+9, }=-0, J…R=-1…-9}), scaled by the number of decimals (position 20).
         */
        private static Amount amount(Record record) {
            int scale = decimals(record);
            String field = record.field(91, 104);
            StringBuilder digits = new StringBuilder(14);
            for (int i = 0; i < 13; i++) {
                char c = field.charAt(i);
                if (c == ' ' && digits.length() == 0) {
                    continue; // leading blanks read as zeros
                }
                if (c < '0' || c > '9') {
                    throw record.error(91 + i, "amount", "bad amount '" + field + "': '" + c + "' is not a digit");
                }
                digits.append(c);
            }
            char last = field.charAt(13);
            CreditDebit direction;
            int lastDigit;
            if (last == '{') {
                direction = CreditDebit.CREDIT;
                lastDigit = 0;
            } else if (last >= 'A' && last <= 'I') {
                direction = CreditDebit.CREDIT;
                lastDigit = last - 'A' + 1;
            } else if (last == '}') {
                direction = CreditDebit.DEBIT;
                lastDigit = 0;
            } else if (last >= 'J' && last <= 'R') {
                direction = CreditDebit.DEBIT;
                lastDigit = last - 'J' + 1;
            } else {
                throw record.error(104, "amount sign", "bad sign character '" + last + "' ending amount '" + field
                        + "' (expected { or A-I for a positive amount, } or J-R for a negative one)");
            }
            digits.append(lastDigit);
            return new Amount(new BigDecimal(new BigInteger(digits.toString()), scale), direction);
        }

        private static LocalDate date(Record record, int from, String name) {
            String value = record.field(from, from + 5);
            if (!value.matches("\\d{6}")) {
                throw record.error(from, name, "bad " + name + " '" + value + "' (expected DDMMYY)");
            }
            int day = Integer.parseInt(value.substring(0, 2));
            int month = Integer.parseInt(value.substring(2, 4));
            int year = Integer.parseInt(value.substring(4, 6));
            try {
                return LocalDate.of(year < 80 ? 2000 + year : 1900 + year, month, day);
            } catch (DateTimeException e) {
                throw record.error(from, name, "bad " + name + " '" + value + "': no such day");
            }
        }

        private static LocalDate optionalDate(Record record, int from, String name) {
            String value = record.field(from, from + 5);
            return value.isBlank() || value.equals("000000") ? null : date(record, from, name);
        }

        private static void addIfPresent(List<String> values, String data) {
            String value = blankToNull(data);
            if (value != null) {
                values.add(value);
            }
        }

        private static String blankToNull(String value) {
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }
    }
}
