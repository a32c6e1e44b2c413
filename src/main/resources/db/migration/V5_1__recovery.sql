-- recovery: disputes, promises to pay, payment plans, and the pauses they (and other modules,
-- e.g. a pending SEPA debit, or the tenant by hand) put on dunning. No foreign key to ledger
-- rows: deleting an invoice stays the ledger's business.
CREATE TABLE recovery_dispute (
    id           UUID PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES tenant (id),
    debtor_id    UUID          NOT NULL,
    invoice_id   UUID,
    reason       VARCHAR(2000) NOT NULL,
    opened_on    DATE          NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    resolution   VARCHAR(2000),
    resolved_at  TIMESTAMP WITH TIME ZONE,
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recovery_dispute_tenant ON recovery_dispute (tenant_id, status, opened_on);

CREATE TABLE recovery_promise (
    id           UUID PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES tenant (id),
    debtor_id    UUID          NOT NULL,
    invoice_ids  VARCHAR(4000),
    promised_on  DATE          NOT NULL,
    amount       NUMERIC(19,2),
    note         VARCHAR(2000),
    status       VARCHAR(20)   NOT NULL,
    created_by   VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recovery_promise_tenant ON recovery_promise (tenant_id, debtor_id);

CREATE TABLE recovery_payment_plan (
    id            UUID PRIMARY KEY,
    tenant_id     UUID          NOT NULL REFERENCES tenant (id),
    debtor_id     UUID          NOT NULL,
    invoice_ids   VARCHAR(4000),
    installments  VARCHAR(8000) NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    created_by    VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX recovery_payment_plan_tenant ON recovery_payment_plan (tenant_id, debtor_id);

-- One row per pause: a whole debtor (invoice_id NULL) or one invoice. Active on a day D when
-- not lifted, starts_on IS NULL or <= D, and ends_on IS NULL or >= D.
CREATE TABLE recovery_pause (
    id          UUID PRIMARY KEY,
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    reason      VARCHAR(30)   NOT NULL,
    debtor_id   UUID          NOT NULL,
    invoice_id  UUID,
    starts_on   DATE,
    ends_on     DATE,
    source_id   UUID,
    source_ref  VARCHAR(100),
    note        VARCHAR(2000),
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at   TIMESTAMP WITH TIME ZONE,
    lifted_by   VARCHAR(200)
);
CREATE INDEX recovery_pause_live ON recovery_pause (tenant_id, lifted_at);
CREATE INDEX recovery_pause_debtor ON recovery_pause (tenant_id, debtor_id);
CREATE INDEX recovery_pause_source ON recovery_pause (tenant_id, source_id);
CREATE INDEX recovery_pause_ref ON recovery_pause (tenant_id, reason, source_ref);
