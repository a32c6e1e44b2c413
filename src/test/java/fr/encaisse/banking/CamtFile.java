package fr.encaisse.banking;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds a small camt.053.001.08 statement of credits, for the import and reconciliation tests. */
public final class CamtFile {

    private final String statementId;
    private final String account;
    private final List<String> entries = new ArrayList<>();
    private LocalDate day = DAY;

    private CamtFile(String statementId, String account) {
        this.statementId = statementId;
        this.account = account;
    }

    public static CamtFile statement(String statementId) {
        return new CamtFile(statementId, "FR7630006000011234567890189");
    }

    /** The booking and value date of the entries added after this call (default {@link #DAY}). */
    public CamtFile bookedOn(LocalDate day) {
        this.day = day;
        return this;
    }

    /** A credit; null parts are left out. */
    public CamtFile credit(String amount, String endToEndId, String rfReference, String remittance, String payerName,
                           String payerIban) {
        int n = entries.size() + 1;
        StringBuilder tx = new StringBuilder("<TxDtls><Refs><AcctSvcrRef>BQ-").append(statementId).append('-').append(n)
                .append("</AcctSvcrRef>");
        tx.append("<EndToEndId>").append(endToEndId == null ? "NOTPROVIDED" : endToEndId).append("</EndToEndId></Refs>");
        if (payerName != null || payerIban != null) {
            tx.append("<RltdPties>");
            if (payerName != null) {
                tx.append("<Dbtr><Pty><Nm>").append(payerName).append("</Nm></Pty></Dbtr>");
            }
            if (payerIban != null) {
                tx.append("<DbtrAcct><Id><IBAN>").append(payerIban).append("</IBAN></Id></DbtrAcct>");
            }
            tx.append("</RltdPties>");
        }
        if (remittance != null || rfReference != null) {
            tx.append("<RmtInf>");
            if (remittance != null) {
                tx.append("<Ustrd>").append(remittance).append("</Ustrd>");
            }
            if (rfReference != null) {
                tx.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>").append(rfReference)
                        .append("</Ref></CdtrRefInf></Strd>");
            }
            tx.append("</RmtInf>");
        }
        tx.append("</TxDtls>");
        entries.add("""
                <Ntry><NtryRef>%d</NtryRef><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>BQ-%s-%d</AcctSvcrRef>\
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
                <NtryDtls>%s</NtryDtls></Ntry>
                """.formatted(n, amount, day, day, statementId, n, tx));
        return this;
    }

    /** A debit (a bank fee), never matched. */
    public CamtFile debit(String amount) {
        int n = entries.size() + 1;
        entries.add("""
                <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                <BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>BQ-%s-%d</AcctSvcrRef><AddtlNtryInf>FRAIS</AddtlNtryInf></Ntry>
                """.formatted(amount, day, statementId, n));
        return this;
    }

    /**
     * A debit taking back an earlier credit ({@code RvslInd} true), naming it by end-to-end id
     * and/or by the credit's bank reference (in {@code TxDtls/Refs/AcctSvcrRef}); null parts are
     * left out.
     */
    public CamtFile reversal(String amount, String endToEndId, String creditReference, String returnReason) {
        int n = entries.size() + 1;
        String refs = (creditReference == null ? "" : "<AcctSvcrRef>" + creditReference + "</AcctSvcrRef>")
                + "<EndToEndId>" + (endToEndId == null ? "NOTPROVIDED" : endToEndId) + "</EndToEndId>";
        String reason = returnReason == null ? "" : "<RtrInf><Rsn><Cd>" + returnReason + "</Cd></Rsn></RtrInf>";
        entries.add("""
                <Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>\
                <BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>BQ-%s-%d</AcctSvcrRef>\
                <NtryDtls><TxDtls><Refs>%s</Refs>%s</TxDtls></NtryDtls></Ntry>
                """.formatted(amount, day, statementId, n, refs, reason));
        return this;
    }

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    public String xml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                <BkToCstmrStmt>
                <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>2026-03-02T20:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>%1$s</Id><CreDtTm>2026-03-02T20:00:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-03-01</Dt></Dt></Bal>
                %3$s</Stmt></BkToCstmrStmt></Document>
                """.formatted(statementId, account, String.join("", entries));
    }
}
