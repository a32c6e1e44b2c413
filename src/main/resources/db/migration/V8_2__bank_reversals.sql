-- banking: what a debit line needs to find the credit it reverses or returns, and the look-ups
-- that link a credit of our own direct debit to the payment sepa booked for it.

-- The return reason (camt RtrInf/Rsn, CFONB reject code) and the transaction's own bank reference
-- (camt TxDtls/Refs/AcctSvcrRef or TxId, CFONB REF), which a reversal repeats from the original.
ALTER TABLE bank_statement_line ADD COLUMN return_reason VARCHAR(35);
ALTER TABLE bank_statement_line ADD COLUMN transaction_reference VARCHAR(140);

-- A reversal names the credit by its end-to-end id or its bank reference.
CREATE INDEX bank_line_end_to_end ON bank_statement_line (tenant_id, end_to_end_id);
CREATE INDEX bank_line_bank_reference ON bank_statement_line (tenant_id, bank_reference);

-- The ledger's table: sepa books a direct debit with its end-to-end id as reference, and a
-- matching run looks thousands of them up at once (OpenItems.paymentsByReference).
CREATE INDEX payment_tenant_reference ON payment (tenant_id, reference);
