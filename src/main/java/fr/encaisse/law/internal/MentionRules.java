package fr.encaisse.law.internal;

import fr.encaisse.law.DebtorCategory;
import fr.encaisse.law.InvoiceMentions;
import fr.encaisse.law.Mention;
import fr.encaisse.law.MentionsCheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Mandatory invoice mentions: Code de commerce L441-9 I (B2B only) and CGI annexe II art. 242
 * nonies A; the buyer's SIREN from the e-invoicing reform's start date for the seller.
 */
public final class MentionRules {

    private MentionRules() {
    }

    public static MentionsCheck check(InvoiceMentions m, LocalDate reformMentionsFrom) {
        List<Mention> missing = new ArrayList<>();
        boolean b2b = m.buyer() != DebtorCategory.CONSUMER;
        if (blank(m.invoiceNumber())) {
            missing.add(Mention.INVOICE_NUMBER);
        }
        if (!m.partiesNamesAndAddresses()) {
            missing.add(Mention.PARTIES_NAMES_AND_ADDRESSES);
        }
        if (b2b) {
            if (m.dueDate() == null) {
                missing.add(Mention.DUE_DATE);
            }
            if (!m.penaltyRateMentioned()) {
                missing.add(Mention.PENALTY_RATE);
            }
            if (!m.recoveryIndemnityMentioned()) {
                missing.add(Mention.RECOVERY_INDEMNITY);
            }
            if (!m.earlyPaymentDiscountTermsMentioned()) {
                missing.add(Mention.EARLY_PAYMENT_DISCOUNT_TERMS);
            }
        }
        if (blank(m.sellerSiren())) {
            missing.add(Mention.SELLER_SIREN);
        }
        if (blank(m.sellerVatNumber())) {
            missing.add(Mention.SELLER_VAT_NUMBER);
        }
        if (b2b && m.intraEuSupply() && blank(m.buyerVatNumber())) {
            missing.add(Mention.BUYER_VAT_NUMBER);
        }
        // A buyer established elsewhere in the EU has no SIREN; its VAT number identifies it.
        if (b2b && !m.intraEuSupply() && !m.issueDate().isBefore(reformMentionsFrom) && blank(m.buyerSiren())) {
            missing.add(Mention.BUYER_SIREN);
        }
        return new MentionsCheck(missing);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
