package fr.encaisse.sepa.internal;

import fr.encaisse.sepa.Amendment;
import fr.encaisse.sepa.Creditor;
import fr.encaisse.sepa.Debit;
import fr.encaisse.sepa.DirectDebitFile;
import fr.encaisse.sepa.Pain008Summary;
import fr.encaisse.sepa.PainVersion;
import fr.encaisse.sepa.PostalAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;

/**
 * Writes a pain.008 in constant memory, in two passes over a re-iterable source of debits.
 *
 * <p>Why two passes: the group header ({@code GrpHdr/NbOfTxs, CtrlSum}) and each payment
 * information block ({@code PmtInf/NbOfTxs, CtrlSum}) carry totals <em>before</em> the
 * transactions they sum. A single pass would have to hold every debit in memory (or write a
 * temporary file and then splice the totals in). Instead the first pass streams the debits once
 * and keeps only one small record per block (count, sum: a handful of blocks per file); the second
 * pass streams them again and writes. This needs a source that yields the same debits, in the same
 * order, twice — a {@code Supplier<Stream<Debit>>} running the same ordered query, or a list — and
 * debits grouped by (collection date, scheme, sequence type), which the database does for free with
 * ORDER BY. The alternatives cost more: one pass per block (k+1 reads) or sorting here (memory).
 * Both conditions are checked: non-contiguous blocks fail the first pass, before any byte is
 * written; a source that changed between passes fails the second (write to a temporary file and
 * publish it only on success — {@link fr.encaisse.sepa.Pain008Writer#write(DirectDebitFile,
 * Supplier, java.nio.file.Path)} does).
 */
public final class Pain008StreamWriter {

    private static final String NOT_PROVIDED = "NOTPROVIDED";

    private final PainVersion version;
    private final boolean indent;

    public Pain008StreamWriter(PainVersion version, boolean indent) {
        this.version = version;
        this.indent = indent;
    }

    public Pain008Summary write(DirectDebitFile file, Supplier<? extends Stream<Debit>> debits, OutputStream out)
            throws IOException {
        List<PaymentGroup> groups = firstPass(file.messageId(), debits);
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (PaymentGroup g : groups) {
            count += g.count();
            sum = sum.add(g.sum());
        }
        try {
            secondPass(file, groups, count, sum, debits, out);
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("could not write " + version.messageName() + " " + file.messageId(), e);
        }
        List<Pain008Summary.PaymentInformation> blocks = groups.stream()
                .map(g -> new Pain008Summary.PaymentInformation(g.id(), g.key().collectionDate(), g.key().scheme(),
                        g.key().sequenceType(), g.count(), g.sum()))
                .toList();
        return new Pain008Summary(file.messageId(), version, count, sum, blocks);
    }

    /** Totals per block, in order of appearance; rejects blocks that are not contiguous. */
    private static List<PaymentGroup> firstPass(String messageId, Supplier<? extends Stream<Debit>> debits) {
        List<PaymentGroup> groups = new ArrayList<>();
        Set<PaymentGroup.Key> closed = new HashSet<>();
        try (Stream<Debit> stream = debits.get()) {
            Iterator<Debit> it = stream.iterator();
            PaymentGroup.Key current = null;
            long count = 0;
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            while (it.hasNext()) {
                Debit d = it.next();
                PaymentGroup.Key key = PaymentGroup.Key.of(d);
                if (!key.equals(current)) {
                    if (current != null) {
                        groups.add(new PaymentGroup(current, paymentInformationId(messageId, groups.size()), count, sum));
                        closed.add(current);
                    }
                    if (closed.contains(key)) {
                        throw new IllegalArgumentException("Debits are not grouped by collection date, scheme and "
                                + "sequence type: " + key + " appears again after " + current + " (at debit "
                                + d.endToEndId() + "); sort them with Debit.PAYMENT_GROUP_ORDER");
                    }
                    current = key;
                    count = 0;
                    sum = BigDecimal.ZERO.setScale(2);
                }
                count++;
                sum = sum.add(d.amount());
            }
            if (current == null) {
                throw new IllegalArgumentException("A pain.008 needs at least one debit; none given for " + messageId);
            }
            groups.add(new PaymentGroup(current, paymentInformationId(messageId, groups.size()), count, sum));
        }
        return groups;
    }

