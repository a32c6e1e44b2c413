package fr.encaisse.documents.internal;

import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the EN 16931 business terms Encaisse needs from an e-invoice: a Factur-X / ZUGFeRD 2 PDF
 * (the CII XML embedded in it), a CII XML (UN/CEFACT CrossIndustryInvoice D16B) or a UBL 2.1
 * Invoice or CreditNote. Every problem found is reported at once, each named by its business term
 * (BT-…), and nothing is guessed: a file that does not add up is refused.
 *
 * <p>Mustang writes Factur-X; reading is done here on the XML itself because Mustang 2.25's
 * importer fails on UBL credit notes and drops the UBL buyer's registration name.
 */
final class EInvoiceReader {

    static final String CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private static final Set<String> EMBEDDED_NAMES = Set.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");
    /** UNTDID 1001 codes of credit notes (EN 16931 allows 381, 261, 262, 296, 308, 396, 420, 458, 532). */
    private static final Set<String> CREDIT_NOTE_CODES = Set.of("381", "261", "262", "296", "308", "396", "420", "458", "532");
    private static final DateTimeFormatter CII_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final int MAX_BYTES = 20 * 1024 * 1024;

    private EInvoiceReader() {
    }

    record Party(String name, String id, String legalId, String legalIdScheme, String vat, String line1, String line2,
                 String postcode, String city, String country, String email) {
    }

    record Data(String syntax, String profile, boolean creditNote, String typeCode, String number, LocalDate issueDate,
                LocalDate dueDate, String currency, Party seller, Party buyer, BigDecimal taxBasis, BigDecimal taxTotal,
                BigDecimal grandTotal, BigDecimal prepaid, BigDecimal rounding, BigDecimal duePayable, String paymentTerms,
                String paymentMeansCode, String iban, String poReference, String buyerReference, String precedingInvoice,
                boolean roundingInTotal, List<String> notes, byte[] xml) {
    }

    static Data read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw problem("file", fileName, "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw problem("file", fileName, "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (startsWith(content, "%PDF")) {
            return parse(fileName, embeddedXml(fileName, content), "FACTURX_PDF");
        }
        return parse(fileName, content, null);
    }

