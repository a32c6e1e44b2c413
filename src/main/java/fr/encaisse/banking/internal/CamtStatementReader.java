package fr.encaisse.banking.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import fr.encaisse.banking.Balance;
import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.StatementFormat;
import fr.encaisse.banking.StatementFormatException;
import fr.encaisse.banking.StatementHeader;
import fr.encaisse.banking.StatementListener;

/**
 * Streaming reader of ISO 20022 bank-to-customer cash management messages: camt.053.001.02 and
 * camt.053.001.08 (statement, {@code BkToCstmrStmt/Stmt}), camt.054.001.02 and camt.054.001.08
 * (debit/credit notification, {@code BkToCstmrDbtCdtNtfctn/Ntfctn}).
 *
 * <p>StAX, one pass, memory bounded by the largest single entry: each {@code Ntry} is handed to
 * the listener when its end tag is read, then forgotten. Elements are matched by local name and
 * position relative to their {@code Stmt}/{@code Ntry}/{@code TxDtls}, so the versions' common
 * shape is read by one code path; the message and version come from the {@code Document}
 * namespace, and anything else is rejected. DTDs and external entities are refused.
 */
public final class CamtStatementReader {

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private record Message(String name, StatementFormat format, String messageElement, String statementElement) {
    }

    private static final Map<String, Message> MESSAGES = Map.of(
            NAMESPACE_PREFIX + "camt.053.001.02",
            new Message("camt.053.001.02", StatementFormat.CAMT053, "BkToCstmrStmt", "Stmt"),
            NAMESPACE_PREFIX + "camt.053.001.08",
            new Message("camt.053.001.08", StatementFormat.CAMT053, "BkToCstmrStmt", "Stmt"),
            NAMESPACE_PREFIX + "camt.054.001.02",
            new Message("camt.054.001.02", StatementFormat.CAMT054, "BkToCstmrDbtCdtNtfctn", "Ntfctn"),
            NAMESPACE_PREFIX + "camt.054.001.08",
            new Message("camt.054.001.08", StatementFormat.CAMT054, "BkToCstmrDbtCdtNtfctn", "Ntfctn"));

    private static final String SUPPORTED = "camt.053.001.02, camt.053.001.08, camt.054.001.02, camt.054.001.08";

    /** No ISO 20022 text element used here exceeds Max500Text; this bounds memory on hostile input. */
    private static final int MAX_TEXT = 4096;

    /** ISO 20022 statements nest about 15 deep; far deeper is hostile or broken input. */
    private static final int MAX_DEPTH = 100;

    /** xs:decimal without sign or exponent, as ActiveOrHistoricCurrencyAndAmount allows. */
    private static final Pattern AMOUNT = Pattern.compile("\\+?(\\d{1,18}(\\.\\d*)?|\\.\\d{1,18})");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** An ISODateTime without offset is the sender's local time; Encaisse's banks are French. */
    private static final ZoneId LOCAL_TIME_ZONE = ZoneId.of("Europe/Paris");

