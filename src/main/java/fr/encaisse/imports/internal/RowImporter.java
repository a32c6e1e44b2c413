package fr.encaisse.imports.internal;

import static fr.encaisse.imports.internal.Columns.*;

import fr.encaisse.ledger.Address;
import fr.encaisse.ledger.CreditNoteDraft;
import fr.encaisse.ledger.Debtor;
import fr.encaisse.ledger.DebtorDraft;
import fr.encaisse.ledger.DebtorKind;
import fr.encaisse.ledger.InvoiceDraft;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.shared.ConflictException;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One import's row-by-row work: turns a CSV row into a ledger command, or into problems that
 * name the row's line and the column at fault. Rows equal to what the ledger already holds are
 * counted as unchanged, so the same file imported twice creates nothing.
 */
final class RowImporter {

    private final Ledger ledger;
    private final ColumnMap cols;
    private final CsvDialect dialect;
    private final List<FieldProblem> errors;
    private final Set<String> numbersSeen = new HashSet<>();
    private int created;
    private int unchanged;

    RowImporter(Ledger ledger, ColumnMap cols, CsvDialect dialect, List<FieldProblem> errors) {
        this.ledger = ledger;
        this.cols = cols;
        this.dialect = dialect;
        this.errors = errors;
    }

    int created() {
        return created;
    }

    int unchanged() {
        return unchanged;
    }

