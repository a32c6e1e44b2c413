package fr.encaisse.ledger.internal;

import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.FrenchIdentifiers;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.PaymentDraft;
import fr.encaisse.shared.Amounts;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's own rules on what it accepts, whichever door the data came in by (API, CSV,
 * FEC, e-invoice): every problem is collected, then all are reported at once.
 */
final class DraftChecks {

    private DraftChecks() {
    }

    static void check(DebtorDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        required(p, "reference", d.reference());
        required(p, "legalName", d.legalName());
        if (d.kind() == null) {
            p.add(FieldProblem.of("kind", "is required (B2B, B2C or PUBLIC)"));
        }
        if (blankToNull(d.siren()) != null && !FrenchIdentifiers.validSiren(d.siren())) {
            p.add(FieldProblem.of("siren", d.siren(), "is not a valid SIREN (9 digits, Luhn key)"));
        }
        if (blankToNull(d.siret()) != null && !FrenchIdentifiers.validSiret(d.siret())) {
            p.add(FieldProblem.of("siret", d.siret(), "is not a valid SIRET (14 digits, Luhn key)"));
        }
        if (blankToNull(d.siret()) != null && blankToNull(d.siren()) != null && !d.siret().startsWith(d.siren())) {
            p.add(FieldProblem.of("siret", d.siret(), "does not start with the SIREN " + d.siren()));
        }
        if (blankToNull(d.vatNumber()) != null && !FrenchIdentifiers.validVat(d.vatNumber())) {
            p.add(FieldProblem.of("vatNumber", d.vatNumber(), "is not a valid VAT number"));
        }
        if (d.language() != null && !d.language().matches("fr|en")) {
            p.add(FieldProblem.of("language", d.language(), "must be fr or en"));
        }
        throwIfAny(p);
    }

    static void check(InvoiceDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        required(p, "number", d.number());
        if (d.debtorId() == null) {
            p.add(FieldProblem.of("debtorId", "is required"));
        }
        if (d.issueDate() == null) {
            p.add(FieldProblem.of("issueDate", "is required"));
        }
        if (d.dueDate() == null) {
            p.add(FieldProblem.of("dueDate", "is required"));
        }
        if (d.issueDate() != null && d.dueDate() != null && d.dueDate().isBefore(d.issueDate())) {
            p.add(FieldProblem.of("dueDate", d.dueDate().toString(), "is before the issue date"));
        }
        amounts(p, d.currency(), d.amountExclTax(), d.vatAmount(), d.amountInclTax());
        throwIfAny(p);
    }

    static void check(CreditNoteDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        required(p, "number", d.number());
        if (d.debtorId() == null) {
            p.add(FieldProblem.of("debtorId", "is required"));
        }
        if (d.issueDate() == null) {
            p.add(FieldProblem.of("issueDate", "is required"));
        }
        amounts(p, d.currency(), d.amountExclTax(), d.vatAmount(), d.amountInclTax());
        throwIfAny(p);
    }

    static void check(PaymentDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.receivedOn() == null) {
            p.add(FieldProblem.of("receivedOn", "is required"));
        }
        if (d.method() == null) {
            p.add(FieldProblem.of("method", "is required"));
        }
        positive(p, d.currency(), "amount", d.amount());
        for (int i = 0; i < d.allocations().size(); i++) {
            PaymentDraft.Share s = d.allocations().get(i);
            if (s.invoiceId() == null) {
                p.add(FieldProblem.of("allocations[" + i + "].invoiceId", "is required"));
            }
            positive(p, d.currency(), "allocations[" + i + "].amount", s.amount());
        }
        if (p.isEmpty()) {
            BigDecimal shared = d.allocations().stream().map(PaymentDraft.Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (shared.compareTo(d.amount()) > 0) {
                p.add(FieldProblem.of("allocations", shared.toPlainString(), "add up to more than the payment amount " + d.amount()));
            }
        }
        throwIfAny(p);
    }

    private static void amounts(List<FieldProblem> p, String currency, BigDecimal excl, BigDecimal vat, BigDecimal incl) {
        if (!scaled(p, currency, "amountExclTax", excl) | !scaled(p, currency, "vatAmount", vat)
                | !positive(p, currency, "amountInclTax", incl)) {
            return;
        }
        if (excl.add(vat).compareTo(incl) != 0) {
            p.add(FieldProblem.of("amountInclTax", incl.toPlainString(),
                    "is not amountExclTax + vatAmount (" + excl.add(vat).toPlainString() + ")"));
        }
    }

    private static boolean positive(List<FieldProblem> p, String currency, String field, BigDecimal amount) {
        if (!scaled(p, currency, field, amount)) {
            return false;
        }
        if (amount.signum() <= 0) {
            p.add(FieldProblem.of(field, amount.toPlainString(), "must be greater than zero"));
            return false;
        }
        return true;
    }

    private static boolean scaled(List<FieldProblem> p, String currency, String field, BigDecimal amount) {
        if (currency == null) {
            p.add(FieldProblem.of("currency", "is required"));
            return false;
        }
        try {
            Amounts.inCurrency(amount, currency, field);
            return true;
        } catch (InvalidInputException e) {
            if (p.stream().noneMatch(x -> x.field().equals(e.problems().get(0).field()))) {
                p.addAll(e.problems());
            }
            return false;
        }
    }

    private static void required(List<FieldProblem> p, String field, String value) {
        if (blankToNull(value) == null) {
            p.add(FieldProblem.of(field, "is required"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void throwIfAny(List<FieldProblem> p) {
        if (!p.isEmpty()) {
            throw new InvalidInputException(p.stream().map(x -> x.field() + " " + x.message()).reduce((a, b) -> a + "; " + b).orElseThrow(), p);
        }
    }
}
