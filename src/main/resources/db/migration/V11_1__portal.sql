-- portal: debtors' access links. The token itself is never stored: only its SHA-256 (to find the
-- link) and the random seed from which the server re-derives it with its secret (to reuse the link).
CREATE TABLE portal_link (
    id          UUID PRIMARY KEY,
    tenant_id   UUID         NOT NULL,
    debtor_id   UUID         NOT NULL,
    seed        VARCHAR(64)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    created_by  VARCHAR(200) NOT NULL
);
CREATE INDEX portal_link_debtor ON portal_link (tenant_id, debtor_id);
