-- evidence: an append-only, hash-chained journal, one chain per tenant.
CREATE TABLE evidence_entry (
    tenant_id     UUID         NOT NULL REFERENCES tenant (id),
    position      BIGINT       NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    subject_type  VARCHAR(40)  NOT NULL,
    subject_id    UUID         NOT NULL,
    action        VARCHAR(60)  NOT NULL,
    details       VARCHAR      NOT NULL,
    previous_hash VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, position)
);
CREATE INDEX evidence_subject ON evidence_entry (tenant_id, subject_id, position);

-- The head of each chain: appends lock this row, so positions never fork, and a deleted
-- tail is detected by comparing with the last row.
CREATE TABLE evidence_chain (
    tenant_id      UUID        PRIMARY KEY REFERENCES tenant (id),
    last_position  BIGINT      NOT NULL,
    last_hash      VARCHAR(64) NOT NULL
);
