package fr.encaisse.evidence.internal;

import fr.encaisse.evidence.ChainVerification;
import fr.encaisse.evidence.ChainVerification.Break;
import fr.encaisse.evidence.Evidence;
import fr.encaisse.evidence.EvidenceEntry;
import fr.encaisse.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcEvidence implements Evidence {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcEvidence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public EvidenceEntry record(String subjectType, UUID subjectId, String action, String details) {
        UUID tenantId = TenantContext.tenantId();
        String actor = TenantContext.actor();
        Head head = lockHead(tenantId);
        long position = head.lastPosition() + 1;
        OffsetDateTime now = ChainHash.normalise(OffsetDateTime.now(clock));
        String hash = ChainHash.of(head.lastHash(), tenantId, position, now, actor, subjectType, subjectId, action, details);
        jdbc.sql("""
                INSERT INTO evidence_entry (tenant_id, position, occurred_at, actor, subject_type, subject_id, action,
                                            details, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, position, now, actor, subjectType, subjectId, action, details, head.lastHash(), hash)
                .update();
        jdbc.sql("UPDATE evidence_chain SET last_position = ?, last_hash = ? WHERE tenant_id = ?")
                .params(position, hash, tenantId).update();
        return new EvidenceEntry(position, now, actor, subjectType, subjectId, action, details, head.lastHash(), hash);
    }

    /** Locks the chain head so that concurrent appends of one tenant queue up instead of forking. */
    private Head lockHead(UUID tenantId) {
        var head = jdbc.sql("SELECT last_position, last_hash FROM evidence_chain WHERE tenant_id = ? FOR UPDATE")
                .param(tenantId).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        if (head.isPresent()) {
            return head.get();
        }
        // First entry of this tenant. A concurrent first insert fails on the primary key and
        // the caller's transaction rolls back, which is the safe outcome.
        jdbc.sql("INSERT INTO evidence_chain (tenant_id, last_position, last_hash) VALUES (?, 0, ?)")
                .params(tenantId, ChainHash.GENESIS).update();
        return lockHead(tenantId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EvidenceEntry> forSubject(UUID subjectId) {
        return jdbc.sql("SELECT * FROM evidence_entry WHERE tenant_id = ? AND subject_id = ? ORDER BY position")
                .params(TenantContext.tenantId(), subjectId).query(JdbcEvidence::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        UUID tenantId = TenantContext.tenantId();
        Head head = jdbc.sql("SELECT last_position, last_hash FROM evidence_chain WHERE tenant_id = ?")
                .param(tenantId).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Head(0, ChainHash.GENESIS));
        List<Break> breaks = new ArrayList<>();
        long[] expected = {1};
        String[] previous = {ChainHash.GENESIS};
        long[] read = {0};
        // Streams the rows: a journal of millions of entries is verified in constant memory.
        jdbc.sql("SELECT * FROM evidence_entry WHERE tenant_id = ? ORDER BY position").param(tenantId)
                .query((RowCallbackHandler) rs -> {
                    EvidenceEntry e = map(rs, 0);
                    read[0]++;
                    if (e.position() != expected[0]) {
                        breaks.add(new Break(expected[0], "entries " + expected[0] + " to " + (e.position() - 1) + " are missing"));
                    }
                    if (!e.previousHash().equals(previous[0])) {
                        breaks.add(new Break(e.position(), "does not link to the previous entry"));
                    }
                    String recomputed = ChainHash.of(e.previousHash(), tenantId, e.position(), e.occurredAt(), e.actor(),
                            e.subjectType(), e.subjectId(), e.action(), e.details());
                    if (!recomputed.equals(e.hash())) {
                        breaks.add(new Break(e.position(), "content was altered (hash mismatch)"));
                    }
                    expected[0] = e.position() + 1;
                    previous[0] = e.hash();
                });
        if (expected[0] - 1 != head.lastPosition() || !previous[0].equals(head.lastHash())) {
            breaks.add(new Break(expected[0], "the chain ends at " + (expected[0] - 1) + " but its head records "
                    + head.lastPosition() + " entries: the tail was removed or altered"));
        }
        return new ChainVerification(read[0], head.lastPosition(), breaks);
    }

    private static EvidenceEntry map(ResultSet rs, int row) throws SQLException {
        return new EvidenceEntry(rs.getLong("position"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("actor"), rs.getString("subject_type"), rs.getObject("subject_id", UUID.class),
                rs.getString("action"), rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private record Head(long lastPosition, String lastHash) {
    }
}
