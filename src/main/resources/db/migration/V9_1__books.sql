-- imports: what came in from the books (FEC), saved CSV column mappings, and the tenant's
-- accounting settings for FEC imports and accounting exports.

-- One row per FEC line on a customer account, keyed by where it sits in the books, and the
-- ledger row it became. A re-import finds its lines here: nothing is created twice, and a
-- line whose lettering changed is "touched" so that its lettering group is settled again.
CREATE TABLE fec_item (
    tenant_id       UUID          NOT NULL REFERENCES tenant (id),
    -- JournalCode|EcritureNum|EcritureDate|CompteNum|CompAuxNum|ordinal of the customer line in the entry
    item_key        VARCHAR(400)  NOT NULL,
    debtor_id       UUID          NOT NULL,
    -- INVOICE, CREDIT_NOTE, PAYMENT, or SKIPPED (kept so lettering groups know what the ledger lacks)
    kind            VARCHAR(12)   NOT NULL,
    -- invoice, credit note or payment id (chosen when the line is read); several lines of one entry
    -- may share one ledger row
    ledger_id       UUID,
    -- the line's amount, positive, debit or credit according to kind
    amount          NUMERIC(19,2) NOT NULL,
    entry_date      DATE          NOT NULL,
    piece_ref       VARCHAR(100),
    -- PieceRef and EcritureLib: where an unlettered payment may name the invoice it pays
    ref_hint        VARCHAR(300),
    compte_num      VARCHAR(40)   NOT NULL,
    comp_aux_num    VARCHAR(40),
    -- EcritureLet as written, and upper-cased for grouping ("a" partial and "A" full are one group)
    letter          VARCHAR(20),
    letter_key      VARCHAR(20),
    lettered_on     DATE,
    skip_reason     VARCHAR(200),
    -- What the piece (invoice, credit note, payment) the line belongs to will be, written when the
    -- line is read and used when the ledger row is created, debtor by debtor, after the whole file.
    piece_number    VARCHAR(64),
    piece_fallback  VARCHAR(64),
    piece_date      DATE,
    piece_amount    NUMERIC(19,2),
    piece_vat       NUMERIC(19,2),
    piece_reference VARCHAR(140),
    piece_method    VARCHAR(20),
    line_no         BIGINT        NOT NULL,
    first_import_id UUID          NOT NULL,
    touched_import  UUID          NOT NULL,
    PRIMARY KEY (tenant_id, item_key)
);
CREATE INDEX fec_item_group ON fec_item (tenant_id, debtor_id, letter_key);
-- The debtors with lines an import added or re-lettered.
CREATE INDEX fec_item_touched ON fec_item (tenant_id, touched_import, debtor_id);
CREATE INDEX fec_item_ledger ON fec_item (tenant_id, ledger_id);

-- Allocations the FEC import made from the books' lettering: already in the books, so the
-- accounting export leaves them out.
CREATE TABLE fec_allocation (
    tenant_id      UUID NOT NULL REFERENCES tenant (id),
    allocation_id  UUID NOT NULL,
    import_id      UUID NOT NULL,
    PRIMARY KEY (tenant_id, allocation_id)
);

-- Saved column mappings for the CSV exports of accounting software and ERPs.
CREATE TABLE import_profile (
    id            UUID PRIMARY KEY,
    tenant_id     UUID          NOT NULL REFERENCES tenant (id),
    name          VARCHAR(100)  NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    -- JSON: {"columns": {"number": "N° pièce", ...}, "separator": ";", "encoding": ..., ...}
    settings      VARCHAR(4000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT import_profile_name_per_tenant UNIQUE (tenant_id, name)
);

-- The tenant's books: default payment term for FEC items (the FEC has no due date), customer
-- account prefix, and the accounts and journals the accounting export posts to.
CREATE TABLE books_setting (
    tenant_id                UUID         PRIMARY KEY REFERENCES tenant (id),
    default_term_days        INT          NOT NULL,
    customer_account_prefix  VARCHAR(20)  NOT NULL,
    customer_account         VARCHAR(20)  NOT NULL,
    bank_account             VARCHAR(20)  NOT NULL,
    suspense_account         VARCHAR(20)  NOT NULL,
    bank_journal             VARCHAR(10)  NOT NULL,
    misc_journal             VARCHAR(10)  NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