    /** {@code <MsgId>-<n>}, the message id cut so that the whole fits in 35 characters. */
    static String paymentInformationId(String messageId, int index) {
        String suffix = "-" + (index + 1);
        String stem = messageId.length() + suffix.length() <= 35 ? messageId
                : messageId.substring(0, 35 - suffix.length());
        return stem + suffix;
    }

    private void secondPass(DirectDebitFile file, List<PaymentGroup> groups, long count, BigDecimal sum,
            Supplier<? extends Stream<Debit>> debits, OutputStream out) throws XMLStreamException {
        Creditor creditor = file.creditor();
        Xml xml = Xml.document(out, version.namespace(), "Document", indent);
        xml.start("CstmrDrctDbtInitn");
        xml.start("GrpHdr")
                .leaf("MsgId", file.messageId())
                .leaf("CreDtTm", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(file.creationTime()))
                .leaf("NbOfTxs", Long.toString(count))
                .leaf("CtrlSum", sum.toPlainString())
                .start("InitgPty").leaf("Nm", SepaText.latin(creditor.name(), 70)).end()
                .end();
        try (Stream<Debit> stream = debits.get()) {
            Iterator<Debit> it = stream.iterator();
            int groupIndex = -1;
            PaymentGroup group = null;
            long seen = 0;
            BigDecimal seenSum = BigDecimal.ZERO;
            while (it.hasNext()) {
                Debit d = it.next();
                if (group == null || !group.key().equals(PaymentGroup.Key.of(d))) {
                    if (group != null) {
                        checkSame(group, seen, seenSum);
                        xml.end();
                    }
                    groupIndex++;
                    if (groupIndex >= groups.size() || !groups.get(groupIndex).key().equals(PaymentGroup.Key.of(d))) {
                        throw changedBetweenPasses("block " + PaymentGroup.Key.of(d) + " was not seen at this place");
                    }
                    group = groups.get(groupIndex);
                    seen = 0;
                    seenSum = BigDecimal.ZERO;
                    paymentInformationHeader(xml, group, creditor);
                }
                transaction(xml, d);
                seen++;
                seenSum = seenSum.add(d.amount());
            }
            if (group == null || groupIndex != groups.size() - 1) {
                throw changedBetweenPasses("fewer blocks on the second pass");
            }
            checkSame(group, seen, seenSum);
            xml.end();
        }
        xml.end();
        xml.finish();
    }

    private static void checkSame(PaymentGroup group, long count, BigDecimal sum) {
        if (group.count() != count || group.sum().compareTo(sum) != 0) {
            throw changedBetweenPasses("block " + group.key() + " had " + group.count() + " debits for "
                    + group.sum() + " EUR on the first pass, " + count + " for " + sum + " on the second");
        }
    }

    private static IllegalStateException changedBetweenPasses(String detail) {
        return new IllegalStateException("The debit source returned different debits on the second pass (" + detail
                + "); it must be re-iterable and stable while the file is written. The output is incomplete.");
    }

    private void paymentInformationHeader(Xml xml, PaymentGroup group, Creditor creditor) throws XMLStreamException {
        xml.start("PmtInf")
                .leaf("PmtInfId", group.id())
                .leaf("PmtMtd", "DD")
                .leaf("NbOfTxs", Long.toString(group.count()))
                .leaf("CtrlSum", group.sum().toPlainString())
                .start("PmtTpInf")
                .start("SvcLvl").leaf("Cd", "SEPA").end()
                .start("LclInstrm").leaf("Cd", group.key().scheme().name()).end()
                .leaf("SeqTp", group.key().sequenceType().name())
                .end()
                .leaf("ReqdColltnDt", group.key().collectionDate().toString());
        party(xml, "Cdtr", creditor.name(), creditor.address());
        account(xml, "CdtrAcct", creditor.iban());
        agent(xml, "CdtrAgt", creditor.bic());
        xml.leaf("ChrgBr", "SLEV");
        xml.start("CdtrSchmeId");
        creditorSchemeId(xml, creditor.creditorSchemeId());
        xml.end();
    }

