package fr.encaisse.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document kept by Encaisse: its bytes are identified by their SHA-256 ({@code sha256}), which
 * the evidence journal also holds.
 *
 * @param debtorId        the debtor it concerns (null for none)
 * @param invoiceId       the invoice it concerns (Factur-X, e-invoice received), else null
 * @param reference       the reference printed on it (letters) or the invoice number
 * @param documentDate    the date of the letter, invoice or dossier
 * @param deadline        payment deadline stated in a letter, else null
 * @param amountClaimed   total claimed by a letter or dossier, else null
 * @param registeredMail  for letters to be sent by LRAR (the formal notice): tracking and receipt; else null
 */
public record StoredDocument(
        UUID id,
        UUID debtorId,
        UUID invoiceId,
        DocumentKind kind,
        String title,
        String reference,
        String fileName,
        String mediaType,
        String sha256,
        long size,
        String language,
        LocalDate documentDate,
        LocalDate deadline,
        BigDecimal amountClaimed,
        RegisteredMail registeredMail,
        OffsetDateTime createdAt,
        String createdBy) {
}
