package fr.encaisse.law.internal;

import fr.encaisse.law.Allocation;
import fr.encaisse.law.DebtorCategory;
import fr.encaisse.law.DebtorPenaltyStatement;
import fr.encaisse.law.HalfYear;
import fr.encaisse.law.InterestPeriod;
import fr.encaisse.law.InvoicePenaltyStatement;
import fr.encaisse.law.RateFixing;
import fr.encaisse.law.Remark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders penalty statements in French or English for letters and the portal, quoting the legal
 * basis of each figure (C. com. L441-10 II, D441-5; C. civ. 1343-1, 1344-1; CCP R2192-31). French
 * and English sentences sit side by side so that they cannot drift apart.
 */
public final class StatementWriter {

    private static final char NBSP = '\u00A0';
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final boolean fr;

    private StatementWriter(boolean french) {
        this.fr = french;
    }

    /** French for any French locale, English otherwise. */
    public static StatementWriter forLocale(Locale locale) {
        return new StatementWriter(locale != null && "fr".equals(locale.getLanguage()));
    }

    private String t(String french, String english) {
        return fr ? french : english;
    }

    public String invoice(InvoicePenaltyStatement s) {
        StringBuilder out = new StringBuilder();
        out.append(t("Facture ", "Invoice ")).append(s.invoiceId())
                .append(t(" — décompte au ", " — statement as of ")).append(date(s.asOf())).append('\n');
        out.append(t("Échéance : ", "Due date: ")).append(date(s.dueDate()))
                .append(t(". Retard : ", ". Days late: ")).append(s.daysLate())
                .append(t(s.daysLate() > 1 ? " jours." : " jour.", ".")).append('\n');
        out.append(t("Montant facturé : ", "Invoiced amount: ")).append(money(s.principal()))
                .append(t(" ; principal restant dû : ", "; principal outstanding: "))
                .append(money(s.principalOutstanding())).append('\n');

        boolean consumer = s.terms().debtor() == DebtorCategory.CONSUMER;
        if (!s.periods().isEmpty()) {
            out.append(interestHeading(s)).append('\n');
            for (InterestPeriod p : s.periods()) {
                out.append(period(p, s.terms().contractRate())).append('\n');
            }
        }
        boolean moratory = consumer || s.terms().debtor() == DebtorCategory.PUBLIC_BUYER;
        out.append(moratory ? t("Total des intérêts moratoires (arrondi au centime) : ",
                        "Total moratory interest (rounded to the cent): ")
                        : t("Total des pénalités de retard (arrondi au centime) : ",
                        "Total late-payment interest (rounded to the cent): "))
                .append(money(s.interest())).append('\n');
        if (s.interestPaid().signum() > 0) {
            out.append(s.terms().allocation() == Allocation.INTEREST_FIRST
                            ? t("Paiements imputés d'abord sur les intérêts (C. civ. 1343-1) : intérêts déjà réglés ",
                            "Payments applied to interest first (C. civ. 1343-1): interest already paid ")
                            : t("Intérêts déjà réglés par l'excédent des paiements : ",
                            "Interest already paid by the excess of payments: "))
                    .append(money(s.interestPaid()))
                    .append(t(" ; intérêts restant dus : ", "; interest outstanding: "))
                    .append(money(s.interestOutstanding())).append('\n');
        }
        if (s.indemnity().signum() > 0) {
            out.append(indemnityLabel(s)).append(money(s.indemnity())).append('\n');
        }
        if (s.additionalRecoveryCosts().signum() > 0) {
            out.append(t("Indemnisation complémentaire des frais de recouvrement justifiés au-delà de 40 € "
                            + "(C. com. L441-10 II) : ",
                    "Additional compensation for documented recovery costs above €40 (C. com. L441-10 II): "))
                    .append(money(s.additionalRecoveryCosts())).append('\n');
        }
        for (Remark r : s.remarks()) {
            out.append(remark(r, s)).append('\n');
        }
        out.append(t("Total réclamé : ", "Total claimed: ")).append(money(s.totalClaimable())).append('\n');
        return out.toString();
    }