    void debtor(CsvTable.Row row) {
        Map<String, String> v = row.values();
        DebtorKind kind = DebtorKind.B2B;
        String rawKind = cols.value(v, KIND);
        if (rawKind != null) {
            try {
                kind = DebtorKind.valueOf(rawKind.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem(row.line(), KIND.canonical(), rawKind, "must be B2B, B2C or PUBLIC"));
                return;
            }
        }
        DebtorDraft draft = new DebtorDraft(cols.value(v, REFERENCE), cols.value(v, LEGAL_NAME),
                compact(cols.value(v, SIREN)), compact(cols.value(v, SIRET)), upper(compact(cols.value(v, VAT_NUMBER))),
                kind,
                new Address(cols.value(v, ADDRESS), null, cols.value(v, POSTAL_CODE), cols.value(v, CITY),
                        Optional.ofNullable(upper(cols.value(v, COUNTRY))).orElse("FR")),
                cols.value(v, EMAIL), cols.value(v, PHONE),
                Optional.ofNullable(cols.value(v, LANGUAGE)).map(String::toLowerCase).orElse("fr"), List.of());
        try {
            Optional<Debtor> existing = draft.reference() == null ? Optional.empty()
                    : ledger.debtorByReference(draft.reference().trim());
            if (existing.isEmpty()) {
                ledger.createDebtor(draft);
                created++;
            } else if (same(existing.get(), draft)) {
                unchanged++;
            } else {
                ledger.updateDebtor(existing.get().id(), draft);
                created++;
            }
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add(new FieldProblem(row.line(), column(p.field()), p.value(), p.message())));
        } catch (ConflictException e) {
            errors.add(new FieldProblem(row.line(), REFERENCE.canonical(), draft.reference(), e.getMessage()));
        }
    }

    void invoice(CsvTable.Row row) {
        Map<String, String> v = row.values();
        int before = errors.size();
        String number = cols.value(v, NUMBER);
        String debtorRef = cols.value(v, DEBTOR);
        LocalDate issue = date(row, ISSUE_DATE);
        LocalDate due = date(row, DUE_DATE);
        BigDecimal incl = amount(row, AMOUNT_INCL_TAX);
        BigDecimal vat = amount(row, VAT_AMOUNT);
        BigDecimal excl = amount(row, AMOUNT_EXCL_TAX);
        String currency = Optional.ofNullable(upper(cols.value(v, CURRENCY))).orElse("EUR");
        boolean creditNote = isCreditNote(cols.value(v, KIND));
        if (incl != null && incl.signum() < 0) {
            // Books often write a credit note as a negative invoice.
            creditNote = true;
            incl = incl.negate();
            vat = vat == null ? null : vat.negate();
            excl = excl == null ? null : excl.negate();
        }
        if (incl != null && incl.stripTrailingZeros().scale() > 2 && vat == null && excl == null) {
            // The other amounts would be derived from this one: report it once, where it was written.
            errors.add(new FieldProblem(row.line(), AMOUNT_INCL_TAX.canonical(), cols.value(v, AMOUNT_INCL_TAX),
                    "has more than 2 decimals"));
            return;
        }
        if (incl != null && vat == null) {
            vat = excl == null ? BigDecimal.ZERO : incl.subtract(excl);
        }
        if (incl != null && excl == null) {
            excl = incl.subtract(vat);
        }
        if (number == null) {
            errors.add(new FieldProblem(row.line(), NUMBER.canonical(), null, "is required"));
        } else if (!numbersSeen.add(number.trim())) {
            errors.add(new FieldProblem(row.line(), NUMBER.canonical(), number, "appears twice in the file"));
        }
        Optional<Debtor> debtor = Optional.empty();
        if (debtorRef == null) {
            errors.add(new FieldProblem(row.line(), DEBTOR.canonical(), null, "is required"));
        } else {
            debtor = ledger.debtorByReference(debtorRef.trim());
            if (debtor.isEmpty()) {
                errors.add(new FieldProblem(row.line(), DEBTOR.canonical(), debtorRef,
                        "no debtor has this reference; import the debtors first"));
            }
        }
        if (errors.size() > before) {
            return;
        }
        UUID debtorId = debtor.get().id();
        try {
            BigDecimal total = incl;
            Optional<Boolean> same = creditNote
                    ? ledger.creditNoteByNumber(number.trim()).map(c -> c.debtorId().equals(debtorId)
                            && c.issueDate().equals(issue) && c.amountInclTax().compareTo(total) == 0 && c.currency().equals(currency))
                    : ledger.invoiceByNumber(number.trim()).map(i -> i.debtorId().equals(debtorId) && i.issueDate().equals(issue)
                            && i.dueDate().equals(due) && i.amountInclTax().compareTo(total) == 0 && i.currency().equals(currency));
            if (same.isPresent()) {
                if (same.get()) {
                    unchanged++;
                } else {
                    errors.add(new FieldProblem(row.line(), NUMBER.canonical(), number,
                            "already exists in Encaisse with another debtor, date or amount"));
                }
                return;
            }
            if (creditNote) {
                ledger.issueCreditNote(new CreditNoteDraft(debtorId, number, issue, currency, excl, vat, incl));
            } else {
                ledger.issueInvoice(new InvoiceDraft(debtorId, number, issue, due, cols.value(v, PAYMENT_TERMS),
                        currency, excl, vat, incl, cols.value(v, PO_REFERENCE)));
            }
            created++;
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> errors.add(new FieldProblem(row.line(), column(p.field()), p.value(), p.message())));
        } catch (ConflictException e) {
            errors.add(new FieldProblem(row.line(), NUMBER.canonical(), number, e.getMessage()));
        }
    }

    private LocalDate date(CsvTable.Row row, Columns column) {
        String raw = cols.value(row.values(), column);
        if (raw == null) {
            errors.add(new FieldProblem(row.line(), column.canonical(), null, "is required"));
            return null;
        }
        Optional<LocalDate> d = Values.date(raw, dialect.dates());
        if (d.isEmpty()) {
            errors.add(new FieldProblem(row.line(), column.canonical(), raw, "is not a date ("
                    + (dialect.dateFormat() == null ? "dd/MM/yyyy or yyyy-MM-dd" : dialect.dateFormat()) + ")"));
        }
        return d.orElse(null);
    }

    private BigDecimal amount(CsvTable.Row row, Columns column) {
        String raw = cols.value(row.values(), column);
        if (raw == null) {
            if (column == AMOUNT_INCL_TAX) {
                errors.add(new FieldProblem(row.line(), column.canonical(), null, "is required"));
            }
            return null;
        }
        Optional<BigDecimal> a = Values.amount(raw, dialect.decimalComma());
        if (a.isEmpty()) {
            errors.add(new FieldProblem(row.line(), column.canonical(), raw, "is not an amount (e.g. 1234,56 or 1234.56)"));
        }
        return a.orElse(null);
    }

    private static boolean isCreditNote(String kind) {
        return kind != null && List.of("creditnote", "avoir", "credit").contains(CsvTable.normalise(kind));
    }

    private static boolean same(Debtor d, DebtorDraft draft) {
        return Objects.equals(d.legalName(), draft.legalName().trim()) && Objects.equals(d.siren(), draft.siren())
                && Objects.equals(d.siret(), draft.siret()) && Objects.equals(d.vatNumber(), draft.vatNumber())
                && d.kind() == draft.kind() && Objects.equals(d.email(), draft.email())
                && Objects.equals(d.address().city(), draft.address().city())
                && Objects.equals(d.address().postalCode(), draft.address().postalCode())
                && Objects.equals(d.address().line1(), draft.address().line1());
    }

    /** A ledger field name as the CSV column it came from: amountInclTax → amount_incl_tax. */
    private static String column(String field) {
        return field == null ? null : field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String compact(String s) {
        return s == null ? null : s.replace(" ", "").replace("\u00A0", "");
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase();
    }
}
