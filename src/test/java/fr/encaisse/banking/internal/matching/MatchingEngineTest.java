package fr.encaisse.banking.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.encaisse.banking.CreditorReference;
import fr.encaisse.banking.internal.matching.Reason.Code;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The matching rules one by one, on a small ledger built in a few lines. */
class MatchingEngineTest {

    static final String KNOWN_IBAN = "FR7630006000011234567890189";

    private final Ledger ledger = new Ledger();

    /** A tiny ledger: debtors by name, invoices by number. */
    static final class Ledger {
        final OpenItemBook.Builder builder = OpenItemBook.builder();
        final Map<String, UUID> debtors = new java.util.HashMap<>();
        final Map<String, UUID> items = new java.util.HashMap<>();
        int day;

        Ledger debtor(String name) {
            UUID id = UUID.nameUUIDFromBytes(name.getBytes());
            debtors.put(name, id);
            builder.debtor(id, name);
            return this;
        }

        Ledger invoice(String debtor, String number, String open) {
            UUID id = UUID.nameUUIDFromBytes(number.getBytes());
            items.put(number, id);
            builder.invoice(id, debtors.get(debtor), number, "EUR", new BigDecimal(open), LocalDate.of(2025, 1, 1).plusDays(day++));
            return this;
        }

        Ledger creditNote(String debtor, String number, String open) {
            UUID id = UUID.nameUUIDFromBytes(number.getBytes());
            items.put(number, id);
            builder.creditNote(id, debtors.get(debtor), number, "EUR", new BigDecimal(open));
            return this;
        }

        Ledger account(String iban, String debtor) {
            builder.payerAccount(iban, debtors.get(debtor));
            return this;
        }

        MatchingEngine engine() {
            return new MatchingEngine(builder.build(), MatchingEngine.DEFAULT_THRESHOLD);
        }
    }

    /** A credit, built field by field. */
    static final class Credit {
        String amount = "0";
        String e2e;
        List<String> refs = new ArrayList<>();
        List<String> text = new ArrayList<>();
        String payer = "UNKNOWN PAYER";
        String iban = "DE89370400440532013000";

        static Credit of(String amount) {
            Credit c = new Credit();
            c.amount = amount;
            return c;
        }

        Credit e2e(String value) {
            e2e = value;
            return this;
        }

        Credit rf(String value) {
            refs.add(value);
            return this;
        }

        Credit text(String value) {
            text.add(value);
            return this;
        }

        Credit from(String name, String account) {
            payer = name;
            iban = account;
            return this;
        }

        IncomingCredit build() {
            return new IncomingCredit(new BigDecimal(amount), "EUR", LocalDate.of(2025, 3, 3), e2e, refs, text, payer, iban);
        }
    }

    private static Map<String, String> shares(Proposal p) {
        return p.shares().stream().collect(Collectors.toMap(Proposal.Share::invoiceNumber, s -> s.amount().toPlainString()));
    }

    private static List<Code> codes(Proposal p) {
        return p.reasons().stream().map(Reason::code).toList();
    }

    @Test
    @DisplayName("the end-to-end id of our own direct debit (ENC-<number>) settles its invoice automatically")
    void ourEndToEndId() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1200.00").engine();

        MatchResult result = engine.match(Credit.of("1200.00").e2e("ENC-FA-2024-0012").build());

