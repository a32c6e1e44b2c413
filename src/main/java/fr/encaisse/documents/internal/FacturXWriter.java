package fr.encaisse.documents.internal;

import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.tenancy.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.mustangproject.BankDetails;
import org.mustangproject.IncludedNote;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.ReferencedDocument;
import org.mustangproject.SchemedID;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.springframework.stereotype.Component;

/**
 * Writes Factur-X 1.0 at the EN 16931 profile with Mustang: the CII XML (BT-24
 * {@code urn:cen.eu:en16931:2017}) embedded as {@code factur-x.xml} in the PDF/A-3 visual.
 * The notes the French rules ask for are written with their subject codes (BR-FR-05: PMD penalty
 * rate, PMT €40 indemnity, AAB early-payment discount), and the parties' electronic addresses
 * (BT-34, BT-49) are their SIREN (scheme 0225) or, failing that, their e-mail.
 */
@Component
class FacturXWriter {

    static final String PROFILE = "urn:cen.eu:en16931:2017";

    /** What the invoice says besides the ledger's figures. */
    record Mentions(String penaltyRate, String indemnity, String discount) {
    }

    byte[] write(byte[] pdfA3, Tenant seller, Debtor buyer, Invoice invoice, InvoiceModels.Line line, Mentions mentions) {
        org.mustangproject.Invoice x = new org.mustangproject.Invoice()
                .setNumber(invoice.number())
                .setIssueDate(date(invoice.issueDate()))
                .setDueDate(date(invoice.dueDate()))
                .setCurrency(invoice.currency())
                .setSender(seller(seller))
                .setRecipient(buyer(buyer))
                .setPaymentTermDescription(invoice.paymentTerms() != null ? invoice.paymentTerms()
                        : "Échéance le " + invoice.dueDate());
        if (invoice.poReference() != null) {
            x.setBuyerOrderReferencedDocument(new ReferencedDocument(invoice.poReference()));
        }
        List<IncludedNote> notes = new ArrayList<>();
        notes.add(new IncludedNote(mentions.penaltyRate(), SubjectCode.PMD));
        notes.add(new IncludedNote(mentions.indemnity() != null ? mentions.indemnity()
                : "Pas d'indemnité forfaitaire pour frais de recouvrement (acheteur consommateur).", SubjectCode.PMT));
        notes.add(new IncludedNote(mentions.discount(), SubjectCode.AAB));
        x.setNotesWithSubjectCode(notes);
        Product product = new Product(line.description(), "", "C62", line.vatRate()).setTaxCategoryCode(line.category());
        if (line.exemptionReason() != null) {
            product.setTaxExemptionReason(line.exemptionReason());
        }
        x.addItem(new Item(product, line.net(), BigDecimal.ONE));

        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.load(pdfA3);
            exporter.setProducer("Encaisse").setCreator("Encaisse");
            exporter.setZUGFeRDVersion(2);
            exporter.setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(x);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Mustang could not write the Factur-X of invoice " + invoice.number(), e);
        }
    }

    private static TradeParty seller(Tenant t) {
        TradeParty p = new TradeParty(t.name(), street(t.addressLine1(), t.addressLine2()), nz(t.postalCode()), nz(t.city()),
                t.country() == null ? "FR" : t.country());
        if (t.vatNumber() != null) {
            p.addVATID(t.vatNumber());
        }
        if (t.siren() != null) {
            p.setLegalOrganisation(new LegalOrganisation(new SchemedID("0002", t.siren()), t.name()));
            p.addUriUniversalCommunicationID(new SchemedID("0225", t.siren()));
        }
        if (t.iban() != null) {
            p.addBankDetails(t.bic() == null ? new BankDetails(t.iban()) : new BankDetails(t.iban(), t.bic()));
        }
        return p;
    }

    private static TradeParty buyer(Debtor d) {
        var a = d.address();
        TradeParty p = new TradeParty(d.legalName(), a == null ? "" : street(a.line1(), a.line2()),
                a == null ? "" : nz(a.postalCode()), a == null ? "" : nz(a.city()),
                a == null || a.country() == null ? "FR" : a.country());
        p.setID(d.reference());
        if (d.vatNumber() != null) {
            p.addVATID(d.vatNumber());
        }
        if (d.siren() != null) {
            p.setLegalOrganisation(new LegalOrganisation(new SchemedID("0002", d.siren()), d.legalName()));
            p.addUriUniversalCommunicationID(new SchemedID("0225", d.siren()));
        } else if (d.email() != null) {
            p.setEmail(d.email());
        }
        return p;
    }

    private static String street(String line1, String line2) {
        String s = nz(line1);
        return line2 == null || line2.isBlank() ? s : (s + ", " + line2).trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Date date(LocalDate d) {
        // Mustang formats dates in the JVM's zone: midnight there is that calendar day.
        return Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
