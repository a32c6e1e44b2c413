-- documents: generated and received documents, content-addressed by SHA-256 per tenant, the
-- tenants' editable templates and assets (logo, terms of sale), and e-invoices read into the ledger.

-- The bytes, once per tenant and hash: a document is identified by what it contains.
CREATE TABLE document_content (
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    sha256      VARCHAR(64)  NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, sha256)
);

-- One row per generated or received document (a letter, a Factur-X, a dossier, an e-invoice
-- received); several rows may share one content.
CREATE TABLE document (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    debtor_id        UUID,
    invoice_id       UUID,
    kind             VARCHAR(40)   NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    reference        VARCHAR(80)   NOT NULL,
    file_name        VARCHAR(200)  NOT NULL,
    media_type       VARCHAR(100)  NOT NULL,
    sha256           VARCHAR(64)   NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    language         VARCHAR(2),
    document_date    DATE          NOT NULL,
    deadline         DATE,
    amount_claimed   NUMERIC(19,2),
    registered_mail  BOOLEAN       NOT NULL,
    tracking_number  VARCHAR(40),
    posted_on        DATE,
    acknowledged_on  DATE,
    fingerprint      VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    CONSTRAINT document_content_exists FOREIGN KEY (tenant_id, sha256) REFERENCES document_content (tenant_id, sha256)
);
CREATE INDEX document_debtor ON document (tenant_id, debtor_id, created_at);
CREATE INDEX document_invoice ON document (tenant_id, invoice_id, kind, created_at);

-- A tenant's own version of a bundled template (name + language); absent = the bundled default.
CREATE TABLE document_template (
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    name        VARCHAR(60)  NOT NULL,
    language    VARCHAR(2)   NOT NULL,
    content     VARCHAR      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, name, language)
);

-- Files a tenant configures once: 'logo' (PNG or JPEG), 'terms-of-sale' (PDF).
CREATE TABLE document_asset (
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    name        VARCHAR(40)  NOT NULL,
    media_type  VARCHAR(100) NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, name),
    CONSTRAINT document_asset_content FOREIGN KEY (tenant_id, sha256) REFERENCES document_content (tenant_id, sha256)
);

-- E-invoices read into the ledger: what the file said beyond the ledger's columns.
CREATE TABLE einvoice (
    id              UUID PRIMARY KEY,
    tenant_id       UUID          NOT NULL REFERENCES tenant (id),
    invoice_id      UUID,
    credit_note_id  UUID,
    debtor_id       UUID          NOT NULL,
    document_id     UUID          NOT NULL REFERENCES document (id),
    syntax          VARCHAR(20)   NOT NULL,
    profile         VARCHAR(200),
    number          VARCHAR(64)   NOT NULL,
    seller_name     VARCHAR(200),
    seller_vat      VARCHAR(20),
    iban            VARCHAR(34),
    payment_means   VARCHAR(10),
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by     VARCHAR(200)  NOT NULL,
    CONSTRAINT einvoice_number_per_tenant UNIQUE (tenant_id, number)
);
CREATE INDEX einvoice_invoice ON einvoice (tenant_id, invoice_id);