        assertThat(result.automatic()).isTrue();
        assertThat(shares(result.best().orElseThrow())).containsExactly(Map.entry("FA-2024-0012", "1200.00"));
        assertThat(codes(result.best().orElseThrow())).contains(Code.END_TO_END_ID, Code.AMOUNT_EXACT);
        assertThat(result.best().orElseThrow().confidence()).isEqualTo(99);
    }

    @Test
    @DisplayName("an end-to-end id equal to an invoice number, or containing it, names the invoice")
    void payerEndToEndId() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1200.00")
                .invoice("Durand SA", "FA-2024-0013", "300.00").engine();

        assertThat(engine.match(Credit.of("1200.00").e2e("FA20240012").build()).automatic()).isTrue();
        MatchResult containing = engine.match(Credit.of("300.00").e2e("PAY/FA-2024-0013/X9").build());
        assertThat(containing.automatic()).isTrue();
        assertThat(shares(containing.best().orElseThrow())).containsOnlyKeys("FA-2024-0013");
    }

    @Test
    @DisplayName("a valid RF reference settles its invoice automatically, even for part of the amount")
    void rfReferencePartialPayment() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1200.00").engine();
        String rf = CreditorReference.forInvoice("FA-2024-0012").printed();

        MatchResult result = engine.match(Credit.of("500.00").rf(rf).build());

        assertThat(result.automatic()).isTrue();
        assertThat(shares(result.best().orElseThrow())).containsExactly(Map.entry("FA-2024-0012", "500.00"));
        assertThat(codes(result.best().orElseThrow())).contains(Code.RF_REFERENCE, Code.PARTIAL);
    }

    @Test
    @DisplayName("an RF reference with wrong check digits is read as noisy text, not trusted as checked")
    void brokenRfReference() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1200.00").engine();

        MatchResult exact = engine.match(Credit.of("1200.00").rf("RF99FA20240012").build());
        MatchResult partial = engine.match(Credit.of("500.00").rf("RF99FA20240012").build());

        assertThat(exact.automatic()).as("the amount agrees").isTrue();
        assertThat(codes(exact.best().orElseThrow())).contains(Code.INVOICE_NUMBER_NOISY).doesNotContain(Code.RF_REFERENCE);
        assertThat(partial.automatic()).as("nothing checks the reference").isFalse();
    }

    @Test
    @DisplayName("invoice numbers in the text are found through spaces, dashes, other prefixes, lower case and OCR confusions")
    void noisyInvoiceNumbers() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1234.56").engine();
        for (String text : List.of("FACTURE FA-2024-0012", "fact. n° fa 2024 0012", "REGLT FA20240012 MERCI",
                "2024-0012", "F20240012", "INV 2024/0012", "FA-2O24-OO12", "FA-2024-OOI2")) {
            MatchResult result = engine.match(Credit.of("1234.56").text(text).build());
            assertThat(result.automatic()).as(text).isTrue();
            assertThat(shares(result.best().orElseThrow())).as(text).containsOnlyKeys("FA-2024-0012");
        }
    }

    @Test
    @DisplayName("a typo in the number is forgiven when the amount is exactly the invoice's, never when it is not")
    void typos() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1234.56")
                .debtor("Martin SARL").invoice("Martin SARL", "FA-2024-0021", "80.00").engine();

        MatchResult transposed = engine.match(Credit.of("1234.56").text("FACTURE FA-2024-0021").build());
        assertThat(transposed.automatic()).as("0021 exists, but 0012 has exactly this amount").isTrue();
        assertThat(shares(transposed.best().orElseThrow())).containsOnlyKeys("FA-2024-0012");
        assertThat(codes(transposed.best().orElseThrow())).contains(Code.INVOICE_NUMBER_SIMILAR);

        MatchResult dropped = engine.match(Credit.of("1234.56").text("FA-2024-012").build());
        assertThat(dropped.automatic()).isTrue();

        MatchResult partial = engine.match(Credit.of("600.00").text("FA-2024-0013").build());
        assertThat(partial.automatic()).as("a typo and a partial amount: only a suggestion").isFalse();
    }

    @Test
    @DisplayName("one payment for several invoices named in the text settles them all")
    void severalInvoices() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-1001", "100.00")
                .invoice("Durand SA", "FA-1002", "250.50").invoice("Durand SA", "FA-1003", "49.50").engine();

        MatchResult result = engine.match(Credit.of("400.00").text("FACTURES FA-1001 / FA-1002 / FA-1003").build());

        assertThat(result.automatic()).isTrue();
        assertThat(shares(result.best().orElseThrow()))
                .containsOnly(Map.entry("FA-1001", "100.00"), Map.entry("FA-1002", "250.50"), Map.entry("FA-1003", "49.50"));
    }

    @Test
    @DisplayName("from an account linked to the debtor, an amount equal to a combination of its invoices settles them")
    void combinationFromKnownAccount() {
        var engine = ledger.debtor("Durand SA").account(KNOWN_IBAN, "Durand SA")
                .invoice("Durand SA", "FA-1", "100.00").invoice("Durand SA", "FA-2", "333.33")
                .invoice("Durand SA", "FA-3", "1000.00").engine();

        MatchResult result = engine.match(Credit.of("1100.00").text("VIREMENT").from("DURAND", KNOWN_IBAN).build());

        assertThat(result.automatic()).isTrue();
        assertThat(shares(result.best().orElseThrow())).containsOnlyKeys("FA-1", "FA-3");
        assertThat(codes(result.best().orElseThrow())).contains(Code.PAYER_IBAN, Code.AMOUNT_COMBINATION);
    }

    @Test
    @DisplayName("the open amount less a credit note settles the invoice, and the credit note is applied")
    void creditNoteDeducted() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2025-0001", "1200.00")
                .creditNote("Durand SA", "AV-1", "200.00").engine();

        MatchResult result = engine.match(Credit.of("1000.00").text("FA-2025-0001 moins avoir AV-1").build());

        assertThat(result.automatic()).isTrue();
        Proposal p = result.best().orElseThrow();
        assertThat(shares(p)).containsExactly(Map.entry("FA-2025-0001", "1000.00"));
        assertThat(p.creditNotes()).singleElement().satisfies(u -> {
            assertThat(u.creditNoteNumber()).isEqualTo("AV-1");
            assertThat(u.amount()).isEqualByComparingTo("200.00");
        });
    }

    @Test
    @DisplayName("an early-payment discount deducted: the payment settles what it pays, the discount stays open")
    void discountDeducted() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2025-0001", "1200.00").engine();

        MatchResult result = engine.match(Credit.of("1176.00").text("FA-2025-0001 escompte 2%").build());

        assertThat(result.automatic()).isTrue();
        assertThat(shares(result.best().orElseThrow())).containsExactly(Map.entry("FA-2025-0001", "1176.00"));
        assertThat(codes(result.best().orElseThrow())).contains(Code.DISCOUNT);
    }

    @Test
    @DisplayName("an overpayment settles the invoice and leaves the rest as a credit on the debtor's account")
    void overpayment() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2025-0001", "1200.00").engine();

        MatchResult result = engine.match(Credit.of("1250.00").rf(CreditorReference.forInvoice("FA-2025-0001").value()).build());

        assertThat(result.automatic()).isTrue();
        assertThat(result.best().orElseThrow().unallocated()).isEqualByComparingTo("50.00");
        assertThat(codes(result.best().orElseThrow())).contains(Code.OVERPAYMENT);
    }

    @Test
    @DisplayName("a partial payment naming the invoice in free text from an unknown payer is only suggested")
    void partialFromUnknownPayer() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-2024-0012", "1200.00").engine();

        MatchResult result = engine.match(Credit.of("500.00").text("ACOMPTE FA-2024-0012").build());

        assertThat(result.automatic()).isFalse();
        assertThat(shares(result.best().orElseThrow())).containsExactly(Map.entry("FA-2024-0012", "500.00"));
    }

    @Test
    @DisplayName("the payer's name and an exact amount make a suggestion, never an automatic match")
    void nameOnly() {
        var engine = ledger.debtor("Durand Transports Lyon SAS").invoice("Durand Transports Lyon SAS", "FA-1", "731.20")
                .engine();

        MatchResult result = engine.match(Credit.of("731.20").text("VIREMENT").from("DURAND TRANSPORTS LYON", "FR76999").build());

        assertThat(result.automatic()).isFalse();
        assertThat(result.best().orElseThrow().confidence()).isBetween(60, 89);
        assertThat(codes(result.best().orElseThrow())).contains(Code.PAYER_NAME);
    }

    @Test
    @DisplayName("two open invoices of the payer with the same amount: a suggestion, oldest first")
    void ambiguousAmount() {
        var engine = ledger.debtor("Durand SA").account(KNOWN_IBAN, "Durand SA")
                .invoice("Durand SA", "FA-1", "99.00").invoice("Durand SA", "FA-2", "99.00").engine();

        MatchResult result = engine.match(Credit.of("99.00").from("DURAND SA", KNOWN_IBAN).build());

        assertThat(result.automatic()).isFalse();
        assertThat(shares(result.best().orElseThrow())).containsOnlyKeys("FA-1");
        assertThat(codes(result.best().orElseThrow())).contains(Code.AMBIGUOUS);
    }

    @Test
    @DisplayName("a parent company paying its subsidiary's invoice by number is matched to the subsidiary")
    void parentPaysSubsidiary() {
        var engine = ledger.debtor("Holding Durand SA").account(KNOWN_IBAN, "Holding Durand SA")
                .invoice("Holding Durand SA", "FA-2025-0731", "480.00")
                .debtor("Durand Logistique SARL").invoice("Durand Logistique SARL", "FA-2025-0009", "480.00").engine();

        MatchResult result = engine.match(Credit.of("480.00").text("FACTURE FA-2025-0009").from("HOLDING DURAND", KNOWN_IBAN).build());

        assertThat(result.automatic()).isTrue();
        assertThat(result.best().orElseThrow().debtorName()).isEqualTo("Durand Logistique SARL");
        assertThat(codes(result.best().orElseThrow())).contains(Code.OTHER_PAYER);
    }

    @Test
    @DisplayName("an invoice is never settled twice: once applied, a second identical credit finds nothing open")
    void nothingTwice() {
        var engine = ledger.debtor("Durand SA").invoice("Durand SA", "FA-1", "100.00").engine();
        IncomingCredit credit = Credit.of("100.00").rf(CreditorReference.forInvoice("FA-1").value()).build();

        MatchResult first = engine.match(credit);
        engine.apply(first.best().orElseThrow());
        MatchResult second = engine.match(credit);

        assertThat(first.automatic()).isTrue();
        assertThat(second.automatic()).isFalse();
        assertThat(second.candidates()).isEmpty();
        assertThat(engine.book().openAmount(ledger.items.get("FA-1"))).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("the tenant's threshold decides: at 100 nothing is automatic, and another currency is never proposed")
    void thresholdAndCurrency() {
        ledger.debtor("Durand SA").invoice("Durand SA", "FA-1", "100.00");
        var strict = new MatchingEngine(ledger.builder.build(), 100);
        IncomingCredit credit = Credit.of("100.00").e2e("ENC-FA-1").build();

        assertThat(strict.match(credit).automatic()).isFalse();
        assertThat(strict.match(credit).best()).isPresent();
        assertThat(strict.match(new IncomingCredit(new BigDecimal("100.00"), "CHF", null, "ENC-FA-1", null, null, null, null))
                .candidates()).isEmpty();
    }

    @Test
    @DisplayName("matching a statement with two threads gives exactly what matching it line by line gives")
    void parallelFirstPassChangesNothing() {
        ReconciliationDataSet a = ReconciliationDataSet.generate(11, 150, 1_500, 600);
        ReconciliationDataSet b = ReconciliationDataSet.generate(11, 150, 1_500, 600);
        List<MatchResult> sequential = new MatchingEngine(a.book(), 90).matchAll(a.credits, 1);
        List<MatchResult> parallel = new MatchingEngine(b.book(), 90).matchAll(b.credits, 2);
        assertThat(parallel).isEqualTo(sequential);
    }
}
