package fr.encaisse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.imports.internal.FecEntryRules.Derived;
import fr.encaisse.imports.internal.FecEntryRules.Kind;
import fr.encaisse.imports.internal.FecEntryRules.Piece;
import fr.encaisse.ledger.PaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FecEntryRulesTest {

    final FecEntryRules rules = new FecEntryRules("411");

    /** Lines of one entry: {account, aux, debit, credit, pieceRef}. */
    static List<FecLine> entry(String journal, String... lines) {
        List<FecLine> out = new ArrayList<>();
        int n = 1;
        for (String l : lines) {
            String[] f = l.split(" ", -1);
            out.add(new FecLine(n++, journal, journal, "7", LocalDate.of(2026, 3, 1), f[0], "Lib " + f[0],
                    f[1].isEmpty() ? null : f[1], f[1].isEmpty() ? null : "Client " + f[1], f[4].isEmpty() ? null : f[4],
                    LocalDate.of(2026, 2, 27), "VIR SEPA " + f[4], new BigDecimal(f[2]), new BigDecimal(f[3]), null, null));
        }
        return out;
    }

    @Test
    void a_sales_entry_makes_an_invoice_with_its_vat_and_its_piece_date() {
        Derived d = rules.derive(entry("VE", "411000 C1 120 0 F9", "706000  0 100 F9", "445710  0 20 F9"));
        assertThat(d.pieces()).hasSize(1);
        Piece p = d.pieces().get(0);
        assertThat(p.kind()).isEqualTo(Kind.INVOICE);
        assertThat(p.number()).isEqualTo("F9");
        assertThat(p.debtorRef()).isEqualTo("C1");
        assertThat(p.amount()).isEqualByComparingTo("120");
        assertThat(p.vat()).isEqualByComparingTo("20");
        assertThat(p.date()).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void a_credit_on_a_customer_in_a_sales_entry_is_a_credit_note_and_in_a_bank_entry_a_payment() {
        assertThat(rules.derive(entry("VE", "411000 C1 0 60 AV1", "706000  50 0 AV1", "445710  10 0 AV1")).pieces())
                .extracting(Piece::kind).containsExactly(Kind.CREDIT_NOTE);
        Piece payment = rules.derive(entry("XX", "512000  90 0 R1", "411000 C1 0 60 R1", "411000 C1 0 30 R1")).pieces().get(0);
        assertThat(payment.kind()).isEqualTo(Kind.PAYMENT);
        assertThat(payment.amount()).isEqualByComparingTo("90");
        assertThat(payment.lines()).hasSize(2);
        assertThat(payment.method()).isEqualTo(PaymentMethod.TRANSFER);
    }

    @Test
    void without_an_auxiliary_account_the_customer_account_is_the_debtor() {
        Piece p = rules.derive(entry("VE", "411DURAND  50 0 F1", "706000  0 50 F1")).pieces().get(0);
        assertThat(p.debtorRef()).isEqualTo("411DURAND");
        assertThat(p.debtorName()).isEqualTo("Lib 411DURAND");
    }

    @Test
    void opening_entries_carry_open_items_and_other_entries_are_skipped_with_a_reason() {
        assertThat(rules.derive(entry("AN", "411000 C1 50 0 F0", "411000 C2 0 20 P0", "890000  0 30 ")).pieces())
                .extracting(Piece::kind).containsExactly(Kind.INVOICE, Kind.PAYMENT);
        assertThat(rules.derive(entry("OD", "654000  50 0 F1", "411000 C1 0 50 F1")).skipped())
                .extracting(FecEntryRules.Skip::reason).containsExactly(FecEntryRules.SKIP_OTHER);
        assertThat(rules.derive(entry("BQ", "411000 C1 50 0 R", "512000  0 50 R")).skipped())
                .extracting(FecEntryRules.Skip::reason).containsExactly(FecEntryRules.SKIP_REFUND);
    }

    @Test
    void two_customers_in_one_sales_entry_are_two_invoices_without_a_vat_split_and_keep_distinct_keys() {
        Derived d = rules.derive(entry("VE", "411000 C1 60 0 F1", "411000 C2 60 0 F1", "706000  0 100 F1", "445710  0 20 F1"));
        assertThat(d.pieces()).extracting(Piece::debtorRef).containsExactly("C1", "C2");
        assertThat(d.pieces()).allSatisfy(p -> assertThat(p.vat()).isEqualByComparingTo("0"));
        assertThat(d.pieces().get(1).fallbackNumber()).isEqualTo("VE-7-2");
        assertThat(d.pieces().get(0).lines().get(0).key()).isNotEqualTo(d.pieces().get(1).lines().get(0).key());
    }

    @Test
    void bank_labels_say_how_the_customer_paid() {
        assertThat(FecEntryRules.method("CHQ 1234 Dupont")).isEqualTo(PaymentMethod.CHECK);
        assertThat(FecEntryRules.method("PRLV SEPA ACME")).isEqualTo(PaymentMethod.DIRECT_DEBIT);
        assertThat(FecEntryRules.method("Prélèvement Acme")).isEqualTo(PaymentMethod.DIRECT_DEBIT);
        assertThat(FecEntryRules.method("Virement reçu")).isEqualTo(PaymentMethod.TRANSFER);
        assertThat(FecEntryRules.method("Remise CB")).isEqualTo(PaymentMethod.CARD);
        assertThat(FecEntryRules.method("Règlement")).isEqualTo(PaymentMethod.OTHER);
    }
}
