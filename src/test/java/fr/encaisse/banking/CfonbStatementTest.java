package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hand-written CFONB 120 statement {@code cfonb120-statement.txt} (Windows-1252, CRLF): two
 * statements; records 01, 04, 05 (NPY, LCC + LC2, RCN, LCS, REF, an unmapped IPY, NBE, LIB) and
 * 07; positive and negative amounts including the {@code {}} and {@code }} (±0) sign characters.
 */
class CfonbStatementTest {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String IBAN_1 = "FR7630004005500001234567840";

    static byte[] statement() {
        try (InputStream in = CfonbStatementTest.class.getResourceAsStream("cfonb120-statement.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("two statements: headers with balances, dates and the account's IBAN")
    void statementsAndBalances() {
        Collected read = Collected.parse(statement());

        assertThat(read.events).containsExactly(
                "start " + IBAN_1 + "/2024-03-01", "entry 1", "entry 2", "entry 3", "entry 4",
                "end " + IBAN_1 + "/2024-03-01",
                "start FR7630004005500009876543250/2024-03-05", "entry 1",
                "end FR7630004005500009876543250/2024-03-05");
        assertThat(read.entryCounts).containsExactly(4, 1);

        StatementHeader first = read.ended.get(0);
        assertThat(first.format()).isEqualTo(StatementFormat.CFONB120);
        assertThat(first.messageName()).isEqualTo("CFONB120");
        assertThat(first.messageId()).isNull();
        assertThat(first.accountIban()).isEqualTo(IBAN_1);
        assertThat(first.accountId()).isEqualTo(IBAN_1);
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.creationTime()).isNull();
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.openingBalance())
                .isEqualTo(new Balance(new BigDecimal("1250.00"), "EUR", CreditDebit.CREDIT, LocalDate.of(2024, 3, 1)));
        assertThat(first.closingBalance())
                .isEqualTo(new Balance(new BigDecimal("2884.34"), "EUR", CreditDebit.CREDIT, LocalDate.of(2024, 3, 6)));
        assertThat(read.started.get(0).closingBalance()).as("a 07 is only known at the end").isNull();

        StatementHeader second = read.ended.get(1);
        assertThat(second.line()).isEqualTo(16);
        assertThat(second.openingBalance().signedAmount()).isEqualByComparingTo("-50.00");
        assertThat(second.openingBalance().creditDebit()).isEqualTo(CreditDebit.DEBIT);
        assertThat(second.closingBalance().signedAmount()).isEqualByComparingTo("30.00");
        assertThat(second.closingBalance().date()).isEqualTo(LocalDate.of(2024, 3, 6));
    }

    @Test
    @DisplayName("a credit transfer with its 05 complements: payer, 140-char remittance, end-to-end id, RF reference")
    void creditTransferWithComplements() {
        StatementEntry transfer = Collected.parse(statement()).entries.get(0);

        assertThat(transfer.line()).isEqualTo(2);
        assertThat(transfer.position()).isEqualTo(1);
        assertThat(transfer.statementId()).isEqualTo(IBAN_1 + "/2024-03-01");
        assertThat(transfer.amount()).isEqualByComparingTo("1500.00");
        assertThat(transfer.amount().scale()).as("scaled by the number of decimals").isEqualTo(2);
        assertThat(transfer.currency()).isEqualTo("EUR");
        assertThat(transfer.creditDebit()).isEqualTo(CreditDebit.CREDIT);
        assertThat(transfer.reversal()).isFalse();
        assertThat(transfer.status()).isEqualTo("BOOK");
        assertThat(transfer.bookingDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(transfer.valueDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(transfer.additionalInfo()).as("Windows-1252 accented label").isEqualTo("VIR SEPA RECU SOCIÉTÉ DURAND");
        assertThat(transfer.entryReference()).isEqualTo("0000001");
        assertThat(transfer.accountServicerReference()).isEqualTo("VIRDUR0001");
        assertThat(transfer.proprietaryCode()).isEqualTo("05");
        assertThat(transfer.bankTransactionCode()).isNull();

        assertThat(transfer.details()).hasSize(1);
        EntryDetails details = transfer.details().get(0);
        assertThat(details.debtorName()).isEqualTo("SOCIÉTÉ DURAND ET FILS");
        assertThat(details.remittanceLines()).as("LCC + LC2 rejoined: FA-2024-0014 straddles the two records")
                .containsExactly("PAIEMENT FACTURES FA-2024-0012 FA-2024-0013 SUITE RELANCE - FA-2024-0014 MERCI");
        assertThat(details.endToEndId()).isEqualTo("E2E-DURAND-2024-0012");
        assertThat(details.creditorReferences()).containsExactly("RF18539007547034");
        assertThat(details.transactionReference()).isEqualTo("TRX-20240304-000123");
        assertThat(details.returnReasonCode()).isNull();
        assertThat(details.amount()).isNull();
        assertThat(RemittanceText.invoiceNumberCandidates(details.remittanceLines().get(0)))
                .containsExactly("FA-2024-0012", "FA-2024-0013", "FA-2024-0014");
    }

    @Test
    @DisplayName("negative amounts: J-R and } sign characters, reject reason, NBE and LIB complements")
    void debitsAndReturn() {
        List<StatementEntry> entries = Collected.parse(statement()).entries;

        StatementEntry directDebit = entries.get(1);
        assertThat(directDebit.signedAmount()).as("0000000000456P = -45.67").isEqualByComparingTo("-45.67");
        assertThat(directDebit.creditDebit()).isEqualTo(CreditDebit.DEBIT);
        assertThat(directDebit.amount()).isEqualByComparingTo("45.67");
        assertThat(directDebit.proprietaryCode()).isEqualTo("B1");
        assertThat(directDebit.accountServicerReference()).isNull();
        assertThat(directDebit.details().get(0).creditorName()).isEqualTo("EDF SA");
        assertThat(directDebit.details().get(0).remittanceLines()).containsExactly("CONTRAT 123456 ECHEANCE MARS");

        StatementEntry returned = entries.get(2);
        assertThat(returned.signedAmount()).as("0000000001200} = -120.00").isEqualByComparingTo("-120.00");
        assertThat(returned.valueDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(returned.details().get(0).returnReasonCode()).isEqualTo("04");
        assertThat(returned.details().get(0).remittanceLines()).isEmpty();

        StatementEntry credit = entries.get(3);
        assertThat(credit.signedAmount()).as("0000000003000A = +300.01").isEqualByComparingTo("300.01");
        assertThat(credit.bookingDate()).isEqualTo(LocalDate.of(2024, 3, 6));

        StatementEntry cheques = entries.get(4);
        assertThat(cheques.signedAmount()).isEqualByComparingTo("80.00");
        assertThat(cheques.accountId()).isEqualTo("FR7630004005500009876543250");
        assertThat(cheques.valueDate()).isEqualTo(LocalDate.of(2024, 3, 7));
    }

    @Test
    @DisplayName("the same statement without line breaks reads identically (split every 120 characters)")
    void withoutLineBreaks() {
        byte[] concatenated = new String(statement(), WINDOWS_1252).replace("\r\n", "").getBytes(WINDOWS_1252);
        assertThat(concatenated).hasSize(18 * 120);

        assertThat(Collected.parse(concatenated).entries).isEqualTo(Collected.parse(statement()).entries);
    }

    @Test
    @DisplayName("LF line ends, or a UTF-8 copy (with or without BOM), read identically")
    void otherLineEndsAndCharsets() {
        String text = new String(statement(), WINDOWS_1252);
        List<StatementEntry> expected = Collected.parse(statement()).entries;

        assertThat(Collected.parse(text.replace("\r\n", "\n").getBytes(WINDOWS_1252)).entries).isEqualTo(expected);
        assertThat(Collected.parse(text.getBytes(StandardCharsets.UTF_8)).entries).isEqualTo(expected);
        assertThat(Collected.parse(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)).entries).isEqualTo(expected);
        assertThat(Collected.parse(text.replace("\r\n", "").getBytes(StandardCharsets.UTF_8)).entries)
                .as("no line breaks, UTF-8: records are 120 characters, not 120 bytes").isEqualTo(expected);
    }

    @Test
    @DisplayName("an explicit charset overrides the choice by content")
    void explicitCharset() {
        StatementParser windows = StatementParser.create().withCfonbCharset(WINDOWS_1252);
        assertThat(Collected.parse(windows, new ByteArrayInputStream(statement())).entries.get(0).additionalInfo())
                .isEqualTo("VIR SEPA RECU SOCIÉTÉ DURAND");

        StatementParser expecting = StatementParser.create().expecting(StatementFormat.CFONB120);
        assertThat(Collected.parse(expecting, new ByteArrayInputStream(statement())).entries).hasSize(5);
    }

    @Test
    @DisplayName("forEachEntry returns the complete headers")
    void forEachEntry() throws IOException {
        List<StatementEntry> entries = new java.util.ArrayList<>();
        List<StatementHeader> headers = StatementParser.create()
                .forEachEntry(new ByteArrayInputStream(statement()), entries::add);

        assertThat(entries).hasSize(5);
        assertThat(headers).extracting(StatementHeader::closingBalance).doesNotContainNull();
    }
}
