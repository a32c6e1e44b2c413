package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The published camt samples in {@code ../shared/samples/camt} (genkgo/camt test data, MIT) read
 * to the values printed in them. Skipped where the shared folder is absent.
 */
class CamtSamplesTest {

    private static final ZoneOffset PLUS_ONE = ZoneOffset.ofHours(1);

    @Test
    @DisplayName("camt.053.001.02: IBAN account, OPBD/CLBD balances, one credit with a structured reference")
    void camt053Version2() {
        Collected read = Collected.parse(SharedFolder.file("samples/camt/camt053.v2.minimal.xml"));

        StatementHeader header = read.header();
        assertThat(header.format()).isEqualTo(StatementFormat.CAMT053);
        assertThat(header.messageName()).isEqualTo("camt.053.001.02");
        assertThat(header.messageId()).isEqualTo("CAMT053RIB000000000001");
        assertThat(header.statementId()).isEqualTo("253EURNL26VAYB8060476890");
        assertThat(header.accountIban()).isEqualTo("NL26VAYB8060476890");
        assertThat(header.accountId()).isEqualTo("NL26VAYB8060476890");
        assertThat(header.currency()).isEqualTo("EUR");
        assertThat(header.creationTime()).isEqualTo(OffsetDateTime.of(2015, 3, 10, 18, 43, 50, 0, ZoneOffset.UTC));
        assertThat(header.openingBalance())
                .isEqualTo(new Balance(new BigDecimal("18.15"), "EUR", CreditDebit.CREDIT, LocalDate.of(2014, 12, 30)));
        // the sample's CLBD really is in SEK and a debit: read as written, not "corrected"
        assertThat(header.closingBalance())
                .isEqualTo(new Balance(new BigDecimal("27.00"), "SEK", CreditDebit.DEBIT, LocalDate.of(2014, 12, 31)));
        assertThat(read.started).containsExactly(header); // balances precede the entries in camt
        assertThat(read.entryCounts).containsExactly(1);

        StatementEntry entry = read.entry();
        assertThat(entry.statementId()).isEqualTo("253EURNL26VAYB8060476890");
        assertThat(entry.accountId()).isEqualTo("NL26VAYB8060476890");
        assertThat(entry.position()).isEqualTo(1);
        assertThat(entry.amount()).isEqualByComparingTo("8.85");
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.creditDebit()).isEqualTo(CreditDebit.CREDIT);
        assertThat(entry.signedAmount()).isEqualByComparingTo("8.85");
        assertThat(entry.reversal()).isFalse();
        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(entry.accountServicerReference()).isNull();
        assertThat(entry.bankTransactionCode()).isNull();
        assertThat(entry.proprietaryCode()).isEqualTo("544");
        assertThat(entry.fingerprint()).matches("[0-9a-f]{64}");

