-- dunning: scenarios, per-debtor settings, per-invoice progress, contacts and actions, runs.
CREATE TABLE dunning_scenario (
    id                         UUID PRIMARY KEY,
    tenant_id                  UUID         NOT NULL REFERENCES tenant (id),
    name                       VARCHAR(100) NOT NULL,
    grouping                   VARCHAR(20)  NOT NULL,
    min_days_between_contacts  INT          NOT NULL,
    is_default                 BOOLEAN      NOT NULL,
    steps                      VARCHAR      NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dunning_scenario_name UNIQUE (tenant_id, name)
);

-- One row per tenant: the daily-run switch, and the row a run locks so that two runs of one
-- tenant (two nodes, or the scheduler and the API) queue up instead of racing.
CREATE TABLE dunning_settings (
    tenant_id   UUID PRIMARY KEY REFERENCES tenant (id),
    daily_run   BOOLEAN NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE dunning_debtor (
    tenant_id        UUID        NOT NULL REFERENCES tenant (id),
    debtor_id        UUID        NOT NULL,
    scenario_id      UUID,
    segment          VARCHAR(40),
    risk_class       VARCHAR(20),
    last_contact_on  DATE,
    PRIMARY KEY (tenant_id, debtor_id)
);

-- How far each invoice has gone through its timeline: the offset (days from the due date) of
-- the last step taken. pending_contact_id: a drafted contact awaits review.
CREATE TABLE dunning_invoice_state (
    tenant_id           UUID        NOT NULL REFERENCES tenant (id),
    invoice_id          UUID        NOT NULL,
    debtor_id           UUID        NOT NULL,
    last_offset         INT         NOT NULL,
    last_step           VARCHAR(40) NOT NULL,
    last_action_on      DATE        NOT NULL,
    pending_contact_id  UUID,
    PRIMARY KEY (tenant_id, invoice_id)
);

CREATE TABLE dunning_contact (
    id            UUID PRIMARY KEY,
    tenant_id     UUID         NOT NULL REFERENCES tenant (id),
    debtor_id     UUID         NOT NULL,
    scenario_id   UUID         NOT NULL,
    grouping      VARCHAR(20)  NOT NULL,
    step_code     VARCHAR(40)  NOT NULL,
    step_offset   INT          NOT NULL,
    stage         VARCHAR(20)  NOT NULL,
    channels      VARCHAR(100) NOT NULL,
    template      VARCHAR(60)  NOT NULL,
    as_of         DATE         NOT NULL,
    step_date     DATE         NOT NULL,
    deadline      DATE,
    status        VARCHAR(10)  NOT NULL,
    invoice_count INT          NOT NULL,
    run_id        UUID         NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_by   VARCHAR(200),
    reviewed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX dunning_contact_debtor ON dunning_contact (tenant_id, debtor_id, as_of);
CREATE INDEX dunning_contact_status ON dunning_contact (tenant_id, status, as_of);

-- One action per invoice and step, ever: the unique constraint is what makes a second node,
-- a retried run or a restarted one unable to chase the same step twice.
CREATE TABLE dunning_action (
    id           UUID PRIMARY KEY,
    tenant_id    UUID          NOT NULL REFERENCES tenant (id),
    invoice_id   UUID          NOT NULL,
    debtor_id    UUID          NOT NULL,
    contact_id   UUID          NOT NULL,
    step_code    VARCHAR(40)   NOT NULL,
    step_offset  INT           NOT NULL,
    step_date    DATE          NOT NULL,
    as_of        DATE          NOT NULL,
    open_amount  NUMERIC(19,2) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dunning_action_once UNIQUE (tenant_id, invoice_id, step_offset)
);
CREATE INDEX dunning_action_contact ON dunning_action (tenant_id, contact_id);

CREATE TABLE dunning_run (
    id             UUID PRIMARY KEY,
    tenant_id      UUID        NOT NULL REFERENCES tenant (id),
    as_of          DATE        NOT NULL,
    trigger_name   VARCHAR(20) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    invoices_read  BIGINT      NOT NULL,
    contacts       INT         NOT NULL,
    actions        INT         NOT NULL,
    report         VARCHAR     NOT NULL
);
CREATE INDEX dunning_run_tenant ON dunning_run (tenant_id, as_of);
