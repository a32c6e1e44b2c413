package fr.encaisse.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an e-invoice file became in the ledger.
 *
 * @param syntax         FACTURX_PDF, CII or UBL
 * @param profile        the specification identifier (BT-24), e.g. {@code urn:cen.eu:en16931:2017}
 * @param invoiceId      the invoice created, or null for a credit note
 * @param creditNoteId   the credit note created, or null for an invoice
 * @param debtorCreated  true when no debtor matched and one was created from the buyer
 * @param prepaidAmount  amount already paid according to the file (BT-113), recorded as a payment
 * @param openAmount     what remains due in the ledger after the import
 * @param iban           the account to pay to (BT-84)
 * @param documentId     the stored original file
 * @param warnings       what was read but not taken as is (an invalid identifier, a missing due date…)
 */
public record EInvoiceImport(
        String syntax,
        String profile,
        String number,
        UUID invoiceId,
        UUID creditNoteId,
        UUID debtorId,
        String debtorName,
        boolean debtorCreated,
        LocalDate issueDate,
        LocalDate dueDate,
        String currency,
        BigDecimal amountExclTax,
        BigDecimal vatAmount,
        BigDecimal amountInclTax,
        BigDecimal prepaidAmount,
        BigDecimal openAmount,
        String paymentTerms,
        String iban,
        UUID documentId,
        String sha256,
        List<String> warnings) {
}
