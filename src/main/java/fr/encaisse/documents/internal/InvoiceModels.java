package fr.encaisse.documents.internal;

import static fr.encaisse.documents.internal.Models.m;

import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.Invoice;
import fr.encaisse.penalties.TermsOfSale;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The invoice as a Factur-X shows it. The ledger keeps an invoice's totals, not its lines, so the
 * invoice is written as one line at its VAT rate, found from the amounts among the French rates;
 * an invoice whose VAT is not one rate applied to its net amount cannot be written this way.
 */
final class InvoiceModels {

    /** French VAT rates (CGI 278 to 281 nonies, 296 to 297 for Corsica and overseas departments). */
    static final List<BigDecimal> FRENCH_VAT_RATES = List.of(new BigDecimal("20"), new BigDecimal("10"),
            new BigDecimal("5.5"), new BigDecimal("2.1"), new BigDecimal("8.5"), new BigDecimal("13"),
            new BigDecimal("1.75"), new BigDecimal("1.05"), new BigDecimal("0.9"));
    static final String VAT_EXEMPTION = "TVA non applicable, art. 293 B du CGI";

    private InvoiceModels() {
    }

    /** The single line an invoice is written with. */
    record Line(String description, BigDecimal net, BigDecimal vatRate, String category, String exemptionReason) {
    }

    static Line line(Invoice invoice, Formats f) {
        BigDecimal net = invoice.amountExclTax();
        BigDecimal vat = invoice.vatAmount();
        String description = (f.french() ? "Fournitures et prestations, facture " : "Goods and services, invoice ") + invoice.number();
        if (vat.signum() == 0) {
            return new Line(description, net, BigDecimal.ZERO, "E", VAT_EXEMPTION);
        }
        for (BigDecimal rate : FRENCH_VAT_RATES) {
            if (net.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).compareTo(vat) == 0) {
                return new Line(description, net, rate, "S", null);
            }
        }
        throw new InvalidInputException(FieldProblem.of("vatAmount", vat.toPlainString(),
                "is not the net amount " + net.toPlainString() + " at one French VAT rate: the invoice cannot be written"
                        + " as a one-line Factur-X; issue it with its lines from the invoicing software"));
    }

    static Map<String, Object> invoice(Invoice invoice, TermsOfSale terms, DebtorKind kind, Formats f) {
        Line line = line(invoice, f);
        String cur = invoice.currency();
        return m("number", invoice.number(), "issueDate", f.date(invoice.issueDate()), "dueDate", f.date(invoice.dueDate()),
                "paymentTerms", invoice.paymentTerms(), "poReference", invoice.poReference(), "currency", cur,
                "lines", List.of(m("description", line.description(), "quantity", "1", "unitPrice", f.money(line.net(), cur),
                        "vatRate", f.rate(line.vatRate()), "net", f.money(line.net(), cur))),
                "net", f.money(invoice.amountExclTax(), cur), "vat", f.money(invoice.vatAmount(), cur),
                "total", f.money(invoice.amountInclTax(), cur), "vatRate", f.rate(line.vatRate()),
                "vatExemption", line.exemptionReason(),
                "penaltyRate", penaltyNote(terms, kind, f), "indemnity", indemnityNote(kind, f), "discount", discountNote(f));
    }

    /** The invoice with its totals only, for a copy of an invoice that is not one line at one VAT rate. */
    static Map<String, Object> copy(Invoice invoice, TermsOfSale terms, DebtorKind kind, Formats f) {
        String cur = invoice.currency();
        String description = (f.french() ? "Fournitures et prestations, facture " : "Goods and services, invoice ") + invoice.number();
        return m("number", invoice.number(), "issueDate", f.date(invoice.issueDate()), "dueDate", f.date(invoice.dueDate()),
                "paymentTerms", invoice.paymentTerms(), "poReference", invoice.poReference(), "currency", cur,
                "lines", List.of(m("description", description, "quantity", "1", "unitPrice", f.money(invoice.amountExclTax(), cur),
                        "vatRate", "–", "net", f.money(invoice.amountExclTax(), cur))),
                "net", f.money(invoice.amountExclTax(), cur), "vat", f.money(invoice.vatAmount(), cur),
                "total", f.money(invoice.amountInclTax(), cur), "vatRate", f.french() ? "plusieurs taux" : "several rates",
                "vatExemption", null,
                "penaltyRate", penaltyNote(terms, kind, f), "indemnity", indemnityNote(kind, f), "discount", discountNote(f));
    }

    static String penaltyNote(TermsOfSale terms, DebtorKind kind, Formats f) {
        return (f.french() ? "Pénalités de retard : " : "Late-payment interest: ") + Models.rateDescription(terms, kind, f)
                + (f.french() ? ", exigibles dès le lendemain de la date d'échéance." : ", due from the day after the due date.");
    }

    static String indemnityNote(DebtorKind kind, Formats f) {
        if (kind == DebtorKind.B2C) {
            return null;
        }
        return f.french() ? "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (C. com. D441-5)."
                : "Fixed indemnity for recovery costs in case of late payment: €40 (C. com. D441-5).";
    }

    static String discountNote(Formats f) {
        return f.french() ? "Pas d'escompte pour paiement anticipé." : "No discount for early payment.";
    }

    static Map<String, Object> sample(Formats f) {
        Claim claim = SampleModels.claim();
        return invoice(claim.lines().get(0).invoice(), TermsOfSale.LEGAL_DEFAULT, DebtorKind.B2B, f);
    }
}