        assertThat(entry.details()).hasSize(1);
        EntryDetails tx = entry.details().get(0);
        assertThat(tx.endToEndId()).isNull();
        assertThat(tx.debtorName()).isEqualTo("NAME NAME");
        assertThat(tx.debtorIban()).isEqualTo("NL56AGDH9619008421");
        assertThat(tx.creditorName()).isEqualTo("Company Name");
        assertThat(tx.creditorIban()).isEqualTo("NL56AGDH9619008421");
        assertThat(tx.creditorReferences()).containsExactly("4654654654654654");
        assertThat(tx.creditorReference()).isEqualTo("4654654654654654");
        assertThat(tx.remittanceLines()).isEmpty();
        assertThat(tx.amount()).isNull();
        assertThat(tx.returnReasonCode()).isNull();
    }

    @Test
    @DisplayName("camt.053.001.08: Othr account id, Sts/Cd, booking DtTm, domain transaction code, Dbtr/Pty/Nm")
    void camt053Version8() {
        Collected read = Collected.parse(SharedFolder.file("samples/camt/camt053.v8.xml"));

        StatementHeader header = read.header();
        assertThat(header.messageName()).isEqualTo("camt.053.001.08");
        assertThat(header.messageId()).isEqualTo("CAMT053RIB000000000001");
        assertThat(header.statementId()).isEqualTo("253EURNL26VAYB8060476890");
        assertThat(header.accountIban()).isNull();
        assertThat(header.accountId()).isEqualTo("NL26VAYB8060476890");
        assertThat(header.currency()).as("no Acct/Ccy: the opening balance's currency").isEqualTo("EUR");
        assertThat(header.openingBalance())
                .isEqualTo(new Balance(new BigDecimal("18.15"), "EUR", CreditDebit.CREDIT, LocalDate.of(2014, 12, 30)));
        assertThat(header.closingBalance())
                .isEqualTo(new Balance(new BigDecimal("27.00"), "SEK", CreditDebit.DEBIT, LocalDate.of(2014, 12, 30)));

        StatementEntry entry = read.entry();
        assertThat(entry.amount()).isEqualByComparingTo("8.85");
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.creditDebit()).isEqualTo(CreditDebit.CREDIT);
        assertThat(entry.reversal()).isFalse();
        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.bookingDate()).as("from BookgDt/DtTm 2014-12-31T13:15:00+01:00")
                .isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(entry.accountServicerReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
        assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/RCDT/BOOK");
        assertThat(entry.proprietaryCode()).isNull();

        EntryDetails tx = entry.details().get(0);
        assertThat(entry.details()).hasSize(1);
        assertThat(tx.endToEndId()).isEqualTo("MUELL/FINP/RA12345");
        assertThat(tx.amount()).isEqualByComparingTo("0");
        assertThat(tx.currency()).isEqualTo("SEK");
        assertThat(tx.creditDebit()).isEqualTo(CreditDebit.CREDIT);
        assertThat(tx.debtorName()).isEqualTo("NAME NAME");
        assertThat(tx.debtorIban()).isEqualTo("NL56AGDH9619008421");
        assertThat(tx.creditorName()).isEqualTo("Company Name");
        assertThat(tx.creditorIban()).isEqualTo("NL56AGDH9619008421");
        assertThat(tx.creditorReferences()).containsExactly("4654654654654654");
    }

    @Test
    @DisplayName("camt.054.001.02: a notification without balances, one debit entry with three TxDtls")
    void camt054Version2() {
        Collected read = Collected.parse(SharedFolder.file("samples/camt/camt054.v2.xml"));

        StatementHeader header = read.header();
        assertThat(header.format()).isEqualTo(StatementFormat.CAMT054);
        assertThat(header.messageName()).isEqualTo("camt.054.001.02");
        assertThat(header.messageId()).isEqualTo("AAAASESS-FP-ACCR001");
        assertThat(header.statementId()).isEqualTo("AAAASESS-FP-ACCR001");
        assertThat(header.accountIban()).isNull();
        assertThat(header.accountId()).isEqualTo("CH2801234000123456789");
        assertThat(header.currency()).isNull();
        assertThat(header.creationTime()).isEqualTo(OffsetDateTime.of(2007, 10, 18, 12, 30, 0, 0, PLUS_ONE));
        assertThat(header.openingBalance()).isNull();
        assertThat(header.closingBalance()).isNull();

        StatementEntry entry = read.entry();
        assertThat(entry.amount()).isEqualByComparingTo("200000");
        assertThat(entry.currency()).isEqualTo("SEK");
        assertThat(entry.creditDebit()).isEqualTo(CreditDebit.DEBIT);
        assertThat(entry.signedAmount()).isEqualByComparingTo("-200000");
        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2007, 10, 18));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2007, 10, 18));
        assertThat(entry.accountServicerReference()).isEqualTo("AAAASESS-FP-ACCR001");
        assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/ICDT/DMCT");

        List<EntryDetails> txs = entry.details();
        assertThat(txs).hasSize(3);
        assertThat(txs).extracting(EntryDetails::endToEndId).containsOnly("MUELL/FINP/RA12345");
        assertThat(txs).extracting(EntryDetails::debtorName).containsOnly("MUELLER");
        assertThat(txs.get(0).remittanceLines()).containsExactly(
                "Unstructured Remittance Information V1", "Additional Remittance Information V1");
        assertThat(txs.get(0).creditorReferences()).containsExactly("ISR ref number V1");
        assertThat(txs.get(1).remittanceLines()).containsExactly("Additional Remittance Information V2");
        assertThat(txs.get(1).creditorReferences()).containsExactly("ISR ref number V2");
        assertThat(txs.get(2).remittanceLines()).containsExactly(
                "Unstructured Remittance Information V3 block 1",
                "Unstructured Remittance Information V3 block 2",
                "Additional Remittance Information V3 block 1",
                "Additional Remittance Information V3 block 2");
        assertThat(txs.get(2).creditorReferences()).containsExactly("Ref number V3 block 1", "Ref number V3 block 2");
        assertThat(txs).extracting(EntryDetails::amount).containsOnlyNulls();
    }

    @Test
    @DisplayName("camt.054.001.08: batch of three transactions with their own amounts, ids and parties")
    void camt054Version8() {
        Collected read = Collected.parse(SharedFolder.file("samples/camt/camt054.v8.xml"));

        StatementHeader header = read.header();
        assertThat(header.messageName()).isEqualTo("camt.054.001.08");
        assertThat(header.messageId()).isEqualTo("AAAASESS-FP-ACCR001");
        assertThat(header.accountIban()).isEqualTo("CH2801234000123456789");
        assertThat(header.creationTime()).isEqualTo(OffsetDateTime.of(2007, 10, 18, 12, 30, 0, 0, PLUS_ONE));

        StatementEntry entry = read.entry();
        assertThat(entry.amount()).isEqualByComparingTo("200000");
        assertThat(entry.currency()).isEqualTo("SEK");
        assertThat(entry.creditDebit()).isEqualTo(CreditDebit.DEBIT);
        assertThat(entry.status()).isEqualTo("BOOK");
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2007, 10, 18));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2007, 10, 18));
        assertThat(entry.accountServicerReference()).isEqualTo("ACSR160617103200001");
        assertThat(entry.bankTransactionCode()).isEqualTo("PMNT/ICDT/DMCT");
        assertThat(entry.proprietaryCode()).isEqualTo("Z24");
        assertThat(entry.additionalInfo()).isEqualTo("Order");

        List<EntryDetails> txs = entry.details();
        assertThat(txs).hasSize(3);
        EntryDetails first = txs.get(0);
        assertThat(first.instructionId()).isEqualTo("UXC06170000006PI00001II00001");
        assertThat(first.endToEndId()).isEqualTo("UXC06170000006PI00001EE00001");
        assertThat(first.amount()).isEqualByComparingTo("3.1");
        assertThat(first.currency()).isEqualTo("CHF");
        assertThat(first.creditDebit()).isEqualTo(CreditDebit.CREDIT);
        assertThat(first.debtorName()).as("Dbtr, not InitgPty").isEqualTo("UNIFITS GmbH");
        assertThat(first.debtorIban()).isEqualTo("CH2801234000123456789");
        assertThat(first.creditorName()).isEqualTo("Example Creditor 3 - V1");
        assertThat(first.creditorIban()).isEqualTo("CH4112345003131313131");
        assertThat(first.remittanceLines()).containsExactly(
                "Unstructured Remittance Information V1", "Additional Remittance Information V1");
        assertThat(first.creditorReferences()).containsExactly("ISR ref number V1");

        assertThat(txs.get(1).endToEndId()).isEqualTo("UXC06170000006PI00001EE00002");
        assertThat(txs.get(1).amount()).isEqualByComparingTo("3.2");
        assertThat(txs.get(1).creditorName()).isEqualTo("Example Creditor 3 - V2");
        assertThat(txs.get(1).creditorIban()).isEqualTo("CH7212345003232323232");
        assertThat(txs.get(2).creditorName()).isEqualTo("Example Creditor 3 - V3");
        assertThat(txs.get(2).creditorReferences()).containsExactly("Ref number V3 block 1", "Ref number V3 block 2");
    }

    @Test
    @DisplayName("the format is recognised from the first bytes of each sample")
    void formatsAreDetected() throws Exception {
        assertThat(StatementFormat.detect(head("samples/camt/camt053.v2.minimal.xml"))).contains(StatementFormat.CAMT053);
        assertThat(StatementFormat.detect(head("samples/camt/camt053.v8.xml"))).contains(StatementFormat.CAMT053);
        assertThat(StatementFormat.detect(head("samples/camt/camt054.v2.xml"))).contains(StatementFormat.CAMT054);
        assertThat(StatementFormat.detect(head("samples/camt/camt054.v8.xml"))).contains(StatementFormat.CAMT054);
    }

    private static byte[] head(String sample) throws Exception {
        byte[] all = java.nio.file.Files.readAllBytes(SharedFolder.file(sample));
        return java.util.Arrays.copyOf(all, Math.min(all.length, 1024));
    }
}
