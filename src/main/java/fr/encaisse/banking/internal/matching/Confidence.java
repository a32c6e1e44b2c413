package fr.encaisse.banking.internal.matching;

/**
 * How sure a proposal is, from 0 to 99, as a table rather than a formula so that each figure can
 * be read, argued about and tested. Three things decide: how the invoices were named (a checked
 * reference is worth more than a number in free text, which is worth more than one seen through
 * a typo), how the amount fits what is open, and what is known of the payer.
 *
 * <p>The design rule: a reference without check digits is only trusted to the point of an
 * automatic match when the amount agrees with it, or the payer is known; a typo or an
 * amount-only fit never is on its own. Partial payments and overpayments are accepted
 * automatically only on a checked reference (RF, our own end-to-end id) or a named invoice from
 * a known payer account.
 */
final class Confidence {

    private Confidence() {
    }

    /** How the proposal's invoices were named by the payment, strongest last. */
    enum Ref {
        /** Not named at all. */
        NONE,
        /** A number one typo away. */
        FUZZY,
        /** Through OCR-like confusion, another prefix, or a broken RF reference. */
        NOISY,
        /** As written, in the remittance text or the payer's end-to-end id. */
        EXACT_TEXT,
        /** A valid RF reference, or the end-to-end id of our own direct debit. */
        CHECKED
    }

    /** How the amount fits. */
    enum Fit {
        EXACT, CREDIT_NOTE, DISCOUNT, PARTIAL, OVERPAID
    }

    /** What is known of the payer, for this debtor. */
    enum Payer {
        NONE, NAME_WEAK, NAME_STRONG, IBAN
    }

    /** Which invoices the proposal settles. */
    enum Shape {
        /** Exactly the named ones. */
        NAMED,
        /** Some of the named ones. */
        SUBSET_OF_NAMED,
        /** The named ones and others of the same debtor. */
        NAMED_AND_OTHERS,
        /** Named invoices of several debtors (a group paying for its companies). */
        GROUP,
        /** Unnamed: one invoice. */
        SINGLE,
        /** Unnamed: everything the debtor owes. */
        BALANCE,
        /** Unnamed: a combination of the debtor's invoices. */
        COMBINATION,
        /** Unnamed: oldest first, the rest partial or left as a credit. */
        FILL
    }

    //                                        EXACT CREDIT_NOTE DISCOUNT PARTIAL OVERPAID
    private static final int[][] NAMED_TABLE = {
            /* NONE       */ {0, 0, 0, 0, 0},
            /* FUZZY      */ {91, 82, 80, 50, 50},
            /* NOISY      */ {95, 88, 87, 62, 60},
            /* EXACT_TEXT */ {97, 93, 92, 72, 70},
            /* CHECKED    */ {99, 96, 95, 94, 93}};

    //                                        NONE NAME_WEAK NAME_STRONG IBAN
    private static final int[] SINGLE = {40, 72, 86, 93};
    private static final int[] BALANCE = {0, 74, 87, 94};
    private static final int[] COMBINATION = {0, 70, 84, 91};
    private static final int[] CREDIT_NOTE = {0, 68, 82, 90};
    private static final int[] DISCOUNT = {0, 66, 80, 89};
    private static final int[] FILL = {0, 40, 55, 65};

    /** A typo'd reference with an exact amount, unknown payer, and an amount many invoices share. */
    static final int FUZZY_COMMON_AMOUNT = 80;

    static int of(Ref ref, Fit fit, Payer payer, Shape shape, boolean distinctAmount) {
        return Math.min(99, switch (shape) {
            case NAMED, SUBSET_OF_NAMED, NAMED_AND_OTHERS, GROUP -> named(ref, fit, payer, shape, distinctAmount);
            case SINGLE -> fit == Fit.CREDIT_NOTE ? CREDIT_NOTE[payer.ordinal()]
                    : fit == Fit.DISCOUNT ? DISCOUNT[payer.ordinal()] : SINGLE[payer.ordinal()];
            case BALANCE -> fit == Fit.CREDIT_NOTE ? CREDIT_NOTE[payer.ordinal()] : BALANCE[payer.ordinal()];
            case COMBINATION -> COMBINATION[payer.ordinal()];
            case FILL -> FILL[payer.ordinal()];
        });
    }

    private static int named(Ref ref, Fit fit, Payer payer, Shape shape, boolean distinctAmount) {
        int base = NAMED_TABLE[ref.ordinal()][fit.ordinal()];
        if (ref == Ref.FUZZY && fit == Fit.EXACT && payer == Payer.NONE && !distinctAmount) {
            base = FUZZY_COMMON_AMOUNT;
        }
        boolean amountAgrees = fit == Fit.EXACT || fit == Fit.CREDIT_NOTE || fit == Fit.DISCOUNT;
        int bonus = switch (payer) {
            case IBAN -> fit == Fit.EXACT ? 2 : amountAgrees ? 4 : 20;
            case NAME_STRONG -> fit == Fit.EXACT ? 1 : amountAgrees ? 3 : 12;
            case NAME_WEAK -> amountAgrees ? 0 : 5;
            case NONE -> 0;
        };
        int score = base + bonus;
        return switch (shape) {
            case SUBSET_OF_NAMED -> score - 3;
            case NAMED_AND_OTHERS -> Math.min(score, 88 + (payer == Payer.IBAN ? 4 : payer == Payer.NAME_STRONG ? 2 : 0));
            case GROUP -> Math.min(95, score - 4);
            default -> score;
        };
    }

    /** A partial payment spread over several named invoices: which one gets what is a guess. */
    static final int SPREAD_PARTIAL_CAP = 75;
    /** Other items fit equally well. */
    static final int AMBIGUOUS = 25;
    /** The payer's account or name belongs to another debtor, with a checked or exact reference. */
    static final int OTHER_PAYER_NAMED = 3;
    /** The same, with weaker evidence. */
    static final int OTHER_PAYER = 8;
    /** Not named, while the remittance names other invoices whose amount fits. */
    static final int REFERENCE_ELSEWHERE_CONSISTENT = 15;
    /** Not named, while the remittance names other invoices. */
    static final int REFERENCE_ELSEWHERE = 5;
    /** Partly settles one debtor's invoices while the payment also names another debtor's. */
    static final int SEVERAL_DEBTORS = 20;
}
