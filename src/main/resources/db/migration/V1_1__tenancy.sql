-- tenancy: creditor companies (tenants), their users and API keys.
CREATE TABLE tenant (
    id                UUID PRIMARY KEY,
    slug              VARCHAR(64)  NOT NULL UNIQUE,
    name              VARCHAR(200) NOT NULL,
    siren             VARCHAR(9),
    vat_number        VARCHAR(20),
    address_line1     VARCHAR(200),
    address_line2     VARCHAR(200),
    postal_code       VARCHAR(20),
    city              VARCHAR(100),
    country           VARCHAR(2)   NOT NULL DEFAULT 'FR',
    iban              VARCHAR(34),
    bic               VARCHAR(11),
    sepa_creditor_id  VARCHAR(35),
    letterhead        VARCHAR(2000),
    time_zone         VARCHAR(64)  NOT NULL DEFAULT 'Europe/Paris',
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE app_user (
    id             UUID PRIMARY KEY,
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    username       VARCHAR(200) NOT NULL UNIQUE,
    password_hash  VARCHAR(200) NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX app_user_tenant ON app_user (tenant_id);

-- API keys are stored as a SHA-256 of the whole key; the prefix finds the row.
CREATE TABLE api_key (
    id          UUID PRIMARY KEY,
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    name        VARCHAR(100) NOT NULL,
    prefix      VARCHAR(16)  NOT NULL UNIQUE,
    key_hash    VARCHAR(64)  NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_key_tenant ON api_key (tenant_id);
