-- ledger: debtors, invoices and credit notes, payments, allocations.
CREATE TABLE debtor (
    id             UUID PRIMARY KEY,
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    reference      VARCHAR(64)  NOT NULL,
    legal_name     VARCHAR(200) NOT NULL,
    siren          VARCHAR(9),
    siret          VARCHAR(14),
    vat_number     VARCHAR(20),
    kind           VARCHAR(20)  NOT NULL,
    address_line1  VARCHAR(200),
    address_line2  VARCHAR(200),
    postal_code    VARCHAR(20),
    city           VARCHAR(100),
    country        VARCHAR(2)   NOT NULL DEFAULT 'FR',
    email          VARCHAR(200),
    phone          VARCHAR(40),
    language       VARCHAR(2)   NOT NULL DEFAULT 'fr',
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT debtor_reference_per_tenant UNIQUE (tenant_id, reference)
);
CREATE INDEX debtor_tenant_name ON debtor (tenant_id, legal_name, id);

CREATE TABLE debtor_contact (
    id         UUID PRIMARY KEY,
    tenant_id  UUID         NOT NULL REFERENCES tenant (id),
    debtor_id  UUID         NOT NULL REFERENCES debtor (id),
    name       VARCHAR(200) NOT NULL,
    email      VARCHAR(200),
    phone      VARCHAR(40),
    role       VARCHAR(30)  NOT NULL
);
CREATE INDEX debtor_contact_debtor ON debtor_contact (tenant_id, debtor_id);

-- Invoices and credit notes share one table: both are open items of the debtor's account.
CREATE TABLE invoice (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    debtor_id        UUID          NOT NULL REFERENCES debtor (id),
    kind             VARCHAR(12)   NOT NULL,
    number           VARCHAR(64)   NOT NULL,
    issue_date       DATE          NOT NULL,
    due_date         DATE          NOT NULL,
    payment_terms    VARCHAR(200),
    currency         VARCHAR(3)    NOT NULL,
    amount_excl_tax  NUMERIC(19,2) NOT NULL,
    vat_amount       NUMERIC(19,2) NOT NULL,
    amount_incl_tax  NUMERIC(19,2) NOT NULL,
    open_amount      NUMERIC(19,2) NOT NULL,
    po_reference     VARCHAR(100),
    status           VARCHAR(20)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invoice_number_per_tenant UNIQUE (tenant_id, number)
);
-- Keyset pagination and the usual filters all read in (due_date, id) order.
CREATE INDEX invoice_tenant_due ON invoice (tenant_id, kind, due_date, id);
CREATE INDEX invoice_tenant_status_due ON invoice (tenant_id, kind, status, due_date, id);
CREATE INDEX invoice_tenant_debtor_due ON invoice (tenant_id, debtor_id, due_date, id);

CREATE TABLE payment (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID          NOT NULL REFERENCES tenant (id),
    debtor_id           UUID          REFERENCES debtor (id),
    received_on         DATE          NOT NULL,
    amount              NUMERIC(19,2) NOT NULL,
    currency            VARCHAR(3)    NOT NULL,
    unallocated_amount  NUMERIC(19,2) NOT NULL,
    method              VARCHAR(20)   NOT NULL,
    reference           VARCHAR(140),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_tenant_received ON payment (tenant_id, received_on, id);
CREATE INDEX payment_tenant_debtor ON payment (tenant_id, debtor_id);

-- An allocation settles part of an invoice with a payment or with a credit note.
CREATE TABLE allocation (
    id              UUID PRIMARY KEY,
    tenant_id       UUID          NOT NULL REFERENCES tenant (id),
    invoice_id      UUID          NOT NULL REFERENCES invoice (id),
    payment_id      UUID          REFERENCES payment (id),
    credit_note_id  UUID          REFERENCES invoice (id),
    amount          NUMERIC(19,2) NOT NULL,
    allocated_on    DATE          NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT allocation_one_source CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL)),
    CONSTRAINT allocation_positive CHECK (amount > 0)
);
CREATE INDEX allocation_invoice ON allocation (tenant_id, invoice_id);
CREATE INDEX allocation_payment ON allocation (tenant_id, payment_id);
CREATE INDEX allocation_credit_note ON allocation (tenant_id, credit_note_id);
