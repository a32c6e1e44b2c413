package fr.encaisse.sepa;

import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_20041;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_30006_A;
import static fr.encaisse.sepa.SepaFixtures.IBAN_BANK_30006_B;
import static fr.encaisse.sepa.SepaFixtures.SIGNED;
import static fr.encaisse.sepa.SepaFixtures.mandate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SequenceTypePolicyTest {

    private static final LocalDate MAY = LocalDate.of(2025, 5, 2);
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 2);

    private final SequenceTypePolicy frst = SequenceTypePolicy.FRST_FIRST;
    private final SequenceTypePolicy rcur = SequenceTypePolicy.RCUR_ONLY;

    private static MandateHistory recurrent() {
        return MandateHistory.signed(MandateType.RECURRENT, mandate("ENC-C42-000001", IBAN_BANK_30006_A), SIGNED);
    }

    @Test
    void first_collection_of_a_recurrent_mandate_is_frst_then_rcur() {
        MandateHistory history = recurrent();
        assertThat(frst.decide(history, MAY, false)).isEqualTo(SequenceType.FRST);
        history = history.afterCollection(MAY, SequenceType.FRST);
        assertThat(frst.decide(history, JUNE, false)).isEqualTo(SequenceType.RCUR);
    }

    @Test
    void since_rulebook_9_2_the_first_collection_may_be_rcur() {
        assertThat(rcur.decide(recurrent(), MAY, false)).isEqualTo(SequenceType.RCUR);
    }

    @Test
    void the_last_collection_is_fnal_and_ends_the_mandate() {
        MandateHistory history = recurrent().afterCollection(MAY, SequenceType.FRST);
        assertThat(frst.decide(history, JUNE, true)).isEqualTo(SequenceType.FNAL);
        MandateHistory ended = history.afterCollection(JUNE, SequenceType.FNAL);
        assertThatThrownBy(() -> frst.decide(ended, JUNE.plusMonths(1), false))
                .isInstanceOf(MandateNotUsableException.class)
                .hasMessageContaining("final collection (FNAL)");
    }

    @Test
    void a_one_off_mandate_is_collected_once_as_ooff() {
        MandateHistory oneOff = MandateHistory.signed(MandateType.ONE_OFF, mandate("ENC-1", IBAN_BANK_30006_A), SIGNED);
        assertThat(frst.decide(oneOff, MAY, false)).isEqualTo(SequenceType.OOFF);
        assertThat(rcur.decide(oneOff, MAY, true)).isEqualTo(SequenceType.OOFF);
        MandateHistory used = oneOff.afterCollection(MAY, SequenceType.OOFF);
        assertThatThrownBy(() -> frst.decide(used, JUNE, false))
                .isInstanceOf(MandateNotUsableException.class)
                .hasMessageContaining("already used");
    }

    @Test
    void a_mandate_lapses_after_36_months_without_collection() {
        MandateHistory history = recurrent().afterCollection(MAY, SequenceType.FRST);
        assertThat(frst.decide(history, MAY.plusMonths(36), false)).isEqualTo(SequenceType.RCUR);
        assertThatThrownBy(() -> frst.decide(history, MAY.plusMonths(36).plusDays(1), false))
                .isInstanceOf(MandateNotUsableException.class)
                .hasMessageContaining("lapsed");
        assertThatThrownBy(() -> frst.decide(recurrent(), SIGNED.plusMonths(37), false))
                .isInstanceOf(MandateNotUsableException.class);
    }

    @Test
    void a_collection_before_the_signature_is_refused() {
        assertThatThrownBy(() -> frst.decide(recurrent(), SIGNED.minusDays(1), false))
                .isInstanceOf(MandateNotUsableException.class);
    }

    @Test
    void a_new_account_in_the_same_bank_is_announced_with_the_original_iban() {
        MandateHistory history = recurrent().afterCollection(MAY, SequenceType.FRST);
        history = history.amendedTo(history.current().withDebtorAccount(IBAN_BANK_30006_B, null));

        Amendment amendment = history.pendingAmendment();
        assertThat(amendment.isAmended()).isTrue();
        assertThat(amendment.originalDebtorIban()).isEqualTo(IBAN_BANK_30006_A);
        assertThat(amendment.changedDebtorAgent()).isFalse();
        assertThat(frst.decide(history, JUNE, false)).isEqualTo(SequenceType.RCUR);

        MandateHistory next = history.afterCollection(JUNE, SequenceType.RCUR);
        assertThat(next.pendingAmendment()).as("announced once, not again").isEqualTo(Amendment.NONE);
    }

    @Test
    void a_move_to_another_bank_is_announced_as_smnda() {
        MandateHistory history = recurrent().afterCollection(MAY, SequenceType.FRST);
        history = history.amendedTo(history.current().withDebtorAccount(IBAN_BANK_20041, "CCBPFRPP"));

        Amendment amendment = history.pendingAmendment();
        assertThat(amendment.changedDebtorAgent()).isTrue();
        assertThat(amendment.originalDebtorIban()).as("not sent with SMNDA").isNull();
        assertThat(frst.decide(history, JUNE, false)).as("pre-2016 rule kept by the FRST policy")
                .isEqualTo(SequenceType.FRST);
        assertThat(rcur.decide(history, JUNE, false)).isEqualTo(SequenceType.RCUR);
    }

    @Test
    void a_new_umr_and_a_new_creditor_identifier_are_announced_with_their_originals() {
        MandateHistory history = recurrent().afterCollection(MAY, SequenceType.FRST);
        history = history.amendedTo(history.current().withMandateId("ENC-C42-000002")
                .withCreditor("FR72ABC123456", "Encaisse Démo SARL"));

        Amendment amendment = history.pendingAmendment();
        assertThat(amendment.originalMandateId()).isEqualTo("ENC-C42-000001");
        assertThat(amendment.originalCreditorSchemeId()).isEqualTo("FR72ZZZ123456");
        assertThat(amendment.originalCreditorName()).isNull();
        assertThat(amendment.originalDebtorIban()).isNull();
    }

    @Test
    void no_amendment_before_the_first_collection() {
        MandateHistory history = recurrent().amendedTo(mandate("ENC-C42-000001", IBAN_BANK_20041));
        assertThat(history.pendingAmendment()).isEqualTo(Amendment.NONE);
    }

    @Test
    void an_amendment_cannot_carry_both_an_original_iban_and_smnda() {
        assertThatThrownBy(() -> new Amendment(null, null, null, IBAN_BANK_30006_A, true))
                .isInstanceOfSatisfying(SepaValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("originalDebtorIban"));
    }
}