    private void transaction(Xml xml, Debit d) throws XMLStreamException {
        xml.start("DrctDbtTxInf")
                .start("PmtId").leaf("EndToEndId", d.endToEndId()).end()
                .leaf("InstdAmt", "Ccy", "EUR", d.amount().toPlainString())
                .start("DrctDbtTx")
                .start("MndtRltdInf")
                .leaf("MndtId", d.mandateId())
                .leaf("DtOfSgntr", d.dateOfSignature().toString());
        Amendment a = d.amendment();
        xml.leaf("AmdmntInd", Boolean.toString(a.isAmended()));
        if (a.isAmended()) {
            amendmentDetails(xml, a);
        }
        xml.end().end();
        agent(xml, "DbtrAgt", d.debtorBic());
        party(xml, "Dbtr", d.debtorName(), d.debtorAddress());
        account(xml, "DbtrAcct", d.debtorIban());
        String remittance = SepaText.latin(d.remittanceInformation(), 140);
        if (!remittance.isEmpty()) {
            xml.start("RmtInf").leaf("Ustrd", remittance).end();
        }
        xml.end();
    }

    /** {@code AmdmntInfDtls}, elements in schema order (identical in .02 and .08 for those used). */
    private void amendmentDetails(Xml xml, Amendment a) throws XMLStreamException {
        xml.start("AmdmntInfDtls");
        xml.optionalLeaf("OrgnlMndtId", a.originalMandateId());
        if (a.originalCreditorSchemeId() != null || a.originalCreditorName() != null) {
            xml.start("OrgnlCdtrSchmeId");
            xml.optionalLeaf("Nm", SepaText.latin(a.originalCreditorName(), 70));
            if (a.originalCreditorSchemeId() != null) {
                creditorSchemeId(xml, a.originalCreditorSchemeId());
            }
            xml.end();
        }
        if (a.originalDebtorIban() != null) {
            account(xml, "OrgnlDbtrAcct", a.originalDebtorIban());
        }
        if (a.changedDebtorAgent()) {
            xml.start("OrgnlDbtrAgt").start("FinInstnId").start("Othr").leaf("Id", "SMNDA").end().end().end();
        }
        xml.end();
    }

    /** {@code Id/PrvtId/Othr/{Id, SchmeNm/Prtry=SEPA}}: where the EPC puts the creditor identifier. */
    private static void creditorSchemeId(Xml xml, String ics) throws XMLStreamException {
        xml.start("Id").start("PrvtId").start("Othr")
                .leaf("Id", ics)
                .start("SchmeNm").leaf("Prtry", "SEPA").end()
                .end().end().end();
    }

    private static void account(Xml xml, String element, String iban) throws XMLStreamException {
        xml.start(element).start("Id").leaf("IBAN", iban).end().end();
    }

    /** A bank by BIC ({@code BICFI} in .08, {@code BIC} in .02), or {@code Othr/Id = NOTPROVIDED} without one. */
    private void agent(Xml xml, String element, String bic) throws XMLStreamException {
        xml.start(element).start("FinInstnId");
        if (bic != null) {
            xml.leaf(version == PainVersion.V08 ? "BICFI" : "BIC", bic);
        } else {
            xml.start("Othr").leaf("Id", NOT_PROVIDED).end();
        }
        xml.end().end();
    }

    private void party(Xml xml, String element, String name, PostalAddress address) throws XMLStreamException {
        xml.start(element).leaf("Nm", SepaText.latin(name, 70));
        if (address != null) {
            postalAddress(xml, address);
        }
        xml.end();
    }

    /**
     * .08: structured {@code StrtNm, BldgNb, PstCd, TwnNm, Ctry} (PostalAddress24 order). .02: the
     * EPC 2009 guidelines allow only {@code Ctry} and two {@code AdrLine}s.
     */
    private void postalAddress(Xml xml, PostalAddress a) throws XMLStreamException {
        xml.start("PstlAdr");
        if (version == PainVersion.V08) {
            xml.optionalLeaf("StrtNm", SepaText.latin(a.streetName(), 70))
                    .optionalLeaf("BldgNb", SepaText.latin(a.buildingNumber(), 16))
                    .optionalLeaf("PstCd", SepaText.latin(a.postCode(), 16))
                    .leaf("TwnNm", SepaText.latin(a.townName(), 35))
                    .leaf("Ctry", a.country());
        } else {
            xml.leaf("Ctry", a.country())
                    .optionalLeaf("AdrLine", SepaText.latin(join(a.buildingNumber(), a.streetName()), 70))
                    .leaf("AdrLine", SepaText.latin(join(a.postCode(), a.townName()), 70));
        }
        xml.end();
    }

    private static String join(String first, String second) {
        return (first == null ? "" : first) + " " + (second == null ? "" : second);
    }
}
