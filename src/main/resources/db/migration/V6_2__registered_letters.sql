-- documents: LRAR records of the registered letters the dunning run sent through the outbox. The letter
-- (exact PDF, hashed in the journal) stays in communication's outbox_message; this row is keyed by its id
-- and holds what La Poste's receipt and returned card say. No foreign key: another module's table.
CREATE TABLE registered_letter (
    tenant_id        UUID         NOT NULL REFERENCES tenant (id),
    message_id       UUID         NOT NULL,
    debtor_id        UUID         NOT NULL,
    tracking_number  VARCHAR(40)  NOT NULL,
    posted_on        DATE         NOT NULL,
    acknowledged_on  DATE,
    outcome          VARCHAR(20),
    posted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id, message_id),
    CONSTRAINT registered_letter_outcome CHECK (outcome IN ('DELIVERED', 'REFUSED', 'NOT_CLAIMED', 'RETURNED')),
    CONSTRAINT registered_letter_acknowledged CHECK ((acknowledged_on IS NULL) = (outcome IS NULL))
);
CREATE INDEX registered_letter_debtor ON registered_letter (tenant_id, debtor_id);
