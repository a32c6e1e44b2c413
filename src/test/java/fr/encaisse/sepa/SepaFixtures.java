package fr.encaisse.sepa;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One-line builders for the tests' creditors, mandates and debits. */
final class SepaFixtures {

    static final String CREDITOR_ICS = "FR72ZZZ123456";
    static final String CREDITOR_IBAN = "FR7630006000011234567890189";

    /** Two accounts in the same bank (bank code 30006) and accounts in two other banks. */
    static final String IBAN_BANK_30006_A = "FR7630006000011234567890189";
    static final String IBAN_BANK_30006_B = "FR7630006000019876543210173";
    static final String IBAN_BANK_30004 = "FR7630004008200001234567864";
    static final String IBAN_BANK_20041 = "FR7620041010050500001340268";
    static final String IBAN_BANK_30003 = "FR7630003036200002021681147";

    static final LocalDate SIGNED = LocalDate.of(2025, 3, 3);

    private SepaFixtures() {
    }

    static Creditor creditor() {
        return new Creditor("Encaisse Démo SARL", CREDITOR_IBAN, "AGRIFRPP", CREDITOR_ICS,
                new PostalAddress("rue de la Paix", "12", "75002", "Paris", "FR"));
    }

    static Creditor creditorWithoutBic() {
        return new Creditor("Encaisse Démo SARL", CREDITOR_IBAN, null, CREDITOR_ICS);
    }

    static DirectDebitFile file(String messageId, Creditor creditor) {
        return new DirectDebitFile(messageId, OffsetDateTime.of(2025, 4, 28, 9, 30, 0, 0, ZoneOffset.ofHours(2)),
                creditor);
    }

    static MandateDetails mandate(String umr, String debtorIban) {
        return new MandateDetails(umr, CREDITOR_ICS, "Encaisse Démo SARL", debtorIban, null);
    }

    /** A valid CORE RCUR debit to complete with the builder. */
    static Debit.Builder debit(String endToEndId, String amount, LocalDate collectionDate) {
        return Debit.builder()
                .endToEndId(endToEndId)
                .amount(amount)
                .mandateId("UMR-" + endToEndId)
                .dateOfSignature(SIGNED)
                .sequenceType(SequenceType.RCUR)
                .scheme(Scheme.CORE)
                .collectionDate(collectionDate)
                .debtorName("Client " + endToEndId)
                .debtorIban(IBAN_BANK_30004);
    }
}