    /**
     * Reads one message, calling the listener as statements and entries complete.
     *
     * @param expected the format the caller requires, or {@code null} for either camt message
     */
    public void read(InputStream in, StatementFormat expected, StatementListener listener) throws IOException {
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new StatementFormatException(1, 0, null, "cannot read XML: " + e.getMessage(), e);
        }
        try {
            new Parse(xml, expected, listener).run();
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing a reader does not close the caller's stream; nothing to release
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Statement-level values gathered before the first entry. */
    private static final class StatementState {
        final long line;
        final int ordinal;
        String id;
        OffsetDateTime creationTime;
        String iban;
        String otherId;
        String currency;
        Balance opening;
        boolean openingIsOpbd;
        Balance closing;
        StatementHeader startedHeader;
        int entryCount;

        StatementState(long line, int ordinal) {
            this.line = line;
            this.ordinal = ordinal;
        }
    }

    private static final class BalanceState {
        final long line;
        String type;
        BigDecimal amount;
        String currency;
        CreditDebit creditDebit;
        LocalDate date;

        BalanceState(long line) {
            this.line = line;
        }
    }

    /** One pass over one document. */
    private static final class Parse {

        private final XMLStreamReader xml;
        private final StatementFormat expected;
        private final StatementListener listener;
        private Message message;

        // the open elements: local names, display ordinals (Stmt/Ntry/TxDtls only), path lengths
        private String[] names = new String[32];
        private int[] ordinals = new int[32];
        private int[] pathStarts = new int[32];
        private int depth;
        private final StringBuilder path = new StringBuilder(160);
        private final StringBuilder text = new StringBuilder(64);
        private long elementLine;
        private int elementColumn;
        private String currencyAttribute;

        private String messageId;
        private OffsetDateTime groupCreationTime;

        private int statementOrdinal;
        private StatementState statement;
        private int statementDepth;
        private int statementPathEnd;

        private BalanceState balance;
        private int balanceDepth;
        private int balancePathEnd;

        private EntryBuilder entry;
        private int entryDepth;
        private int entryPathEnd;

        private DetailsBuilder transaction;
        private int transactionDepth;
        private int transactionPathEnd;
        private int transactionOrdinal;

        Parse(XMLStreamReader xml, StatementFormat expected, StatementListener listener) {
            this.xml = xml;
            this.expected = expected;
            this.listener = listener;
        }

        void run() throws IOException {
            try {
                while (xml.hasNext()) {
                    switch (xml.next()) {
                        case XMLStreamConstants.START_ELEMENT -> start();
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> characters();
                        case XMLStreamConstants.END_ELEMENT -> end();
                        default -> {
                            // comments, processing instructions, whitespace outside elements
                        }
                    }
                }
            } catch (XMLStreamException e) {
                throw notWellFormed(e);
            }
            if (message == null) {
                throw new StatementFormatException(1, 0, null, "no XML element found");
            }
        }

        // ---------------------------------------------------------------- element events

        private void start() {
            String name = xml.getLocalName();
            push(name);
            currencyAttribute = xml.getAttributeValue(null, "Ccy");
            if (depth == 1) {
                root(name);
            } else if (depth == 2) {
                if (!name.equals(message.messageElement())) {
                    throw fail("a " + message.name() + " message must contain <" + message.messageElement()
                            + ">, found <" + name + ">");
                }
            } else if (depth == 3 && name.equals(message.statementElement())) {
                statementOrdinal++;
                ordinals[depth - 1] = statementOrdinal;
                statement = new StatementState(elementLine, statementOrdinal);
                statementDepth = depth;
                statementPathEnd = path.length();
            } else if (statement != null && depth == statementDepth + 1 && entry == null) {
                if (name.equals("Ntry")) {
                    startEntry();
                } else if (name.equals("Bal")) {
                    balance = new BalanceState(elementLine);
                    balanceDepth = depth;
                    balancePathEnd = path.length();
                }
            } else if (entry != null && transaction == null && depth == entryDepth + 2 && name.equals("TxDtls")
                    && names[depth - 2].equals("NtryDtls")) {
                transactionOrdinal++;
                ordinals[depth - 1] = transactionOrdinal;
                transaction = new DetailsBuilder();
                transactionDepth = depth;
                transactionPathEnd = path.length();
            }
        }

        private void root(String name) {
            String namespace = xml.getNamespaceURI();
            if (!name.equals("Document")) {
                throw fail("not an ISO 20022 message: the root element is <" + name + ">, not <Document>");
            }
            Message found = namespace == null ? null : MESSAGES.get(namespace);
            if (found == null) {
                throw fail("unsupported message " + describeNamespace(namespace) + "; supported: " + SUPPORTED);
            }
            if (expected != null && found.format() != expected) {
                throw fail("expected a " + expected + " file, but this is a " + found.name() + " message");
            }
            message = found;
        }

        private void startEntry() {
            if (statement.startedHeader == null) {
                statement.startedHeader = header();
                listener.statementStarted(statement.startedHeader);
            }
            ordinals[depth - 1] = statement.entryCount + 1;
            entry = new EntryBuilder(elementLine);
            entryDepth = depth;
            entryPathEnd = path.length();
            transactionOrdinal = 0;
        }

        private void characters() {
            int length = xml.getTextLength();
            if (text.length() + length > MAX_TEXT) {
                throw fail("element text longer than " + MAX_TEXT + " characters");
            }
            text.append(xml.getTextCharacters(), xml.getTextStart(), length);
        }

        private void end() {
            String value = value();
            if (transaction != null) {
                if (depth == transactionDepth) {
                    entry.details.add(transaction);
                    transaction = null;
                } else if (value != null) {
                    onTransaction(path.substring(transactionPathEnd), value);
                }
            } else if (entry != null) {
                if (depth == entryDepth) {
                    finishEntry();
                } else if (value != null) {
                    onEntry(path.substring(entryPathEnd), value);
                }
            } else if (balance != null) {
                if (depth == balanceDepth) {
                    finishBalance();
                } else if (value != null) {
                    onBalance(path.substring(balancePathEnd), value);
                }
            } else if (statement != null) {
                if (depth == statementDepth) {
                    finishStatement();
                } else if (value != null) {
                    onStatement(path.substring(statementPathEnd), value);
                }
            } else if (value != null && depth == 4 && names[2].equals("GrpHdr")) {
                onGroupHeader(names[3], value);
            }
            pop();
        }

        // ---------------------------------------------------------------- values by path

        private void onGroupHeader(String name, String value) {
            switch (name) {
                case "MsgId" -> messageId = value;
                case "CreDtTm" -> groupCreationTime = dateTime(value);
                default -> {
                }
            }
        }

        private void onStatement(String relative, String value) {
            switch (relative) {
                case "/Id" -> statement.id = value;
                case "/CreDtTm" -> statement.creationTime = dateTime(value);
                case "/Acct/Id/IBAN" -> statement.iban = value;
                case "/Acct/Id/Othr/Id" -> statement.otherId = value;
                case "/Acct/Ccy" -> statement.currency = currency(value);
                default -> {
                }
            }
        }

        private void onBalance(String relative, String value) {
            switch (relative) {
                case "/Tp/CdOrPrtry/Cd" -> balance.type = value;
                case "/Amt" -> {
                    balance.amount = amount(value);
                    balance.currency = currencyAttribute();
                }
                case "/CdtDbtInd" -> balance.creditDebit = creditDebit(value);
                case "/Dt/Dt" -> balance.date = date(value);
                case "/Dt/DtTm" -> balance.date = dateOfDateTime(value);
                default -> {
                }
            }
        }

        private void onEntry(String relative, String value) {
            switch (relative) {
                case "/NtryRef" -> entry.entryReference = value;
                case "/Amt" -> {
                    entry.amount = amount(value);
                    entry.currency = currencyAttribute();
                }
                case "/CdtDbtInd" -> entry.creditDebit = creditDebit(value);
                case "/RvslInd" -> entry.reversal = bool(value);
                case "/Sts", "/Sts/Cd", "/Sts/Prtry" -> entry.status = value;
                case "/BookgDt/Dt" -> entry.bookingDate = date(value);
                case "/BookgDt/DtTm" -> entry.bookingDate = dateOfDateTime(value);
                case "/ValDt/Dt" -> entry.valueDate = date(value);
                case "/ValDt/DtTm" -> entry.valueDate = dateOfDateTime(value);
                case "/AcctSvcrRef" -> entry.accountServicerReference = value;
                case "/BkTxCd/Domn/Cd" -> entry.domain = value;
                case "/BkTxCd/Domn/Fmly/Cd" -> entry.family = value;
                case "/BkTxCd/Domn/Fmly/SubFmlyCd" -> entry.subFamily = value;
                case "/BkTxCd/Prtry/Cd" -> entry.proprietaryCode = value;
                case "/AddtlNtryInf" -> entry.additionalInfo = value;
                default -> {
                }
            }
        }

        private void onTransaction(String relative, String value) {
            DetailsBuilder tx = transaction;
            switch (relative) {
                case "/Refs/EndToEndId" -> tx.endToEndId = value;
                case "/Refs/InstrId" -> tx.instructionId = value;
                case "/Refs/MndtId" -> tx.mandateId = value;
                case "/Refs/AcctSvcrRef" -> tx.accountServicerReference = value;
                case "/Refs/TxId" -> tx.transactionId = value;
                case "/Amt" -> {
                    tx.amount = amount(value);
                    tx.currency = currencyAttribute();
                }
                case "/AmtDtls/TxAmt/Amt" -> {
                    tx.transactionAmount = amount(value);
                    tx.transactionCurrency = currencyAttribute();
                }
                case "/CdtDbtInd" -> tx.creditDebit = creditDebit(value);
                case "/RltdPties/Dbtr/Nm", "/RltdPties/Dbtr/Pty/Nm" -> tx.debtorName = value;
                case "/RltdPties/DbtrAcct/Id/IBAN" -> tx.debtorIban = value;
                case "/RltdPties/Cdtr/Nm", "/RltdPties/Cdtr/Pty/Nm" -> tx.creditorName = value;
                case "/RltdPties/CdtrAcct/Id/IBAN" -> tx.creditorIban = value;
                case "/RmtInf/Ustrd", "/RmtInf/Strd/AddtlRmtInf" -> tx.remittanceLines.add(value);
                case "/RmtInf/Strd/CdtrRefInf/Ref" -> tx.creditorReferences.add(value);
                case "/RtrInf/Rsn/Cd" -> tx.returnReasonCode = value;
                case "/RtrInf/Rsn/Prtry" -> tx.returnReasonProprietary = value;
                default -> {
                }
            }
        }

        // ---------------------------------------------------------------- completed elements

        private void finishBalance() {
            BalanceState b = balance;
            balance = null;
            boolean opening = "OPBD".equals(b.type) || "PRCD".equals(b.type);
            boolean closing = "CLBD".equals(b.type);
            if (!opening && !closing) {
                return; // available, forward, interim balances: not used
            }
            require(b.amount != null, b.line, "Amt", "balance " + b.type);
            require(b.creditDebit != null, b.line, "CdtDbtInd", "balance " + b.type);
            require(b.date != null, b.line, "Dt", "balance " + b.type);
            Balance read = new Balance(b.amount, b.currency, b.creditDebit, b.date);
            if (opening) {
                boolean opbd = "OPBD".equals(b.type);
                if (statement.opening == null || (opbd && !statement.openingIsOpbd)) {
                    statement.opening = read;
                    statement.openingIsOpbd = opbd;
                }
            } else if (statement.closing == null) {
                statement.closing = read;
            }
        }

        private void finishEntry() {
            EntryBuilder e = entry;
            entry = null;
            require(e.amount != null, e.line, "Amt", "entry");
            require(e.creditDebit != null, e.line, "CdtDbtInd", "entry");
            require(e.status != null, e.line, "Sts", "entry");
            statement.entryCount++;
            StatementHeader header = statement.startedHeader;
            listener.entry(e.build(header.statementId(), header.accountId(), statement.entryCount));
        }

        private void finishStatement() {
            StatementState s = statement;
            StatementHeader complete = header();
            if (s.startedHeader == null) {
                listener.statementStarted(complete);
            }
            statement = null;
            listener.statementEnded(complete, s.entryCount);
        }

        private StatementHeader header() {
            StatementState s = statement;
            if (messageId == null) {
                throw new StatementFormatException(s.line, 0,
                        "/Document/" + message.messageElement() + "/GrpHdr/MsgId",
                        "missing required element <MsgId> in <GrpHdr>");
            }
            String statementPath = statementPath();
            if (s.id == null) {
                throw new StatementFormatException(s.line, 0, statementPath + "/Id",
                        "missing required element <Id> in <" + message.statementElement() + ">");
            }
            String accountId = s.iban != null ? s.iban : s.otherId;
            if (accountId == null) {
                throw new StatementFormatException(s.line, 0, statementPath + "/Acct/Id",
                        "missing account identification: neither <Acct/Id/IBAN> nor <Acct/Id/Othr/Id>");
            }
            String currency = s.currency != null ? s.currency : s.opening != null ? s.opening.currency() : null;
            OffsetDateTime created = s.creationTime != null ? s.creationTime : groupCreationTime;
            return new StatementHeader(message.format(), message.name(), messageId, s.id, s.iban, accountId, currency,
                    created, s.opening, s.closing, s.line);
        }

        private String statementPath() {
            return "/Document/" + message.messageElement() + "/" + message.statementElement()
                    + "[" + statement.ordinal + "]";
        }

        private void require(boolean present, long line, String element, String what) {
            if (!present) {
                String owner = displayPath();
                throw new StatementFormatException(line, 0, owner + "/" + element,
                        "missing required element <" + element + "> in " + what);
            }
        }

        // ---------------------------------------------------------------- value parsing

        private String value() {
            if (text.length() == 0) {
                return null;
            }
            String value = text.toString().strip();
            return value.isEmpty() ? null : value;
        }

        private String currencyAttribute() {
            if (currencyAttribute == null) {
                throw fail("missing required attribute Ccy on <" + names[depth - 1] + ">");
            }
            return currency(currencyAttribute.strip());
        }

        private String currency(String value) {
            if (!CURRENCY.matcher(value).matches()) {
                throw fail("bad currency code '" + value + "' (expected 3 capital letters, ISO 4217)");
            }
            return value;
        }

        private BigDecimal amount(String value) {
            if (!AMOUNT.matcher(value).matches()) {
                throw fail("bad amount '" + value + "' (expected a non-negative decimal such as 1234.56)");
            }
            return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        }

        private CreditDebit creditDebit(String value) {
            return switch (value) {
                case "CRDT" -> CreditDebit.CREDIT;
                case "DBIT" -> CreditDebit.DEBIT;
                default -> throw fail("bad credit/debit indicator '" + value + "' (expected CRDT or DBIT)");
            };
        }

        private boolean bool(String value) {
            return switch (value) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw fail("bad boolean '" + value + "' (expected true or false)");
            };
        }

        private LocalDate date(String value) {
            try {
                return LocalDate.from(DateTimeFormatter.ISO_DATE.parse(value));
            } catch (DateTimeParseException e) {
                throw fail("bad date '" + value + "' (expected YYYY-MM-DD)");
            }
        }

        private LocalDate dateOfDateTime(String value) {
            try {
                return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(value));
            } catch (DateTimeParseException e) {
                throw fail("bad date-time '" + value + "' (expected YYYY-MM-DDThh:mm:ss[offset])");
            }
        }

