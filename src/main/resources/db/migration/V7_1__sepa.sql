-- sepa: the creditor's direct-debit settings, mandates and their amendments, the collections
-- (one per invoice and attempt), the pain.008 batches, the debtor notices (pre-notifications,
-- return notices) and the R-transactions read from pain.002 / camt.054 files.

CREATE TABLE sepa_settings (
    tenant_id               UUID PRIMARY KEY REFERENCES tenant (id),
    creditor_id             VARCHAR(35),
    umr_prefix              VARCHAR(12)  NOT NULL,
    prenotification_days    INT          NOT NULL,
    representation_days     INT          NOT NULL,
    bank_cut_off_days       INT          NOT NULL,
    planning_horizon_days   INT          NOT NULL,
    first_collection_frst   BOOLEAN      NOT NULL,
    pain_version            VARCHAR(3)   NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per-tenant counters (mandate references, end-to-end ids, message ids): never reused.
CREATE TABLE sepa_counter (
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    name       VARCHAR(20) NOT NULL,
    counter_value BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

CREATE TABLE sepa_mandate (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    debtor_id        UUID          NOT NULL REFERENCES debtor (id),
    umr              VARCHAR(35)   NOT NULL,
    scheme           VARCHAR(4)    NOT NULL,
    type             VARCHAR(10)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    debtor_name      VARCHAR(140)  NOT NULL,
    debtor_street    VARCHAR(200),
    debtor_post_code VARCHAR(20),
    debtor_town      VARCHAR(100),
    debtor_country   VARCHAR(2),
    debtor_iban      VARCHAR(34)   NOT NULL,
    debtor_bic       VARCHAR(11),
    signed_on        DATE,
    signed_at        VARCHAR(100),
    signatory        VARCHAR(140),
    status_changed_on DATE,
    status_reason    VARCHAR(300),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sepa_mandate_umr_per_tenant UNIQUE (tenant_id, umr)
);
CREATE INDEX sepa_mandate_debtor ON sepa_mandate (tenant_id, debtor_id);
CREATE INDEX sepa_mandate_status ON sepa_mandate (tenant_id, status, signed_on);

-- Every UMR a tenant ever issued, so that none is reused (not even after an amendment).
CREATE TABLE sepa_umr (
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    umr         VARCHAR(35) NOT NULL,
    mandate_id  UUID        NOT NULL,
    PRIMARY KEY (tenant_id, umr)
);

CREATE TABLE sepa_mandate_amendment (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID         NOT NULL REFERENCES tenant (id),
    mandate_id          UUID         NOT NULL REFERENCES sepa_mandate (id),
    amended_on          DATE         NOT NULL,
    old_umr             VARCHAR(35),
    new_umr             VARCHAR(35),
    old_iban            VARCHAR(34),
    new_iban            VARCHAR(34),
    old_bic             VARCHAR(11),
    new_bic             VARCHAR(11),
    reason              VARCHAR(300),
    carried_by_debit_id UUID,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(200) NOT NULL
);
CREATE INDEX sepa_mandate_amendment_mandate ON sepa_mandate_amendment (tenant_id, mandate_id, created_at);

CREATE TABLE sepa_batch (
    id                      UUID PRIMARY KEY,
    tenant_id               UUID          NOT NULL REFERENCES tenant (id),
    message_id              VARCHAR(35)   NOT NULL,
    pain_version            VARCHAR(3)    NOT NULL,
    status                  VARCHAR(12)   NOT NULL,
    created_on              DATE          NOT NULL,
    number_of_transactions  INT           NOT NULL,
    control_sum             NUMERIC(19,2) NOT NULL,
    first_collection_date   DATE          NOT NULL,
    last_collection_date    DATE          NOT NULL,
    latest_submission_date  DATE          NOT NULL,
    file_name               VARCHAR(100)  NOT NULL,
    sha256                  VARCHAR(64)   NOT NULL,
    content                 BYTEA         NOT NULL,
    submitted_on            DATE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(200)  NOT NULL,
    submitted_at            TIMESTAMP WITH TIME ZONE,
    submitted_by            VARCHAR(200),
    CONSTRAINT sepa_batch_message_per_tenant UNIQUE (tenant_id, message_id)
);
CREATE INDEX sepa_batch_tenant ON sepa_batch (tenant_id, created_at);

CREATE TABLE sepa_batch_block (
    tenant_id               UUID          NOT NULL REFERENCES tenant (id),
    batch_id                UUID          NOT NULL REFERENCES sepa_batch (id),
    payment_information_id  VARCHAR(35)   NOT NULL,
    collection_date         DATE          NOT NULL,
    scheme                  VARCHAR(4)    NOT NULL,
    sequence_type           VARCHAR(4)    NOT NULL,
    number_of_transactions  INT           NOT NULL,
    control_sum             NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (batch_id, payment_information_id)
);

-- One collection of one invoice: planned, pre-notified, put in a batch, submitted, settled (booked
-- in the ledger) or rejected/returned or cancelled. A re-presentation is a new row.
CREATE TABLE sepa_debit (
    id                        UUID PRIMARY KEY,
    tenant_id                 UUID          NOT NULL REFERENCES tenant (id),
    mandate_id                UUID          NOT NULL REFERENCES sepa_mandate (id),
    debtor_id                 UUID          NOT NULL REFERENCES debtor (id),
    invoice_id                UUID          NOT NULL REFERENCES invoice (id),
    invoice_number            VARCHAR(64)   NOT NULL,
    end_to_end_id             VARCHAR(35)   NOT NULL,
    amount                    NUMERIC(19,2) NOT NULL,
    currency                  VARCHAR(3)    NOT NULL,
    due_date                  DATE          NOT NULL,
    collection_date           DATE          NOT NULL,
    prenotify_on              DATE          NOT NULL,
    scheme                    VARCHAR(4)    NOT NULL,
    status                    VARCHAR(12)   NOT NULL,
    attempt                   INT           NOT NULL,
    represents_debit_id       UUID,
    prenotification_id        UUID,
    batch_id                  UUID,
    payment_information_id    VARCHAR(35),
    sequence_type             VARCHAR(4),
    carried_umr               VARCHAR(35),
    carried_iban              VARCHAR(34),
    carried_bic               VARCHAR(11),
    carried_creditor_id       VARCHAR(35),
    carried_creditor_name     VARCHAR(140),
    signed_on                 DATE,
    amended                   BOOLEAN       NOT NULL DEFAULT FALSE,
    original_umr              VARCHAR(35),
    original_iban             VARCHAR(34),
    original_creditor_id      VARCHAR(35),
    original_creditor_name    VARCHAR(140),
    changed_debtor_agent      BOOLEAN       NOT NULL DEFAULT FALSE,
    payment_id                UUID,
    allocation_id             UUID,
    settled_on                DATE,
    status_reason             VARCHAR(300),
    -- cancelled by a person: the invoice is not planned again automatically
    keep_out                  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sepa_debit_e2e_per_tenant UNIQUE (tenant_id, end_to_end_id)
);
CREATE INDEX sepa_debit_status ON sepa_debit (tenant_id, status, collection_date);
CREATE INDEX sepa_debit_invoice ON sepa_debit (tenant_id, invoice_id);
CREATE INDEX sepa_debit_mandate ON sepa_debit (tenant_id, mandate_id, collection_date);
-- The batch's streaming read, in the writer's block order.
CREATE INDEX sepa_debit_batch ON sepa_debit (tenant_id, batch_id, collection_date, scheme, sequence_type, end_to_end_id);

-- Messages to debtors (pre-notifications and return notices), rendered when queued, sent later.
CREATE TABLE sepa_notice (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    debtor_id        UUID          NOT NULL REFERENCES debtor (id),
    debit_id         UUID          NOT NULL REFERENCES sepa_debit (id),
    kind             VARCHAR(20)   NOT NULL,
    language         VARCHAR(2)    NOT NULL,
    recipient        VARCHAR(200),
    subject          VARCHAR(300)  NOT NULL,
    body_text        VARCHAR(8000) NOT NULL,
    body_html        VARCHAR(16000) NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(1000),
    content          BYTEA,
    content_sha256   VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sepa_notice_due ON sepa_notice (status, next_attempt_at);
CREATE INDEX sepa_notice_debit ON sepa_notice (tenant_id, debit_id);
CREATE INDEX sepa_notice_tenant ON sepa_notice (tenant_id, created_at);

CREATE TABLE sepa_return_file (
    id                   UUID PRIMARY KEY,
    tenant_id            UUID          NOT NULL REFERENCES tenant (id),
    message_name         VARCHAR(20)   NOT NULL,
    message_id           VARCHAR(35),
    file_name            VARCHAR(200),
    sha256               VARCHAR(64)   NOT NULL,
    transactions         INT           NOT NULL,
    returns              INT           NOT NULL,
    imported_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by          VARCHAR(200)  NOT NULL,
    CONSTRAINT sepa_return_file_once UNIQUE (tenant_id, sha256)
);

CREATE TABLE sepa_return (
    id                       UUID PRIMARY KEY,
    tenant_id                UUID          NOT NULL REFERENCES tenant (id),
    file_id                  UUID          NOT NULL REFERENCES sepa_return_file (id),
    debit_id                 UUID          NOT NULL REFERENCES sepa_debit (id),
    invoice_id               UUID          NOT NULL REFERENCES invoice (id),
    end_to_end_id            VARCHAR(35)   NOT NULL,
    kind                     VARCHAR(10)   NOT NULL,
    reason_code              VARCHAR(8)    NOT NULL,
    amount                   NUMERIC(19,2) NOT NULL,
    fee                      NUMERIC(19,2),
    returned_on              DATE          NOT NULL,
    route                    VARCHAR(20)   NOT NULL,
    mandate_revoked          BOOLEAN       NOT NULL,
    reversed_allocation_id   UUID,
    deleted_payment_id       UUID,
    representation_debit_id  UUID,
    notice_id                UUID,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sepa_return_once UNIQUE (tenant_id, debit_id)
);
CREATE INDEX sepa_return_tenant ON sepa_return (tenant_id, created_at);