    public String debtor(DebtorPenaltyStatement s) {
        StringBuilder out = new StringBuilder();
        out.append(t("Relevé de pénalités du débiteur ", "Late-payment statement for debtor "))
                .append(s.debtorId()).append(t(" au ", " as of ")).append(date(s.asOf()))
                .append(" — ").append(s.invoices().size())
                .append(t(s.invoices().size() > 1 ? " factures" : " facture",
                        s.invoices().size() > 1 ? " invoices" : " invoice")).append('\n');
        for (InvoicePenaltyStatement i : s.invoices()) {
            out.append('\n').append(invoice(i));
        }
        if (!s.duplicatesIgnored().isEmpty()) {
            out.append('\n').append(t("Factures citées plusieurs fois, comptées une seule fois "
                                    + "(une indemnité de 40 € au plus par facture, C. com. D441-5) : ",
                            "Invoices listed more than once, counted once "
                                    + "(at most one €40 indemnity per invoice, C. com. D441-5): "))
                    .append(String.join(", ", s.duplicatesIgnored())).append('\n');
        }
        out.append('\n').append(t("Récapitulatif", "Summary")).append('\n');
        out.append(t("Principal restant dû : ", "Principal outstanding: ")).append(money(s.principalOutstanding()))
                .append('\n');
        out.append(t("Intérêts restant dus : ", "Interest outstanding: ")).append(money(s.interestOutstanding()))
                .append('\n');
        out.append(t("Indemnités forfaitaires pour frais de recouvrement : ", "Fixed recovery indemnities: "))
                .append(money(s.indemnity())).append('\n');
        if (s.additionalRecoveryCosts().signum() > 0) {
            out.append(t("Frais de recouvrement complémentaires : ", "Additional recovery costs: "))
                    .append(money(s.additionalRecoveryCosts())).append('\n');
        }
        out.append(t("Total réclamé : ", "Total claimed: ")).append(money(s.totalClaimable())).append('\n');
        out.append(t("Références : ", "References: ")).append(String.join(" ; ", s.legalReferences())).append('\n');
        return out.toString();
    }

    private String interestHeading(InvoicePenaltyStatement s) {
        String convention = s.terms().dayCount().label();
        if (s.terms().effectiveRateFixing() == RateFixing.FIRST_LATE_HALF_YEAR) {
            convention += t(", taux du semestre au cours duquel les intérêts ont commencé à courir",
                    ", at the rate of the half-year in which interest started to run");
        }
        return switch (s.terms().debtor()) {
            case PROFESSIONAL -> t("Pénalités de retard dues dès le lendemain de l'échéance, sans rappel "
                            + "(C. com. L441-10 II), intérêts simples jour par jour, " + convention + " :",
                    "Late-payment interest due from the day after the due date, without reminder "
                            + "(C. com. L441-10 II), simple interest day by day, " + convention + ":");
            case PUBLIC_BUYER -> t("Intérêts moratoires dus de plein droit dès le lendemain de l'échéance "
                            + "(CCP L2192-13), au taux de R2192-31, " + convention + " :",
                    "Late-payment interest due by law from the day after the due date (CCP L2192-13), "
                            + "at the R2192-31 rate, " + convention + ":");
            case CONSUMER -> s.terms().contractRate() != null
                    ? t("Intérêts de retard au taux contractuel dès le lendemain de l'échéance (C. civ. 1344), "
                            + convention + " :",
                    "Late interest at the contract rate from the day after the due date (C. civ. 1344), "
                            + convention + ":")
                    : t("Intérêts moratoires au taux légal, dus à compter de la mise en demeure (C. civ. 1231-6, "
                            + "1344-1), soit à partir du " + date(s.interestFrom()) + ", " + convention + " :",
                    "Moratory interest at the legal rate, due from the formal notice (C. civ. 1231-6, 1344-1), "
                            + "that is from " + date(s.interestFrom()) + ", " + convention + ":");
        };
    }

    private String period(InterestPeriod p, BigDecimal contractRate) {
        StringBuilder line = new StringBuilder("- ");
        line.append(t("du ", "from ")).append(date(p.from())).append(t(" au ", " to ")).append(date(p.to()))
                .append(" (").append(p.days()).append(t(p.days() > 1 ? " jours" : " jour", p.days() > 1 ? " days" : " day"))
                .append(t(") : ", "): ")).append(money(p.base())).append(" × ").append(rate(p.ratePercent()))
                .append(" × ").append(p.days()).append(" / ").append(p.denominator()).append(" = ")
                .append(detailed(p.interest())).append(" — ").append(rateOrigin(p, contractRate))
                .append(t(" ; ", "; ")).append(p.legalBasis());
        if (p.fallback()) {
            line.append(t(" — TAUX DE REPLI : taux du " + halfYear(p.rateHalfYear())
                            + " appliqués faute de taux chargés pour le " + halfYear(HalfYear.of(p.from())),
                    " — FALLBACK RATE: rates of the " + halfYear(p.rateHalfYear()) + " used, no rates loaded for the "
                            + halfYear(HalfYear.of(p.from()))));
        }
        return line.toString();
    }

