package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReturnPolicyTest {

    private final ReturnPolicy policy = ReturnPolicy.DEFAULT;

    @Test
    void insufficient_funds_is_presented_again_once_then_goes_to_dunning() {
        assertThat(policy.decide("AM04", 1)).isEqualTo(new ReturnPolicy.Decision("AM04", ReturnRoute.REPRESENT, false));
        assertThat(policy.decide("am04 ", 2)).isEqualTo(new ReturnPolicy.Decision("AM04", ReturnRoute.RESUME_DUNNING, false));
    }

    @Test
    void no_mandate_closed_account_deceased_debtor_and_forbidden_account_revoke_the_mandate() {
        for (String code : new String[]{"MD01", "AC04", "MD07", "AG01"}) {
            assertThat(policy.decide(code, 1)).as(code)
                    .isEqualTo(new ReturnPolicy.Decision(code, ReturnRoute.RESUME_DUNNING, true));
        }
    }

    @Test
    void a_refund_a_refusal_a_blocked_or_wrong_account_resume_dunning_and_keep_the_mandate() {
        for (String code : new String[]{"MD06", "AC06", "MS02", "AC01", "MS03", "SL01", "XX99"}) {
            assertThat(policy.decide(code, 1)).as(code)
                    .isEqualTo(new ReturnPolicy.Decision(code, ReturnRoute.RESUME_DUNNING, false));
        }
    }

    @Test
    void a_missing_code_is_refused() {
        assertThatThrownBy(() -> policy.decide(" ", 1)).isInstanceOf(SepaValidationException.class)
                .hasMessageContaining("reasonCode");
    }
}
