package fr.encaisse.communication.internal;

import fr.encaisse.communication.Channel;
import fr.encaisse.communication.PrintBatch;
import fr.encaisse.communication.PrintBatches;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.shared.NotFoundException;
import fr.encaisse.tenancy.TenantContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Letters go into the tenant's open batch of their kind; downloading a batch closes it. */
@Service
@Transactional
class PrintBatchService implements PrintBatches {

    private final JdbcClient jdbc;
    private final Evidence evidence;
    private final Clock clock;

    PrintBatchService(JdbcClient jdbc, Evidence evidence, Clock clock) {
        this.jdbc = jdbc;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** The open batch of that kind (created if none), with one more letter counted. */
    UUID addLetter(UUID tenantId, Channel kind, OffsetDateTime now) {
        Optional<UUID> open = jdbc.sql("""
                SELECT id FROM print_batch WHERE tenant_id = ? AND kind = ? AND status = 'OPEN'
                ORDER BY created_at LIMIT 1 FOR UPDATE""").params(tenantId, kind.name()).query(UUID.class).optional();
        UUID id = open.orElseGet(UUID::randomUUID);
        if (open.isEmpty()) {
            jdbc.sql("INSERT INTO print_batch (id, tenant_id, kind, status, letter_count, created_at) VALUES (?, ?, ?, 'OPEN', 0, ?)")
                    .params(id, tenantId, kind.name(), now).update();
        }
        jdbc.sql("UPDATE print_batch SET letter_count = letter_count + 1 WHERE id = ?").param(id).update();
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PrintBatch> batches(boolean openOnly) {
        return jdbc.sql("SELECT * FROM print_batch WHERE tenant_id = ?" + (openOnly ? " AND status = 'OPEN'" : "")
                        + " ORDER BY created_at DESC LIMIT 200")
                .param(TenantContext.tenantId()).query(PrintBatchService::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public PrintBatch batch(UUID id) {
        return jdbc.sql("SELECT * FROM print_batch WHERE tenant_id = ? AND id = ?").params(TenantContext.tenantId(), id)
                .query(PrintBatchService::map).optional().orElseThrow(() -> new NotFoundException("Print batch", id));
    }

    @Override
    public byte[] download(UUID id) {
        PrintBatch batch = batch(id);
        List<byte[]> letters = jdbc.sql("""
                SELECT content FROM outbox_message WHERE tenant_id = ? AND print_batch_id = ? AND status = 'SENT'
                ORDER BY sent_at, id""").params(TenantContext.tenantId(), id).query((rs, n) -> rs.getBytes(1)).list();
        byte[] merged = merge(letters);
        if (batch.status() == PrintBatch.Status.OPEN) {
            jdbc.sql("UPDATE print_batch SET status = 'CLOSED', closed_at = ?, downloaded_by = ? WHERE id = ?")
                    .params(OffsetDateTime.now(clock), TenantContext.actor(), id).update();
        }
        evidence.record("PRINT_BATCH", id, "print-batch.downloaded", "{\"letters\":" + letters.size() + "}");
        return merged;
    }

    private static byte[] merge(List<byte[]> pdfs) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] pdf : pdfs) {
                merger.addSource(new RandomAccessReadBuffer(pdf));
            }
            merger.setDestinationStream(out);
            if (!pdfs.isEmpty()) {
                merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not merge the batch's letters", e);
        }
    }

    private static PrintBatch map(ResultSet rs, int n) throws SQLException {
        return new PrintBatch(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("kind")),
                PrintBatch.Status.valueOf(rs.getString("status")), rs.getInt("letter_count"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                rs.getString("downloaded_by"));
    }
}
