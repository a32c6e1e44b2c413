-- penalties: each tenant's terms of sale (scope 'TENANT', or a debtor id for an override),
-- and the rate table in force, replaceable at run time without a release.
CREATE TABLE terms_of_sale (
    tenant_id                 UUID        NOT NULL REFERENCES tenant (id),
    scope                     VARCHAR(36) NOT NULL,
    contract_rate             NUMERIC(7,4),
    agreed_term               VARCHAR(40) NOT NULL,
    allocation                VARCHAR(20) NOT NULL,
    day_count                 VARCHAR(10) NOT NULL,
    creditor_kind             VARCHAR(20) NOT NULL,
    last_known_rates_allowed  BOOLEAN     NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, scope)
);

CREATE TABLE law_rate_table (
    version     BIGINT       PRIMARY KEY,
    content     VARCHAR      NOT NULL,
    loaded_by   VARCHAR(200) NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
