-- communication: per-tenant mail settings, the outbox of messages (email, letter, registered
-- letter, call task, SMS), print batches of letters and the call to-do list.
CREATE TABLE communication_settings (
    tenant_id           UUID PRIMARY KEY REFERENCES tenant (id),
    smtp_host           VARCHAR(200),
    smtp_port           INT,
    smtp_security       VARCHAR(10)  NOT NULL,
    smtp_username       VARCHAR(200),
    smtp_password       VARCHAR(500),
    from_address        VARCHAR(200),
    from_name           VARCHAR(200),
    reply_to            VARCHAR(200),
    default_call_owner  VARCHAR(200),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- What to send is fixed when queued; the content is rendered when sent (amounts re-read then).
-- A source (a dunning contact) gets at most one message per channel.
CREATE TABLE outbox_message (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    debtor_id        UUID          NOT NULL,
    channel          VARCHAR(20)   NOT NULL,
    template         VARCHAR(60)   NOT NULL,
    invoice_ids      VARCHAR       NOT NULL,
    list_overdue     BOOLEAN       NOT NULL,
    as_of            DATE          NOT NULL,
    deadline         DATE,
    attach_letter    BOOLEAN       NOT NULL,
    source_type      VARCHAR(30)   NOT NULL,
    source_id        UUID          NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at       TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(2000),
    recipient        VARCHAR(500),
    subject          VARCHAR(500),
    content          BYTEA,
    content_type     VARCHAR(100),
    content_sha256   VARCHAR(64),
    print_batch_id   UUID,
    call_task_id     UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT outbox_message_once UNIQUE (tenant_id, source_type, source_id, channel)
);
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_at);
CREATE INDEX outbox_message_tenant ON outbox_message (tenant_id, status, created_at);
CREATE INDEX outbox_message_debtor ON outbox_message (tenant_id, debtor_id, created_at);
CREATE INDEX outbox_message_batch ON outbox_message (tenant_id, print_batch_id);

CREATE TABLE print_batch (
    id             UUID PRIMARY KEY,
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    kind           VARCHAR(20)  NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    letter_count   INT          NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    downloaded_by  VARCHAR(200)
);
CREATE INDEX print_batch_tenant ON print_batch (tenant_id, status, created_at);

CREATE TABLE call_task (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    debtor_id        UUID          NOT NULL,
    message_id       UUID          NOT NULL,
    invoice_ids      VARCHAR       NOT NULL,
    title            VARCHAR(500)  NOT NULL,
    script           VARCHAR       NOT NULL,
    phone            VARCHAR(40),
    owner            VARCHAR(200),
    due_on           DATE          NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    outcome          VARCHAR(20),
    note             VARCHAR(2000),
    recovery_ref     UUID,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    completed_by     VARCHAR(200)
);
CREATE INDEX call_task_todo ON call_task (tenant_id, status, due_on);