        private OffsetDateTime dateTime(String value) {
            try {
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return OffsetDateTime.from(parsed);
                }
                return LocalDateTime.from(parsed).atZone(LOCAL_TIME_ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw fail("bad date-time '" + value + "' (expected YYYY-MM-DDThh:mm:ss[offset])");
            }
        }

        // ---------------------------------------------------------------- path and errors

        private void push(String name) {
            if (depth == MAX_DEPTH) {
                throw fail("elements nested more than " + MAX_DEPTH + " deep");
            }
            if (depth == names.length) {
                names = Arrays.copyOf(names, depth * 2);
                ordinals = Arrays.copyOf(ordinals, depth * 2);
                pathStarts = Arrays.copyOf(pathStarts, depth * 2);
            }
            names[depth] = name;
            ordinals[depth] = 0;
            pathStarts[depth] = path.length();
            depth++;
            path.append('/').append(name);
            text.setLength(0);
            Location location = xml.getLocation();
            elementLine = Math.max(location.getLineNumber(), 0);
            elementColumn = Math.max(location.getColumnNumber(), 0);
        }

        private void pop() {
            depth--;
            path.setLength(pathStarts[depth]);
            text.setLength(0);
        }

        /** The open elements as a path, with ordinals on statements, entries and transactions. */
        private String displayPath() {
            StringBuilder display = new StringBuilder(path.length() + 16);
            for (int i = 0; i < depth; i++) {
                display.append('/').append(names[i]);
                if (ordinals[i] > 0) {
                    display.append('[').append(ordinals[i]).append(']');
                }
            }
            return display.toString();
        }