    private String rateOrigin(InterestPeriod p, BigDecimal contractRate) {
        HalfYear h = p.rateHalfYear();
        String refDay = h.half() == 1 ? t("1er janvier ", "1 January ") : t("1er juillet ", "1 July ");
        return switch (p.source()) {
            case ECB_PLUS_10 -> t("taux de refinancement de la BCE au " + refDay + h.year() + " ("
                            + rate(p.referenceRate()) + ") majoré de 10 points",
                    "ECB main refinancing rate on " + refDay + h.year() + " (" + rate(p.referenceRate())
                            + ") plus 10 points");
            case ECB_PLUS_8 -> t("taux de refinancement de la BCE au " + refDay + h.year() + " ("
                            + rate(p.referenceRate()) + ") majoré de 8 points",
                    "ECB main refinancing rate on " + refDay + h.year() + " (" + rate(p.referenceRate())
                            + ") plus 8 points");
            case CONTRACT -> t("taux contractuel des conditions générales de vente, au moins égal à 3 fois le taux "
                            + "d'intérêt légal",
                    "contract rate from the terms of sale, not below 3 times the legal interest rate");
            case CONTRACT_FLOOR -> t("plancher légal : 3 fois le taux d'intérêt légal du " + halfYear(h) + " ("
                            + rate(p.referenceRate()) + "), le taux contractuel de " + rate(contractRate)
                            + " étant inférieur",
                    "legal floor: 3 times the legal interest rate of the " + halfYear(h) + " (" + rate(p.referenceRate())
                            + "), the contract rate of " + rate(contractRate) + " being lower");
            case LEGAL_RATE -> t("taux de l'intérêt légal du " + halfYear(h), "legal interest rate of the " + halfYear(h));
            case CONSUMER_CONTRACT -> t("taux contractuel", "contract rate");
        };
    }

    private String indemnityLabel(InvoicePenaltyStatement s) {
        return s.terms().debtor() == DebtorCategory.PUBLIC_BUYER
                ? t("Indemnité forfaitaire pour frais de recouvrement (CCP L2192-13, D2192-35) : ",
                "Fixed recovery indemnity (CCP L2192-13, D2192-35): ")
                : t("Indemnité forfaitaire pour frais de recouvrement (C. com. L441-10 II, D441-5) : ",
                "Fixed recovery indemnity (C. com. L441-10 II, D441-5): ");
    }

    private String remark(Remark r, InvoicePenaltyStatement s) {
        return switch (r) {
            case INDEMNITY_ALREADY_CLAIMED -> t("L'indemnité forfaitaire de 40 € a déjà été réclamée pour cette "
                            + "facture et n'est due qu'une fois (C. com. D441-5).",
                    "The €40 fixed indemnity was already claimed for this invoice and is due once only "
                            + "(C. com. D441-5).");
            case CONSUMER_REGIME -> t("Débiteur consommateur : ni pénalités de l'article L441-10 du code de commerce, "
                            + "ni indemnité forfaitaire, ni frais de recouvrement (CPCE L111-8).",
                    "Consumer debtor: no penalties under Code de commerce L441-10, no fixed indemnity and no "
                            + "recovery costs (CPCE L111-8).");
            case NO_FORMAL_NOTICE -> t("Aucune mise en demeure enregistrée : les intérêts moratoires au taux légal "
                            + "ne courent qu'à compter de la mise en demeure (C. civ. 1231-6, 1344-1).",
                    "No formal notice recorded: moratory interest at the legal rate only runs from the formal "
                            + "notice (C. civ. 1231-6, 1344-1).");
            case CONTRACT_RATE_IGNORED_FOR_PUBLIC_BUYER -> t("Acheteur public : le taux contractuel est écarté, "
                            + "le taux des intérêts moratoires étant fixé par l'article R2192-31 du CCP.",
                    "Public buyer: the contract rate is set aside, the late-payment interest rate being fixed by "
                            + "CCP R2192-31.");
            case FALLBACK_RATES_USED -> t("Attention : certains taux de référence n'étaient pas publiés ou chargés ; "
                            + "les derniers taux connus ont été appliqués à titre provisoire.",
                    "Warning: some reference rates were not published or loaded; the last known rates were "
                            + "applied provisionally.");
            case UNAPPLIED_EXCESS -> t("Excédent de paiements ou d'avoirs non imputé : ",
                    "Excess of payments or credit notes not applied: ") + money(s.unapplied());
        };
    }

    /** "1er semestre 2025" or "first half of 2025". */
    String halfYear(HalfYear h) {
        return fr ? (h.half() == 1 ? "1er" : "2e") + " semestre " + h.year()
                : (h.half() == 1 ? "first" : "second") + " half of " + h.year();
    }

    String date(LocalDate d) {
        return fr ? FR_DATE.format(d) : EN_DATE.format(d);
    }

    /** {@code 10 000,00 €} (non-breaking spaces) or {@code €10,000.00}. */
    public String money(BigDecimal amount) {
        String digits = decimalFormat("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
        return fr ? digits + NBSP + "€" : "€" + digits;
    }

    /** Unrounded period figure, shown with 4 decimals. */
    String detailed(BigDecimal amount) {
        String digits = decimalFormat("#,##0.0000").format(amount.setScale(4, RoundingMode.HALF_UP));
        return fr ? digits + NBSP + "€" : "€" + digits;
    }

    /** {@code 13,15 %} or {@code 13.15%}. */
    public String rate(BigDecimal percent) {
        BigDecimal shown = percent.stripTrailingZeros();
        if (shown.scale() < 2) {
            shown = shown.setScale(2);
        }
        String digits = fr ? shown.toPlainString().replace('.', ',') : shown.toPlainString();
        return fr ? digits + NBSP + "%" : digits + "%";
    }

    private DecimalFormat decimalFormat(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(fr ? ',' : '.');
        symbols.setGroupingSeparator(fr ? NBSP : ',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
