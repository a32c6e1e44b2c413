package fr.encaisse.sepa;

import static fr.encaisse.sepa.Pain008Files.at;
import static fr.encaisse.sepa.Pain008Files.child;
import static fr.encaisse.sepa.Pain008Files.children;
import static fr.encaisse.sepa.Pain008Files.text;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_20041;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_30003;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_30004;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_30006_A;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_30006_B;
import static fr.encaisse.sepa.SepaFixtures.SIGNED;
import static fr.encaisse.sepa.SepaFixtures.creditor;
import static fr.encaisse.sepa.SepaFixtures.debit;
import static fr.encaisse.sepa.SepaFixtures.file;
import static fr.encaisse.sepa.SepaFixtures.mandate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class Pain008WriterTest {

    private static final LocalDate D1 = LocalDate.of(2025, 5, 2);
    private static final LocalDate D2 = LocalDate.of(2025, 5, 6);

    @TempDir
    Path dir;

    /** Eight debits over two dates, both schemes, all sequence types, every kind of amendment. */
    static List<Debit> demoBatch() {
        List<Debit> debits = new ArrayList<>(List.of(
                debit("E2E-0001", "120.50", D1).sequenceType(SequenceType.FRST)
                        .debtorName("Boulangerie Élodie & Fils").debtorIban(IBAN_BANK_30004).debtorBic("BNPAFRPP")
                        .debtorAddress(new PostalAddress("Avenue des Champs-Élysées", "101", "75008", "Paris", "FR"))
                        .remittanceInformation("Facture F-2025-001, échéance mai").build(),
                debit("E2E-0002", "80", D1).sequenceType(SequenceType.FRST)
                        .debtorName("Ærø Œuvres Straße").build(),
                debit("E2E-0003", "45.99", D1).debtorName("Martin SARL").debtorIban(IBAN_BANK_30006_B)
                        .amendment(new Amendment(null, null, null, IBAN_BANK_30006_A, false)).build(),
                debit("E2E-0004", "1000.00", D1).debtorName("Durand et Cie").debtorIban(IBAN_BANK_20041)
                        .debtorBic("CCBPFRPP").amendment(new Amendment(null, null, null, null, true)).build(),
                debit("E2E-0005", "2500.00", D1).scheme(Scheme.B2B).debtorName("Industries Lefèvre SA")
                        .debtorIban(IBAN_BANK_30003).debtorBic("SOGEFRPP").build(),
                debit("E2E-0006", "19.90", D2).mandateId("ENC-NEW-000006").debtorName("Café du Port")
                        .amendment(new Amendment("ENC-OLD-000006", "FR72ABC123456", "Ancien Nom SAS", null, false))
                        .build(),
                debit("E2E-0007", "350.00", D2).sequenceType(SequenceType.OOFF).debtorName("Jean Dupont")
                        .remittanceInformation("Reglement ".repeat(20)).build(),
                debit("E2E-0008", "0.01", D2).sequenceType(SequenceType.FNAL).debtorName("Dernier Client").build()));
        debits.sort(Debit.PAYMENT_GROUP_ORDER);
        return debits;
    }

    private Path write(PainVersion version, Creditor creditor, List<Debit> debits, String messageId) throws Exception {
        Path target = dir.resolve(messageId + "-" + version.messageName() + ".xml");
        new Pain008Writer(version).write(file(messageId, creditor), debits::stream, target);
        return target;
    }

    @ParameterizedTest
    @EnumSource(PainVersion.class)
    void the_demo_batch_validates_against_the_official_schema(PainVersion version) throws Exception {
        Pain008Files.schemaFile(version);
        Path xml = write(version, creditor(), demoBatch(), "DEMO-2025-04-28-01");
        Pain008Files.assertSchemaValid(xml, version);
        Path noBic = write(version, SepaFixtures.creditorWithoutBic(), demoBatch(), "DEMO-2025-04-28-02");
        Pain008Files.assertSchemaValid(noBic, version);
    }

    @ParameterizedTest
    @EnumSource(PainVersion.class)
    void counts_and_control_sums_match_the_transactions_at_group_and_block_level(PainVersion version) throws Exception {
        Path xml = write(version, creditor(), demoBatch(), "DEMO-SUMS");
        Pain008Files.Totals totals = Pain008Files.readBack(xml);

        assertThat(totals.declaredCount()).isEqualTo(8).isEqualTo(totals.countedTxs());
        assertThat(totals.declaredSum()).isEqualByComparingTo("4116.40").isEqualByComparingTo(totals.summedAmounts());
        assertThat(totals.blockMismatches()).isEmpty();
        // D1: CORE FRST, CORE RCUR, B2B RCUR; D2: CORE RCUR, CORE FNAL, CORE OOFF
        assertThat(totals.paymentInformations()).isEqualTo(6);
    }

    @Test
    void the_summary_reports_each_block_in_file_order() throws Exception {
        Pain008Summary summary = new Pain008Writer(PainVersion.V08)
                .write(file("DEMO-SUMMARY", creditor()), demoBatch(), new ByteArrayOutputStream());
        assertThat(summary.numberOfTransactions()).isEqualTo(8);
        assertThat(summary.controlSum()).isEqualByComparingTo("4116.40");
        assertThat(summary.paymentInformations())
                .extracting(p -> p.collectionDate() + " " + p.scheme() + " " + p.sequenceType() + " "
                        + p.numberOfTransactions() + " " + p.controlSum())
                .containsExactly(
                        "2025-05-02 CORE FRST 2 200.50",
                        "2025-05-02 CORE RCUR 2 1045.99",
                        "2025-05-02 B2B RCUR 1 2500.00",
                        "2025-05-06 CORE RCUR 1 19.90",
                        "2025-05-06 CORE FNAL 1 0.01",
                        "2025-05-06 CORE OOFF 1 350.00");
        assertThat(summary.paymentInformations()).extracting(Pain008Summary.PaymentInformation::paymentInformationId)
                .containsExactly("DEMO-SUMMARY-1", "DEMO-SUMMARY-2", "DEMO-SUMMARY-3", "DEMO-SUMMARY-4",
                        "DEMO-SUMMARY-5", "DEMO-SUMMARY-6");
    }

    @Test
    void version_08_carries_bicfi_structured_addresses_and_the_sepa_creditor_scheme() throws Exception {
        Document doc = Pain008Files.parse(write(PainVersion.V08, creditor(), demoBatch(), "DEMO-V08"));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.008.001.08");
        Element pmtInf = firstPmtInf(doc);
        assertThat(text(pmtInf, "CdtrAgt", "FinInstnId", "BICFI")).isEqualTo("AGRIFRPP");
        assertThat(text(pmtInf, "PmtTpInf", "SvcLvl", "Cd")).isEqualTo("SEPA");
        assertThat(text(pmtInf, "PmtTpInf", "LclInstrm", "Cd")).isEqualTo("CORE");
        assertThat(text(pmtInf, "CdtrSchmeId", "Id", "PrvtId", "Othr", "Id")).isEqualTo("FR72ZZZ123456");
        assertThat(text(pmtInf, "CdtrSchmeId", "Id", "PrvtId", "Othr", "SchmeNm", "Prtry")).isEqualTo("SEPA");
        assertThat(text(pmtInf, "ChrgBr")).isEqualTo("SLEV");

        Element tx = transaction(doc, "E2E-0001");
        assertThat(text(tx, "DbtrAgt", "FinInstnId", "BICFI")).isEqualTo("BNPAFRPP");
        assertThat(at(tx, "DbtrAgt", "FinInstnId", "BIC")).isNull();
        assertThat(text(tx, "Dbtr", "PstlAdr", "StrtNm")).isEqualTo("Avenue des Champs-Elysees");
        assertThat(text(tx, "Dbtr", "PstlAdr", "TwnNm")).isEqualTo("Paris");
        assertThat(text(tx, "Dbtr", "PstlAdr", "Ctry")).isEqualTo("FR");
        assertThat(text(doc.getDocumentElement(), "CstmrDrctDbtInitn", "GrpHdr", "CreDtTm"))
                .isEqualTo("2025-04-28T09:30:00+02:00");
    }

    @Test
    void version_02_carries_bic_and_address_lines() throws Exception {
        Document doc = Pain008Files.parse(write(PainVersion.V02, creditor(), demoBatch(), "DEMO-V02"));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02");
        assertThat(text(firstPmtInf(doc), "CdtrAgt", "FinInstnId", "BIC")).isEqualTo("AGRIFRPP");
        Element tx = transaction(doc, "E2E-0001");
        assertThat(text(tx, "DbtrAgt", "FinInstnId", "BIC")).isEqualTo("BNPAFRPP");
        assertThat(children(child(tx, "Dbtr"), "PstlAdr").get(0).getTextContent().strip().split("\\s*\\n\\s*"))
                .containsExactly("FR", "101 Avenue des Champs-Elysees", "75008 Paris");
    }

    @ParameterizedTest
    @EnumSource(PainVersion.class)
    void a_missing_bic_is_written_as_notprovided(PainVersion version) throws Exception {
        Document doc = Pain008Files.parse(write(version, SepaFixtures.creditorWithoutBic(), demoBatch(), "DEMO-NOBIC"));
        assertThat(text(firstPmtInf(doc), "CdtrAgt", "FinInstnId", "Othr", "Id")).isEqualTo("NOTPROVIDED");
        assertThat(text(transaction(doc, "E2E-0002"), "DbtrAgt", "FinInstnId", "Othr", "Id")).isEqualTo("NOTPROVIDED");
    }

    @Test
    void text_is_transliterated_to_the_sepa_set_and_cut_to_the_schema_length() throws Exception {
        Document doc = Pain008Files.parse(write(PainVersion.V08, creditor(), demoBatch(), "DEMO-TEXT"));
        assertThat(text(transaction(doc, "E2E-0001"), "Dbtr", "Nm")).isEqualTo("Boulangerie Elodie + Fils");
        assertThat(text(transaction(doc, "E2E-0001"), "RmtInf", "Ustrd")).isEqualTo("Facture F-2025-001, echeance mai");
        assertThat(text(transaction(doc, "E2E-0002"), "Dbtr", "Nm")).isEqualTo("AEro OEuvres Strasse");
        assertThat(text(transaction(doc, "E2E-0007"), "RmtInf", "Ustrd")).hasSizeLessThanOrEqualTo(140)
                .startsWith("Reglement Reglement");
        assertThat(text(firstPmtInf(doc), "Cdtr", "Nm")).isEqualTo("Encaisse Demo SARL");
    }

    @ParameterizedTest
    @EnumSource(PainVersion.class)
    void amendments_carry_their_original_values(PainVersion version) throws Exception {
        Document doc = Pain008Files.parse(write(version, creditor(), demoBatch(), "DEMO-AMEND"));

        Element sameBank = at(transaction(doc, "E2E-0003"), "DrctDbtTx", "MndtRltdInf");
        assertThat(text(sameBank, "AmdmntInd")).isEqualTo("true");
        assertThat(text(sameBank, "AmdmntInfDtls", "OrgnlDbtrAcct", "Id", "IBAN")).isEqualTo(IBAN_BANK_30006_A);
        assertThat(at(sameBank, "AmdmntInfDtls", "OrgnlDbtrAgt")).isNull();

        Element newBank = at(transaction(doc, "E2E-0004"), "DrctDbtTx", "MndtRltdInf");
        assertThat(text(newBank, "AmdmntInd")).isEqualTo("true");
        assertThat(text(newBank, "AmdmntInfDtls", "OrgnlDbtrAgt", "FinInstnId", "Othr", "Id")).isEqualTo("SMNDA");
        assertThat(at(newBank, "AmdmntInfDtls", "OrgnlDbtrAcct")).isNull();

        Element newUmr = at(transaction(doc, "E2E-0006"), "DrctDbtTx", "MndtRltdInf");
        assertThat(text(newUmr, "MndtId")).isEqualTo("ENC-NEW-000006");
        assertThat(text(newUmr, "AmdmntInfDtls", "OrgnlMndtId")).isEqualTo("ENC-OLD-000006");
        assertThat(text(newUmr, "AmdmntInfDtls", "OrgnlCdtrSchmeId", "Nm")).isEqualTo("Ancien Nom SAS");
        assertThat(text(newUmr, "AmdmntInfDtls", "OrgnlCdtrSchmeId", "Id", "PrvtId", "Othr", "Id"))
                .isEqualTo("FR72ABC123456");

        Element plain = at(transaction(doc, "E2E-0005"), "DrctDbtTx", "MndtRltdInf");
        assertThat(text(plain, "AmdmntInd")).isEqualTo("false");
        assertThat(at(plain, "AmdmntInfDtls")).isNull();
    }

    @Test
    void a_mandate_collected_twice_goes_frst_then_rcur_and_an_iban_change_is_flagged() throws Exception {
        SequenceTypePolicy policy = SequenceTypePolicy.FRST_FIRST;
        MandateHistory history = MandateHistory.signed(MandateType.RECURRENT,
                mandate("ENC-C42-000001", IBAN_BANK_30006_A), SIGNED);

        LocalDate may = CollectionDates.RULEBOOK.collectionDate(LocalDate.of(2025, 5, 1)); // 1 May: TARGET2 closed
        Debit first = collection(history, policy.decide(history, may, false), may, "E2E-MAY");
        history = history.afterCollection(may, first.sequenceType());

        LocalDate june = LocalDate.of(2025, 6, 2);
        Debit second = collection(history, policy.decide(history, june, false), june, "E2E-JUN");
        history = history.afterCollection(june, second.sequenceType());

        history = history.amendedTo(history.current().withDebtorAccount(IBAN_BANK_30006_B, null));
        LocalDate july = LocalDate.of(2025, 7, 2);
        Debit third = collection(history, policy.decide(history, july, false), july, "E2E-JUL");

        Element may1 = onlyTransaction(write(PainVersion.V08, creditor(), List.of(first), "COLL-MAY"));
        Element jun1 = onlyTransaction(write(PainVersion.V08, creditor(), List.of(second), "COLL-JUN"));
        Path julyFile = write(PainVersion.V08, creditor(), List.of(third), "COLL-JUL");
        Pain008Files.assertSchemaValid(julyFile, PainVersion.V08);
        Element jul1 = onlyTransaction(julyFile);

        assertThat(text((Element) may1.getParentNode(), "PmtTpInf", "SeqTp")).isEqualTo("FRST");
        assertThat(text((Element) may1.getParentNode(), "ReqdColltnDt")).isEqualTo("2025-05-02");
        assertThat(text(may1, "DrctDbtTx", "MndtRltdInf", "AmdmntInd")).isEqualTo("false");
        assertThat(text((Element) jun1.getParentNode(), "PmtTpInf", "SeqTp")).isEqualTo("RCUR");
        assertThat(text(jun1, "DrctDbtTx", "MndtRltdInf", "MndtId")).isEqualTo("ENC-C42-000001");
        assertThat(text((Element) jul1.getParentNode(), "PmtTpInf", "SeqTp")).isEqualTo("RCUR");
        assertThat(text(jul1, "DrctDbtTx", "MndtRltdInf", "AmdmntInd")).isEqualTo("true");
        assertThat(text(jul1, "DrctDbtTx", "MndtRltdInf", "AmdmntInfDtls", "OrgnlDbtrAcct", "Id", "IBAN"))
                .isEqualTo(IBAN_BANK_30006_A);
        assertThat(text(jul1, "DbtrAcct", "Id", "IBAN")).isEqualTo(IBAN_BANK_30006_B);
    }

    private static Debit collection(MandateHistory history, SequenceType type, LocalDate date, String e2e) {
        return Debit.builder().mandate(history).endToEndId(e2e).amount("49.00").sequenceType(type)
                .collectionDate(date).debtorName("Client 42").remittanceInformation("Abonnement " + date).build();
    }

    @Test
    void debits_not_grouped_by_block_are_refused_before_anything_is_written() {
        List<Debit> unsorted = new ArrayList<>(demoBatch());
        unsorted.add(unsorted.remove(0)); // a D1 FRST after the D2 blocks
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new Pain008Writer(PainVersion.V08).write(file("BAD-ORDER", creditor()), unsorted, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not grouped")
                .hasMessageContaining("2025-05-02/CORE/FRST")
                .hasMessageContaining("Debit.PAYMENT_GROUP_ORDER");
        assertThat(out.size()).isZero();
    }

    @Test
    void an_empty_batch_is_refused() {
        assertThatThrownBy(() -> new Pain008Writer(PainVersion.V08)
                .write(file("EMPTY", creditor()), List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one debit");
    }

    @Test
    void a_source_that_changes_between_the_two_passes_is_detected_and_no_file_is_published() {
        List<Debit> batch = demoBatch();
        AtomicInteger calls = new AtomicInteger();
        Path target = dir.resolve("unstable.xml");
        assertThatThrownBy(() -> new Pain008Writer(PainVersion.V08).write(file("UNSTABLE", creditor()),
                () -> calls.incrementAndGet() == 1 ? batch.stream() : batch.stream().skip(1), target))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("second pass");
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void the_source_is_read_exactly_twice() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Debit> batch = demoBatch();
        new Pain008Writer(PainVersion.V08, false).write(file("TWICE", creditor()), () -> {
            calls.incrementAndGet();
            return batch.stream();
        }, new ByteArrayOutputStream());
        assertThat(calls).hasValue(2);
    }

    @Test
    void long_message_ids_give_payment_information_ids_within_35_characters() throws Exception {
        String messageId = "M".repeat(35);
        Pain008Summary summary = new Pain008Writer(PainVersion.V08)
                .write(file(messageId, creditor()), demoBatch(), new ByteArrayOutputStream());
        assertThat(summary.paymentInformations()).allSatisfy(p -> assertThat(p.paymentInformationId()).hasSize(35));
        assertThat(summary.paymentInformations()).extracting(Pain008Summary.PaymentInformation::paymentInformationId)
                .doesNotHaveDuplicates();
    }

    @Test
    void an_unindented_file_is_equally_valid() throws Exception {
        Path xml = dir.resolve("compact.xml");
        new Pain008Writer(PainVersion.V08, false).write(file("COMPACT", creditor()), demoBatch()::stream, xml);
        Pain008Files.assertSchemaValid(xml, PainVersion.V08);
        assertThat(Files.readString(xml)).doesNotContain("\n  <");
    }

    private static Element firstPmtInf(Document doc) {
        return children(child(doc.getDocumentElement(), "CstmrDrctDbtInitn"), "PmtInf").get(0);
    }

    private static Element transaction(Document doc, String endToEndId) {
        for (Element pmtInf : children(child(doc.getDocumentElement(), "CstmrDrctDbtInitn"), "PmtInf")) {
            for (Element tx : children(pmtInf, "DrctDbtTxInf")) {
                if (endToEndId.equals(text(tx, "PmtId", "EndToEndId"))) {
                    return tx;
                }
            }
        }
        throw new AssertionError("no transaction " + endToEndId);
    }

    private static Element onlyTransaction(Path xml) throws Exception {
        Document doc = Pain008Files.parse(xml);
        List<Element> blocks = children(child(doc.getDocumentElement(), "CstmrDrctDbtInitn"), "PmtInf");
        assertThat(blocks).hasSize(1);
        return child(blocks.get(0), "DrctDbtTxInf");
    }
}
