package fr.encaisse.sepa;

import fr.encaisse.sepa.PaymentStatusReport.PaymentInformationStatus;
import fr.encaisse.sepa.PaymentStatusReport.StatusReason;
import fr.encaisse.sepa.PaymentStatusReport.TransactionStatus;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads ISO 20022 customer payment status reports ({@code pain.002.001.03} and
 * {@code pain.002.001.10}, {@code Document/CstmrPmtStsRpt}) with StAX, one pass, no DOM: group,
 * payment-information and transaction statuses with their reason codes, the bank's charges and
 * the original references. Elements the reader does not need are skipped. DTDs and external
 * entities are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class Pain002Reader {

    /** The versions read; others of the same shape are refused by name rather than guessed at. */
    public static final List<String> SUPPORTED = List.of("pain.002.001.03", "pain.002.001.10");

    private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    private static final XMLInputFactory FACTORY;

    static {
        FACTORY = XMLInputFactory.newDefaultFactory();
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /**
     * @throws StatusReportFormatException not well-formed XML, another message, or a required
     *                                     element missing (message id, original message id, a
     *                                     rejected transaction's end-to-end id)
     */
    public PaymentStatusReport read(InputStream in) {
        Objects.requireNonNull(in, "in");
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            return new Parse(r).run();
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new StatusReportFormatException(line, "not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    /** Whether the first bytes of a file look like a pain.002 (any version). */
    public static boolean looksLikeStatusReport(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains(NAMESPACE_PREFIX + "pain.002.");
    }

    /** One read: the builders of the levels being read. */
    private static final class Parse {
        private final XMLStreamReader r;
        private final Deque<String> stack = new ArrayDeque<>();
        private String messageName;
        private String messageId;
        private OffsetDateTime creationTime;
        private String originalMessageId;
        private String originalMessageName;
        private String groupStatus;
        private final List<StatusReason> groupReasons = new ArrayList<>();
        private final List<PaymentInformationStatus> blocks = new ArrayList<>();
        private Block block;
        private Tx tx;
        private Reason reason;

        Parse(XMLStreamReader r) {
            this.r = r;
        }

        PaymentStatusReport run() throws XMLStreamException {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(stack.pop());
                }
            }
            if (messageName == null) {
                throw new StatusReportFormatException(0, "empty document");
            }
            if (messageId == null) {
                throw new StatusReportFormatException(0, "GrpHdr/MsgId is missing");
            }
            if (originalMessageId == null) {
                throw new StatusReportFormatException(0, "OrgnlGrpInfAndSts/OrgnlMsgId is missing");
            }
            return new PaymentStatusReport(messageName, messageId, creationTime, originalMessageId,
                    originalMessageName, groupStatus, groupReasons, blocks);
        }

        private long line() {
            return r.getLocation() == null ? 0 : r.getLocation().getLineNumber();
        }

        private void start() throws XMLStreamException {
            String name = r.getLocalName();
            if (stack.isEmpty()) {
                root(name);
                stack.push(name);
                return;
            }
            String parent = stack.peek();
            String text = switch (name) {
                case "MsgId" -> "GrpHdr".equals(parent) ? text() : null;
                case "CreDtTm" -> "GrpHdr".equals(parent) ? text() : null;
                case "OrgnlMsgId", "OrgnlMsgNmId", "GrpSts" -> "OrgnlGrpInfAndSts".equals(parent) ? text() : null;
                case "OrgnlPmtInfId", "PmtInfSts" -> "OrgnlPmtInfAndSts".equals(parent) ? text() : null;
                case "StsId", "OrgnlInstrId", "OrgnlEndToEndId", "TxSts" -> "TxInfAndSts".equals(parent) ? text() : null;
                case "Cd", "Prtry" -> "Rsn".equals(parent) && reason != null ? text() : null;
                case "AddtlInf" -> "StsRsnInf".equals(parent) && reason != null ? text() : null;
                case "Amt" -> "ChrgsInf".equals(parent) && tx != null ? text() : null;
                case "InstdAmt" -> "Amt".equals(parent) && tx != null && under("OrgnlTxRef") ? text() : null;
                case "ReqdColltnDt" -> "OrgnlTxRef".equals(parent) && tx != null ? text() : null;
                case "MndtId" -> "MndtRltdInf".equals(parent) && tx != null ? text() : null;
                default -> null;
            };
            if (text == null) {
                opened(name);
                stack.push(name);
                return;
            }
            // getElementText consumed the end tag: the element is complete.
            leaf(name, parent, text.strip());
        }

        private String chargesCurrency;

        private String text() throws XMLStreamException {
            if ("Amt".equals(r.getLocalName()) || "InstdAmt".equals(r.getLocalName())) {
                chargesCurrency = r.getAttributeValue(null, "Ccy");
            }
            return r.getElementText();
        }

        private boolean under(String ancestor) {
            return stack.contains(ancestor);
        }

        private void root(String name) {
            String ns = r.getNamespaceURI();
            if (!"Document".equals(name) || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
                throw new StatusReportFormatException(line(), "not an ISO 20022 document (root element " + name
                        + (ns == null ? "" : " in " + ns) + ")");
            }
            String message = ns.substring(NAMESPACE_PREFIX.length());
            if (!SUPPORTED.contains(message)) {
                throw new StatusReportFormatException(line(), "unsupported message '" + message + "'; supported: "
                        + String.join(", ", SUPPORTED));
            }
            messageName = message;
        }

        private void opened(String name) {
            switch (name) {
                case "OrgnlPmtInfAndSts" -> block = new Block();
                case "TxInfAndSts" -> {
                    tx = new Tx();
                    tx.line = line();
                }
                case "StsRsnInf" -> reason = new Reason();
                default -> {
                }
            }
        }

        private void leaf(String name, String parent, String text) {
            switch (name) {
                case "MsgId" -> messageId = text;
                case "CreDtTm" -> creationTime = dateTime(text);
                case "OrgnlMsgId" -> originalMessageId = text;
                case "OrgnlMsgNmId" -> originalMessageName = text;
                case "GrpSts" -> groupStatus = text;
                case "OrgnlPmtInfId" -> requireBlock().id = text;
                case "PmtInfSts" -> requireBlock().status = text;
                case "StsId" -> tx.statusId = text;
                case "OrgnlInstrId" -> tx.instructionId = text;
                case "OrgnlEndToEndId" -> tx.endToEndId = text;
                case "TxSts" -> tx.status = text;
                case "Cd", "Prtry" -> {
                    reason.code = text;
                    reason.proprietary = "Prtry".equals(name);
                }
                case "AddtlInf" -> reason.info.add(text);
                case "Amt" -> {
                    BigDecimal amount = amount(text, "ChrgsInf/Amt");
                    tx.charges = tx.charges == null ? amount : tx.charges.add(amount);
                    tx.chargesCurrency = chargesCurrency;
                }
                case "InstdAmt" -> tx.originalAmount = amount(text, "OrgnlTxRef/Amt/InstdAmt");
                case "ReqdColltnDt" -> tx.collectionDate = date(text, "OrgnlTxRef/ReqdColltnDt");
                case "MndtId" -> tx.mandateId = text;
                default -> throw new IllegalStateException(name + " under " + parent);
            }
        }

        private Block requireBlock() {
            if (block == null) {
                throw new StatusReportFormatException(line(), "payment information outside OrgnlPmtInfAndSts");
            }
            return block;
        }

        private void end(String name) {
            switch (name) {
                case "StsRsnInf" -> {
                    if (reason != null && reason.code != null) {
                        StatusReason done = new StatusReason(reason.code, reason.proprietary, reason.info);
                        if (tx != null) {
                            tx.reasons.add(done);
                        } else if (block != null) {
                            block.reasons.add(done);
                        } else {
                            groupReasons.add(done);
                        }
                    }
                    reason = null;
                }
                case "TxInfAndSts" -> {
                    if (tx.endToEndId == null) {
                        throw new StatusReportFormatException(tx.line, "TxInfAndSts without OrgnlEndToEndId");
                    }
                    requireBlock().transactions.add(new TransactionStatus(tx.statusId, tx.instructionId, tx.endToEndId,
                            tx.status, tx.reasons, tx.charges, tx.chargesCurrency, tx.originalAmount, tx.collectionDate,
                            tx.mandateId, tx.line));
                    tx = null;
                }
                case "OrgnlPmtInfAndSts" -> {
                    blocks.add(new PaymentInformationStatus(block.id, block.status, block.reasons, block.transactions));
                    block = null;
                }
                default -> {
                }
            }
        }

        private BigDecimal amount(String text, String path) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new StatusReportFormatException(line(), path + " is not an amount: '" + text + "'");
            }
        }

        private LocalDate date(String text, String path) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw new StatusReportFormatException(line(), path + " is not a date: '" + text + "'");
            }
        }

        private OffsetDateTime dateTime(String text) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    throw new StatusReportFormatException(line(), "GrpHdr/CreDtTm is not a date and time: '" + text + "'");
                }
            }
        }
    }

    private static final class Block {
        String id;
        String status;
        final List<StatusReason> reasons = new ArrayList<>();
        final List<TransactionStatus> transactions = new ArrayList<>();
    }

    private static final class Tx {
        String statusId;
        String instructionId;
        String endToEndId;
        String status;
        final List<StatusReason> reasons = new ArrayList<>();
        BigDecimal charges;
        String chargesCurrency;
        BigDecimal originalAmount;
        LocalDate collectionDate;
        String mandateId;
        long line;
    }

    private static final class Reason {
        String code;
        boolean proprietary;
        final List<String> info = new ArrayList<>();
    }
}
