package fr.encaisse.law.internal;

import fr.encaisse.law.PaymentTermCheck;
import fr.encaisse.law.PaymentTermVerdict;
import fr.encaisse.law.PaymentTermVerdict.Status;
import fr.encaisse.law.TermRule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Payment-term caps of Code de commerce L441-10 I and, for public buyers, CCP R2192-10. */
public final class PaymentTermRules {

    private PaymentTermRules() {
    }

    public static PaymentTermVerdict check(PaymentTermCheck c) {
        LocalDate issue = c.issueDate();
        LocalDate start = c.startDate() != null ? c.startDate() : issue;
        boolean assumed = false;
        TermRule rule;
        LocalDate limit;
        switch (c.debtor()) {
            case CONSUMER -> {
                return new PaymentTermVerdict(Status.NOT_REGULATED, null, TermRule.NOT_REGULATED_FOR_CONSUMERS, 0, false);
            }
            case PUBLIC_BUYER -> {
                // R2192-10 1°: 30 days from receipt of the payment request (50 for public hospitals and
                // 60 for public companies are not modelled); the issue date stands in when unknown.
                rule = TermRule.PUBLIC_BUYER_30_DAYS;
                limit = start.plusDays(30);
                assumed = c.startDate() == null;
            }
            default -> {
                switch (c.agreed()) {
                    case NONE -> {
                        rule = TermRule.DEFAULT_30_DAYS_AFTER_RECEIPT;
                        limit = start.plusDays(30);
                        assumed = c.startDate() == null;
                    }
                    case SIXTY_DAYS_FROM_ISSUE -> {
                        rule = TermRule.SIXTY_DAYS_FROM_ISSUE;
                        limit = issue.plusDays(60);
                    }
                    case END_OF_MONTH_PLUS_45_DAYS -> {
                        rule = TermRule.END_OF_MONTH_PLUS_45_DAYS;
                        limit = issue.with(TemporalAdjusters.lastDayOfMonth()).plusDays(45);
                    }
                    case PLUS_45_DAYS_THEN_END_OF_MONTH -> {
                        rule = TermRule.PLUS_45_DAYS_THEN_END_OF_MONTH;
                        limit = issue.plusDays(45).with(TemporalAdjusters.lastDayOfMonth());
                    }
                    case PERIODIC_INVOICE_45_DAYS -> {
                        rule = TermRule.PERIODIC_INVOICE_45_DAYS;
                        limit = issue.plusDays(45);
                    }
                    default -> throw new IllegalStateException("unhandled term " + c.agreed());
                }
            }
        }
        long beyond = Math.max(0, ChronoUnit.DAYS.between(limit, c.dueDate()));
        return new PaymentTermVerdict(beyond > 0 ? Status.EXCEEDS_LIMIT : Status.COMPLIANT, limit, rule, beyond, assumed);
    }
}
