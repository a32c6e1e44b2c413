-- banking: imported bank statements, their lines and how each credit was matched; the payer
-- accounts learnt from manual matches; each tenant's automatic-match threshold.

-- One statement (camt.053 Stmt, camt.054 Ntfctn, CFONB 01..07 block), imported once per tenant.
CREATE TABLE bank_statement (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    format           VARCHAR(10)   NOT NULL,
    message_name     VARCHAR(20)   NOT NULL,
    message_id       VARCHAR(140),
    reference        VARCHAR(140)  NOT NULL,
    account_id       VARCHAR(70)   NOT NULL,
    account_iban     VARCHAR(34),
    currency         VARCHAR(3),
    created_by_bank  TIMESTAMP WITH TIME ZONE,
    opening_balance  NUMERIC(19,2),
    opening_date     DATE,
    closing_balance  NUMERIC(19,2),
    closing_date     DATE,
    file_name        VARCHAR(255),
    imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bank_statement_once UNIQUE (tenant_id, format, account_id, reference)
);
CREATE INDEX bank_statement_tenant_imported ON bank_statement (tenant_id, imported_at, id);

-- One line: an entry, or one transaction of a batch entry that carries each transaction's
-- amount. (fingerprint, transaction) is unique per tenant: re-importing adds nothing.
CREATE TABLE bank_statement_line (
    id                UUID PRIMARY KEY,
    tenant_id         UUID          NOT NULL REFERENCES tenant (id),
    statement_id      UUID          NOT NULL REFERENCES bank_statement (id),
    position          INT           NOT NULL,
    transaction_index INT           NOT NULL,
    file_line         BIGINT        NOT NULL,
    fingerprint       VARCHAR(64)   NOT NULL,
    booking_date      DATE,
    value_date        DATE,
    amount            NUMERIC(19,2) NOT NULL,
    currency          VARCHAR(3)    NOT NULL,
    credit_debit      VARCHAR(6)    NOT NULL,
    reversal          BOOLEAN       NOT NULL,
    entry_status      VARCHAR(35),
    bank_reference    VARCHAR(140),
    end_to_end_id     VARCHAR(140),
    payer_name        VARCHAR(200),
    payer_iban        VARCHAR(34),
    creditor_references VARCHAR(1000),
    remittance        VARCHAR,
    additional_info   VARCHAR(1000),
    bank_transaction_code VARCHAR(40),
    status            VARCHAR(20)   NOT NULL,
    confidence        INT,
    matched_by        VARCHAR(10),
    debtor_id         UUID,
    payment_id        UUID,
    applied           VARCHAR,
    candidates        VARCHAR,
    auto_blocked      BOOLEAN       NOT NULL DEFAULT FALSE,
    note              VARCHAR(500),
    matched_at        TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bank_line_once UNIQUE (tenant_id, fingerprint, transaction_index)
);
CREATE INDEX bank_line_statement ON bank_statement_line (tenant_id, statement_id, position, transaction_index);
CREATE INDEX bank_line_status ON bank_statement_line (tenant_id, status, booking_date, id);
-- A payment comes from one line at most: nothing is recorded twice.
CREATE UNIQUE INDEX bank_line_payment ON bank_statement_line (tenant_id, payment_id);

-- Payer accounts linked to debtors by manual matches: later credits from them point to the debtor.
CREATE TABLE bank_payer_account (
    tenant_id     UUID         NOT NULL REFERENCES tenant (id),
    iban          VARCHAR(34)  NOT NULL,
    debtor_id     UUID         NOT NULL,
    learned_from  UUID,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, iban, debtor_id)
);

CREATE TABLE bank_reconciliation_settings (
    tenant_id             UUID PRIMARY KEY REFERENCES tenant (id),
    auto_match_threshold  INT NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
