package fr.encaisse.documents.internal;

import fr.encaisse.documents.DocumentKind;
import fr.encaisse.documents.RegisteredMail;
import fr.encaisse.documents.StoredDocument;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Documents and their bytes. Bytes are stored once per tenant and SHA-256 (content addressing):
 * writing the same content twice adds a document row, never a second copy. Every statement is
 * bound to one tenant.
 */
@Repository
class DocumentStore {

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new document row holds besides its bytes. */
    record NewDocument(UUID debtorId, UUID invoiceId, DocumentKind kind, String title, String reference, String fileName,
                       String mediaType, String language, LocalDate documentDate, LocalDate deadline,
                       BigDecimal amountClaimed, boolean registeredMail, String fingerprint) {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores the bytes unless this tenant already has them; returns their hash. */
    String putContent(UUID tenantId, byte[] bytes, OffsetDateTime now) {
        String hash = sha256(bytes);
        // Two transactions storing the same bytes at once: the second one's row is simply not needed.
        jdbc.sql("""
                INSERT INTO document_content (tenant_id, sha256, size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(tenantId, hash, (long) bytes.length, bytes, now).update();
        return hash;
    }

    Optional<byte[]> content(UUID tenantId, String sha256) {
        return jdbc.sql("SELECT content FROM document_content WHERE tenant_id = ? AND sha256 = ?")
                .params(tenantId, sha256).query((rs, n) -> rs.getBytes(1)).optional();
    }

    StoredDocument insert(UUID tenantId, UUID id, NewDocument d, byte[] bytes, OffsetDateTime now, String actor) {
        String hash = putContent(tenantId, bytes, now);
        jdbc.sql("""
                INSERT INTO document (id, tenant_id, debtor_id, invoice_id, kind, title, reference, file_name, media_type,
                    sha256, size_bytes, language, document_date, deadline, amount_claimed, registered_mail, fingerprint,
                    created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, d.debtorId(), d.invoiceId(), d.kind().name(), cut(d.title(), 300), cut(d.reference(), 80),
                        cut(d.fileName(), 200), d.mediaType(), hash, (long) bytes.length, d.language(), d.documentDate(),
                        d.deadline(), d.amountClaimed(), d.registeredMail(), d.fingerprint(), now, cut(actor, 200))
                .update();
        return find(tenantId, id).orElseThrow();
    }

    Optional<StoredDocument> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM document WHERE tenant_id = ? AND id = ?").params(tenantId, id)
                .query(DocumentStore::map).optional();
    }

    List<StoredDocument> ofDebtor(UUID tenantId, UUID debtorId) {
        return jdbc.sql("SELECT * FROM document WHERE tenant_id = ? AND debtor_id = ? ORDER BY created_at DESC, id")
                .params(tenantId, debtorId).query(DocumentStore::map).list();
    }

    List<StoredDocument> ofInvoice(UUID tenantId, UUID invoiceId, DocumentKind kind) {
        return jdbc.sql("SELECT * FROM document WHERE tenant_id = ? AND invoice_id = ? AND kind = ? ORDER BY created_at DESC, id")
                .params(tenantId, invoiceId, kind.name()).query(DocumentStore::map).list();
    }

    Optional<StoredDocument> byFingerprint(UUID tenantId, UUID invoiceId, DocumentKind kind, String fingerprint) {
        return jdbc.sql("""
                SELECT * FROM document WHERE tenant_id = ? AND invoice_id = ? AND kind = ? AND fingerprint = ?
                ORDER BY created_at DESC, id LIMIT 1""")
                .params(tenantId, invoiceId, kind.name(), fingerprint).query(DocumentStore::map).optional();
    }

    void posted(UUID tenantId, UUID id, String trackingNumber, LocalDate postedOn) {
        jdbc.sql("UPDATE document SET registered_mail = TRUE, tracking_number = ?, posted_on = ? WHERE tenant_id = ? AND id = ?")
                .params(trackingNumber, postedOn, tenantId, id).update();
    }

    void acknowledged(UUID tenantId, UUID id, LocalDate receivedOn) {
        jdbc.sql("UPDATE document SET acknowledged_on = ? WHERE tenant_id = ? AND id = ?")
                .params(receivedOn, tenantId, id).update();
    }

    // ---- e-invoices read into the ledger

    void insertEInvoice(UUID tenantId, UUID invoiceId, UUID creditNoteId, UUID debtorId, UUID documentId, String syntax,
                        String profile, String number, String sellerName, String sellerVat, String iban, String paymentMeans,
                        OffsetDateTime now, String actor) {
        jdbc.sql("""
                INSERT INTO einvoice (id, tenant_id, invoice_id, credit_note_id, debtor_id, document_id, syntax, profile, number,
                    seller_name, seller_vat, iban, payment_means, imported_at, imported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), tenantId, invoiceId, creditNoteId, debtorId, documentId, syntax, cut(profile, 200), number,
                        cut(sellerName, 200), cut(sellerVat, 20), cut(iban, 34), cut(paymentMeans, 10), now, cut(actor, 200))
                .update();
    }

    // ---- assets (logo, terms of sale)

    record Asset(String mediaType, String sha256, byte[] bytes) {
    }

    void putAsset(UUID tenantId, String name, String mediaType, byte[] bytes, OffsetDateTime now) {
        String hash = putContent(tenantId, bytes, now);
        jdbc.sql("DELETE FROM document_asset WHERE tenant_id = ? AND name = ?").params(tenantId, name).update();
        jdbc.sql("INSERT INTO document_asset (tenant_id, name, media_type, sha256, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, name, mediaType, hash, now).update();
    }

    boolean removeAsset(UUID tenantId, String name) {
        return jdbc.sql("DELETE FROM document_asset WHERE tenant_id = ? AND name = ?").params(tenantId, name).update() > 0;
    }

    Optional<Asset> asset(UUID tenantId, String name) {
        return jdbc.sql("""
                SELECT a.media_type, a.sha256, c.content FROM document_asset a
                JOIN document_content c ON c.tenant_id = a.tenant_id AND c.sha256 = a.sha256
                WHERE a.tenant_id = ? AND a.name = ?""")
                .params(tenantId, name).query((rs, n) -> new Asset(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static StoredDocument map(ResultSet rs, int row) throws SQLException {
        boolean registered = rs.getBoolean("registered_mail");
        RegisteredMail mail = registered ? new RegisteredMail(rs.getString("tracking_number"),
                rs.getObject("posted_on", LocalDate.class), rs.getObject("acknowledged_on", LocalDate.class)) : null;
        return new StoredDocument(rs.getObject("id", UUID.class), rs.getObject("debtor_id", UUID.class),
                rs.getObject("invoice_id", UUID.class), DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("reference"), rs.getString("file_name"), rs.getString("media_type"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getString("language"), rs.getObject("document_date", LocalDate.class),
                rs.getObject("deadline", LocalDate.class), rs.getBigDecimal("amount_claimed"), mail,
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
