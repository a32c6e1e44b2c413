package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 debits generated on the fly (never held in a list), written to a file, validated
 * against the official schema by a streaming validator and read back with StAX.
 */
class Pain008StreamingTest {

    private static final int DEBITS = 100_000;
    private static final String[] IBANS = {SepaFixtures.IBAN_BANK_30004, SepaFixtures.IBAN_BANK_20041,
            SepaFixtures.IBAN_BANK_30003, SepaFixtures.IBAN_BANK_30006_B};
    private static final LocalDate FIRST_DATE = LocalDate.of(2025, 6, 2);

    @TempDir
    Path dir;

    /** Debit {@code i}: four collection dates of 25,000 debits each, amounts 0.01 to 100.00 EUR. */
    private static Debit debit(int i) {
        long cents = i % 10_000 + 1;
        return Debit.builder()
                .endToEndId("BIG-" + i)
                .amount(BigDecimal.valueOf(cents, 2))
                .mandateId("ENC-" + (i % 5_000) + "-" + i)
                .dateOfSignature(LocalDate.of(2024, 1, 15))
                .sequenceType(SequenceType.RCUR)
                .scheme(Scheme.CORE)
                .collectionDate(Target2Calendar.addBusinessDays(FIRST_DATE, i / 25_000))
                .debtorName("Débiteur n° " + i)
                .debtorIban(IBANS[i % IBANS.length])
                .debtorBic(i % 3 == 0 ? null : "BNPAFRPP")
                .remittanceInformation("Facture " + i + " – échéance de juin")
                .build();
    }

    private static BigDecimal expectedSum() {
        long cents = 0;
        for (int i = 0; i < DEBITS; i++) {
            cents += i % 10_000 + 1;
        }
        return BigDecimal.valueOf(cents, 2);
    }

    @Test
    void a_hundred_thousand_debits_stream_into_a_schema_valid_file_with_exact_totals() throws Exception {
        Pain008Files.schemaFile(PainVersion.V08);
        AtomicInteger passes = new AtomicInteger();
        Path xml = dir.resolve("big.xml");

        Pain008Summary summary = new Pain008Writer(PainVersion.V08, false).write(
                new DirectDebitFile("BIG-2025-06", java.time.OffsetDateTime.parse("2025-05-28T08:00:00+02:00"),
                        SepaFixtures.creditor()),
                () -> {
                    passes.incrementAndGet();
                    return IntStream.range(0, DEBITS).mapToObj(Pain008StreamingTest::debit);
                },
                xml);

        assertThat(passes).hasValue(2);
        assertThat(summary.numberOfTransactions()).isEqualTo(DEBITS);
        assertThat(summary.controlSum()).isEqualByComparingTo(expectedSum());
        assertThat(summary.paymentInformations()).hasSize(4)
                .allSatisfy(p -> assertThat(p.numberOfTransactions()).isEqualTo(25_000));

        Pain008Files.assertSchemaValid(xml, PainVersion.V08);

        Pain008Files.Totals totals = Pain008Files.readBack(xml);
        assertThat(totals.countedTxs()).isEqualTo(DEBITS).isEqualTo(totals.declaredCount());
        assertThat(totals.summedAmounts()).isEqualByComparingTo(expectedSum())
                .isEqualByComparingTo(totals.declaredSum());
        assertThat(totals.paymentInformations()).isEqualTo(4);
        assertThat(totals.blockMismatches()).isEmpty();
    }

}
