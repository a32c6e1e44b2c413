package fr.encaisse.banking.internal.matching;

/** Why a proposal was made, or why its confidence was lowered: a stable code and a sentence for people. */
public record Reason(Code code, String text) {

    public enum Code {
        /** The SEPA end-to-end id of one of our direct debits names the invoice. */
        END_TO_END_ID,
        /** A valid ISO 11649 RF reference (check digits right) is the invoice's. */
        RF_REFERENCE,
        /** The invoice number appears as written. */
        INVOICE_NUMBER,
        /** The invoice number appears with OCR-like confusions, another prefix or none. */
        INVOICE_NUMBER_NOISY,
        /** A number one typo away from the invoice number appears. */
        INVOICE_NUMBER_SIMILAR,
        /** The payer's account is linked to the debtor (taught by an earlier manual match). */
        PAYER_IBAN,
        /** The payer's name resembles the debtor's. */
        PAYER_NAME,
        /** The payer's account or name belongs to another debtor (a parent paying for a subsidiary?). */
        OTHER_PAYER,
        /** The amount is exactly what is open on the invoices. */
        AMOUNT_EXACT,
        /** The amount is the open balance of several invoices of the debtor. */
        AMOUNT_COMBINATION,
        /** The amount is the debtor's whole open balance. */
        AMOUNT_BALANCE,
        /** The amount is the open balance minus a credit note, which is applied too. */
        CREDIT_NOTE,
        /** The amount is the open balance minus an early-payment discount. */
        DISCOUNT,
        /** Less than what is open: a partial payment. */
        PARTIAL,
        /** More than what is open: the rest stays as a credit on the debtor's account. */
        OVERPAYMENT,
        /** The payment names invoices of several debtors. */
        SEVERAL_DEBTORS,
        /** Other open items fit equally well. */
        AMBIGUOUS,
        /** The remittance names other invoices than these. */
        REFERENCE_ELSEWHERE,
        /** Only the amount links the payment to the invoice. */
        AMOUNT_ONLY
    }
}