        /** An error about the innermost open element, located at its start tag. */
        private StatementFormatException fail(String reason) {
            return new StatementFormatException(elementLine, elementColumn, displayPath(), reason);
        }

        private StatementFormatException notWellFormed(XMLStreamException e) throws IOException {
            Throwable nested = e.getNestedException() != null ? e.getNestedException() : e.getCause();
            if (nested instanceof IOException io && !(io instanceof CharConversionException)) {
                throw io;
            }
            Location location = e.getLocation();
            long line = location == null ? elementLine : Math.max(location.getLineNumber(), 0);
            int column = location == null ? 0 : Math.max(location.getColumnNumber(), 0);
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            int marker = reason.indexOf("Message: ");
            if (marker >= 0) {
                reason = reason.substring(marker + "Message: ".length());
            }
            return new StatementFormatException(line, column, depth == 0 ? null : displayPath(),
                    "not well-formed XML: " + reason.strip(), e);
        }

        private static String describeNamespace(String namespace) {
            if (namespace == null || namespace.isEmpty()) {
                return "(the <Document> element has no namespace)";
            }
            if (namespace.startsWith(NAMESPACE_PREFIX)) {
                return "'" + namespace.substring(NAMESPACE_PREFIX.length()) + "' (namespace " + namespace + ")";
            }
            return "with namespace '" + namespace + "'";
        }
    }
}