    private static byte[] embeddedXml(String fileName, byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDEmbeddedFilesNameTreeNode tree = new PDDocumentNameDictionary(doc.getDocumentCatalog()).getEmbeddedFiles();
            byte[] xml = tree == null ? null : find(tree, 0);
            if (xml == null) {
                throw problem("file", fileName, "is a PDF without an embedded factur-x.xml (or zugferd-invoice.xml):"
                        + " it is not a Factur-X / ZUGFeRD invoice");
            }
            return xml;
        } catch (IOException e) {
            throw problem("file", fileName, "is not a readable PDF (" + e.getMessage() + ")");
        }
    }

    private static byte[] find(PDNameTreeNode<PDComplexFileSpecification> node, int depth) throws IOException {
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            for (var e : names.entrySet()) {
                String name = e.getKey();
                PDComplexFileSpecification spec = e.getValue();
                String file = spec.getFilename() != null ? spec.getFilename() : name;
                if (EMBEDDED_NAMES.contains(file.toLowerCase()) || EMBEDDED_NAMES.contains(name.toLowerCase())) {
                    PDEmbeddedFile embedded = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
                    if (embedded != null) {
                        return embedded.toByteArray();
                    }
                }
            }
        }
        if (node.getKids() != null && depth < 10) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                byte[] found = find(kid, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Data parse(String fileName, byte[] xml, String container) {
        Document doc;
        try {
            doc = SafeXml.documentBuilder(true).parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw problem("file", fileName, "is not well-formed XML (line " + e.getLineNumber() + ": " + e.getMessage() + ")");
        } catch (SAXException | IOException e) {
            throw problem("file", fileName, "is not well-formed XML (" + e.getMessage() + ")");
        }
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        Parsed p = new Parsed();
        if (CII_NS.equals(ns) && "CrossIndustryInvoice".equals(root.getLocalName())) {
            cii(root, p);
        } else if ((UBL_INVOICE_NS.equals(ns) && "Invoice".equals(root.getLocalName()))
                || (UBL_CREDIT_NOTE_NS.equals(ns) && "CreditNote".equals(root.getLocalName()))) {
            ubl(root, p);
        } else if (ns.contains("CrossIndustryDocument")) {
            throw problem("file", fileName, "is a ZUGFeRD 1.0 invoice (CrossIndustryDocument), which is not supported:"
                    + " ask for ZUGFeRD 2 / Factur-X, CII D16B or UBL 2.1");
        } else {
            throw problem("file", fileName, "is XML but neither a CII CrossIndustryInvoice nor a UBL Invoice or CreditNote"
                    + " (root element " + root.getNodeName() + ")");
        }
        String syntax = container != null ? container : p.syntax;
        if (container != null && !"CII".equals(p.syntax)) {
            p.problems.add(FieldProblem.of("file", fileName, "embeds a " + p.syntax + " XML; Factur-X embeds CII"));
        }
        p.check();
        if (!p.problems.isEmpty()) {
            throw new InvalidInputException(fileName + ": " + p.problems.stream().map(x -> x.field() + " " + x.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), p.problems);
        }
        return new Data(syntax, p.profile, p.creditNote, p.typeCode, p.number, p.issueDate, p.dueDate, p.currency, p.seller,
                p.buyer, p.taxBasis, p.taxTotal, p.grandTotal, p.prepaid, p.rounding, p.duePayable, p.paymentTerms,
                p.paymentMeansCode, p.iban, p.poReference, p.buyerReference, p.precedingInvoice, p.roundingInTotal,
                List.copyOf(p.notes), xml);
    }

    // ---- CII (Factur-X, ZUGFeRD 2, XRechnung CII)

    private static void cii(Element root, Parsed p) {
        p.syntax = "CII";
        p.profile = text(root, "ExchangedDocumentContext", "GuidelineSpecifiedDocumentContextParameter", "ID");
        p.number = text(root, "ExchangedDocument", "ID");
        p.typeCode = text(root, "ExchangedDocument", "TypeCode");
        p.creditNote = p.typeCode != null && CREDIT_NOTE_CODES.contains(p.typeCode);
        p.issueDate = ciiDate(p, "BT-2 (invoice issue date)", child(root, "ExchangedDocument", "IssueDateTime", "DateTimeString"));
        Element tx = child(root, "SupplyChainTradeTransaction");
        Element agreement = child(tx, "ApplicableHeaderTradeAgreement");
        Element settlement = child(tx, "ApplicableHeaderTradeSettlement");
        p.seller = ciiParty(child(agreement, "SellerTradeParty"));
        p.buyer = ciiParty(child(agreement, "BuyerTradeParty"));
        p.buyerReference = text(agreement, "BuyerReference");
        p.poReference = text(agreement, "BuyerOrderReferencedDocument", "IssuerAssignedID");
        p.currency = text(settlement, "InvoiceCurrencyCode");
        Element means = child(settlement, "SpecifiedTradeSettlementPaymentMeans");
        p.paymentMeansCode = text(means, "TypeCode");
        p.iban = text(means, "PayeePartyCreditorFinancialAccount", "IBANID");
        Element terms = child(settlement, "SpecifiedTradePaymentTerms");
        p.paymentTerms = text(terms, "Description");
        p.dueDate = ciiDate(p, "BT-9 (payment due date)", child(terms, "DueDateDateTime", "DateTimeString"));
        p.precedingInvoice = text(settlement, "InvoiceReferencedDocument", "IssuerAssignedID");
        Element sums = child(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");
        p.taxBasis = p.amount("BT-109 (total without VAT)", text(sums, "TaxBasisTotalAmount"));
        p.taxTotal = p.amount("BT-110 (total VAT)", taxTotal(sums, p.currency));
        p.grandTotal = p.amount("BT-112 (total with VAT)", text(sums, "GrandTotalAmount"));
        p.prepaid = p.amount("BT-113 (paid amount)", text(sums, "TotalPrepaidAmount"));
        p.rounding = p.amount("BT-114 (rounding amount)", text(sums, "RoundingAmount"));
        p.duePayable = p.amount("BT-115 (amount due for payment)", text(sums, "DuePayableAmount"));
    }

    private static String taxTotal(Element sums, String currency) {
        String first = null;
        for (Element e : children(sums, "TaxTotalAmount")) {
            String cur = e.getAttribute("currencyID");
            if (currency != null && currency.equals(cur)) {
                return e.getTextContent().trim();
            }
            if (first == null && (cur.isEmpty() || currency == null)) {
                first = e.getTextContent().trim();
            }
        }
        return first;
    }

    private static Party ciiParty(Element party) {
        if (party == null) {
            return null;
        }
        String vat = null;
        for (Element reg : children(party, "SpecifiedTaxRegistration")) {
            Element id = child(reg, "ID");
            if (id != null && "VA".equals(id.getAttribute("schemeID"))) {
                vat = id.getTextContent().trim();
            }
        }
        Element legal = child(party, "SpecifiedLegalOrganization", "ID");
        String email = text(party, "URIUniversalCommunication", "URIID");
        Element endpoint = child(party, "URIUniversalCommunication", "URIID");
        if (endpoint != null && !"EM".equals(endpoint.getAttribute("schemeID"))) {
            email = null;
        }
        if (email == null) {
            email = text(party, "DefinedTradeContact", "EmailURIUniversalCommunication", "URIID");
        }
        Element address = child(party, "PostalTradeAddress");
        String id = text(party, "ID");
        return new Party(text(party, "Name"), id != null ? id : text(party, "GlobalID"),
                legal == null ? null : legal.getTextContent().trim(), legal == null ? null : legal.getAttribute("schemeID"),
                vat, text(address, "LineOne"), text(address, "LineTwo"), text(address, "PostcodeCode"), text(address, "CityName"),
                text(address, "CountryID"), email);
    }

    private static LocalDate ciiDate(Parsed p, String term, Element dateTimeString) {
        if (dateTimeString == null) {
            return null;
        }
        String format = dateTimeString.getAttribute("format");
        String value = dateTimeString.getTextContent().trim();
        if (!format.isEmpty() && !"102".equals(format)) {
            p.problems.add(FieldProblem.of(term, value, "has date format " + format + "; EN 16931 uses format 102 (yyyyMMdd)"));
            return null;
        }
        try {
            return LocalDate.parse(value, CII_DATE);
        } catch (DateTimeParseException e) {
            p.problems.add(FieldProblem.of(term, value, "is not a date in format 102 (yyyyMMdd)"));
            return null;
        }
    }

    // ---- UBL 2.1

    private static void ubl(Element root, Parsed p) {
        p.syntax = "UBL";
        boolean creditNoteDocument = "CreditNote".equals(root.getLocalName());
        p.profile = text(root, "CustomizationID");
        p.number = text(root, "ID");
        p.typeCode = text(root, creditNoteDocument ? "CreditNoteTypeCode" : "InvoiceTypeCode");
        p.creditNote = creditNoteDocument || (p.typeCode != null && CREDIT_NOTE_CODES.contains(p.typeCode));
        p.issueDate = ubldate(p, "BT-2 (invoice issue date)", text(root, "IssueDate"));
        String due = text(root, "DueDate");
        if (due == null) {
            due = text(root, "PaymentMeans", "PaymentDueDate");
        }
        p.dueDate = ubldate(p, "BT-9 (payment due date)", due);
        p.currency = text(root, "DocumentCurrencyCode");
        p.buyerReference = text(root, "BuyerReference");
        p.poReference = text(root, "OrderReference", "ID");
        p.precedingInvoice = text(root, "BillingReference", "InvoiceDocumentReference", "ID");
        p.seller = ublParty(child(root, "AccountingSupplierParty", "Party"));
        p.buyer = ublParty(child(root, "AccountingCustomerParty", "Party"));
        Element means = child(root, "PaymentMeans");
        p.paymentMeansCode = text(means, "PaymentMeansCode");
        p.iban = text(means, "PayeeFinancialAccount", "ID");
        p.paymentTerms = text(root, "PaymentTerms", "Note");
        String vat = null;
        for (Element total : children(root, "TaxTotal")) {
            Element amount = child(total, "TaxAmount");
            if (amount != null && (vat == null || amount.getAttribute("currencyID").equals(p.currency))) {
                vat = amount.getTextContent().trim();
            }
        }
        Element sums = child(root, "LegalMonetaryTotal");
        p.taxBasis = p.amount("BT-109 (total without VAT)", text(sums, "TaxExclusiveAmount"));
        p.taxTotal = p.amount("BT-110 (total VAT)", vat);
        p.grandTotal = p.amount("BT-112 (total with VAT)", text(sums, "TaxInclusiveAmount"));
        p.prepaid = p.amount("BT-113 (paid amount)", text(sums, "PrepaidAmount"));
        p.rounding = p.amount("BT-114 (rounding amount)", text(sums, "PayableRoundingAmount"));
        p.duePayable = p.amount("BT-115 (amount due for payment)", text(sums, "PayableAmount"));
    }

    private static Party ublParty(Element party) {
        if (party == null) {
            return null;
        }
        String vat = null;
        String taxId = null;
        for (Element scheme : children(party, "PartyTaxScheme")) {
            String id = text(scheme, "CompanyID");
            if ("VAT".equals(text(scheme, "TaxScheme", "ID"))) {
                vat = id;
            } else {
                taxId = id;
            }
        }
        Element legalId = child(party, "PartyLegalEntity", "CompanyID");
        Element endpoint = child(party, "EndpointID");
        String email = endpoint != null && "EM".equals(endpoint.getAttribute("schemeID")) ? endpoint.getTextContent().trim() : null;
        if (email == null) {
            email = text(party, "Contact", "ElectronicMail");
        }
        String name = text(party, "PartyLegalEntity", "RegistrationName");
        if (name == null) {
            name = text(party, "PartyName", "Name");
        }
        Element address = child(party, "PostalAddress");
        return new Party(name, text(party, "PartyIdentification", "ID"),
                legalId == null ? null : legalId.getTextContent().trim(), legalId == null ? null : legalId.getAttribute("schemeID"),
                vat != null ? vat : taxId, text(address, "StreetName"), text(address, "AdditionalStreetName"),
                text(address, "PostalZone"), text(address, "CityName"), text(address, "Country", "IdentificationCode"), email);
    }

    private static LocalDate ubldate(Parsed p, String term, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            p.problems.add(FieldProblem.of(term, value, "is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    // ---- what was read, and its checks

    private static final class Parsed {
        final List<FieldProblem> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean roundingInTotal;
        String syntax;
        String profile;
        boolean creditNote;
        String typeCode;
        String number;
        LocalDate issueDate;
        LocalDate dueDate;
        String currency;
        Party seller;
        Party buyer;
        BigDecimal taxBasis;
        BigDecimal taxTotal;
        BigDecimal grandTotal;
        BigDecimal prepaid;
        BigDecimal rounding;
        BigDecimal duePayable;
        String paymentTerms;
        String paymentMeansCode;
        String iban;
        String poReference;
        String buyerReference;
        String precedingInvoice;

        BigDecimal amount(String term, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of(term, value, "is not an amount"));
                return null;
            }
        }

        void check() {
            required("BT-1 (invoice number)", number);
            if (number != null && number.length() > 64) {
                problems.add(FieldProblem.of("BT-1 (invoice number)", number, "is longer than 64 characters"));
            }
            if (issueDate == null && problems.stream().noneMatch(x -> x.field().startsWith("BT-2 "))) {
                problems.add(FieldProblem.of("BT-2 (invoice issue date)", "is missing"));
            }
            required("BT-5 (invoice currency)", currency);
            int digits = 2;
            if (currency != null) {
                try {
                    digits = Currency.getInstance(currency).getDefaultFractionDigits();
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("BT-5 (invoice currency)", currency, "is not an ISO 4217 currency code"));
                }
            }
            if (seller == null || seller.name() == null) {
                problems.add(FieldProblem.of("BT-27 (seller name)", "is missing"));
            }
            if (buyer == null || buyer.name() == null) {
                problems.add(FieldProblem.of("BT-44 (buyer name)", "is missing"));
            }
            requiredAmount("BT-109 (total without VAT)", taxBasis);
            requiredAmount("BT-112 (total with VAT)", grandTotal);
            if (taxTotal == null && taxBasis != null && grandTotal != null && taxBasis.compareTo(grandTotal) == 0) {
                taxTotal = BigDecimal.ZERO;
            }
            requiredAmount("BT-110 (total VAT)", taxTotal);
            for (var e : List.of(Map.entry("BT-109 (total without VAT)", nz(taxBasis)), Map.entry("BT-110 (total VAT)", nz(taxTotal)),
                    Map.entry("BT-112 (total with VAT)", nz(grandTotal)), Map.entry("BT-113 (paid amount)", nz(prepaid)),
                    Map.entry("BT-115 (amount due for payment)", nz(duePayable)))) {
                if (e.getValue().stripTrailingZeros().scale() > digits) {
                    problems.add(FieldProblem.of(e.getKey(), e.getValue().toPlainString(), "has more than " + digits + " decimals"));
                }
            }
            if (taxBasis != null && taxTotal != null && grandTotal != null && taxBasis.add(taxTotal).compareTo(grandTotal) != 0) {
                if (rounding != null && taxBasis.add(taxTotal).add(rounding).compareTo(grandTotal) == 0) {
                    // UBL 2.0 habit: the rounding amount is already inside the total with VAT.
                    roundingInTotal = true;
                    notes.add("BT-112 (total with VAT) " + grandTotal.toPlainString() + " includes the rounding amount BT-114 "
                            + rounding.toPlainString() + " (EN 16931 adds it to the amount due instead)");
                } else {
                    problems.add(FieldProblem.of("BT-112 (total with VAT)", grandTotal.toPlainString(),
                            "is not BT-109 + BT-110 = " + taxBasis.add(taxTotal).toPlainString() + " (rule BR-CO-15)"));
                }
            }
            if (grandTotal != null && duePayable != null && prepaid == null && rounding == null
                    && duePayable.compareTo(grandTotal) < 0 && duePayable.signum() >= 0) {
                // MINIMUM and BASIC WL carry no BT-113: what is not due any more was paid.
                prepaid = grandTotal.subtract(duePayable);
                notes.add("BT-113 (paid amount) is absent: BT-112 − BT-115 = " + prepaid.toPlainString() + " is taken as already paid");
            }
            if (grandTotal != null && duePayable != null) {
                BigDecimal expected = grandTotal.subtract(nz(prepaid)).add(roundingInTotal ? BigDecimal.ZERO : nz(rounding));
                if (expected.compareTo(duePayable) != 0) {
                    problems.add(FieldProblem.of("BT-115 (amount due for payment)", duePayable.toPlainString(),
                            "is not BT-112 − BT-113 + BT-114 = " + expected.toPlainString() + " (rule BR-CO-16)"));
                }
            }
            if (grandTotal != null && grandTotal.signum() <= 0) {
                problems.add(FieldProblem.of("BT-112 (total with VAT)", grandTotal.toPlainString(),
                        creditNote ? "must be positive in a credit note" : "must be positive: a negative invoice is a credit note (type 381)"));
            }
            if (prepaid != null && grandTotal != null && (prepaid.signum() < 0 || prepaid.compareTo(grandTotal) > 0)) {
                problems.add(FieldProblem.of("BT-113 (paid amount)", prepaid.toPlainString(), "must be between 0 and BT-112"));
            }
            if (dueDate != null && issueDate != null && dueDate.isBefore(issueDate)) {
                problems.add(FieldProblem.of("BT-9 (payment due date)", dueDate.toString(), "is before the issue date"));
            }
        }

        private void required(String term, String value) {
            if (value == null || value.isBlank()) {
                problems.add(FieldProblem.of(term, "is missing"));
            }
        }

        private void requiredAmount(String term, BigDecimal value) {
            if (value == null && problems.stream().noneMatch(x -> x.field().equals(term))) {
                problems.add(FieldProblem.of(term, "is missing"));
            }
        }

        private static BigDecimal nz(BigDecimal b) {
            return b == null ? BigDecimal.ZERO : b;
        }
    }

    // ---- DOM by local names (namespaces and prefixes vary between producers)

    private static Element child(Element parent, String... path) {
        Element e = parent;
        for (String name : path) {
            if (e == null) {
                return null;
            }
            Element found = null;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && name.equals(c.getLocalName())) {
                    found = c;
                    break;
                }
            }
            e = found;
        }
        return e;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        if (parent == null) {
            return list;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName())) {
                list.add(c);
            }
        }
        return list;
    }

    private static String text(Element parent, String... path) {
        Element e = child(parent, path);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().trim().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (content.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (content[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInputException problem(String field, String value, String message) {
        return new InvalidInputException(new FieldProblem(null, field, value, message));
    }
}
