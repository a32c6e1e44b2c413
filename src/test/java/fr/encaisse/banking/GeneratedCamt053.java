package fr.encaisse.banking;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A camt.053.001.08 statement with {@code n} entries, produced lazily as it is read, so a test can
 * see how far ahead of the parser's output the input has been consumed. Entry {@code i} is a
 * credit of {@code (i mod 1000) + 1.25} EUR for odd {@code i} and a debit of the same for even
 * {@code i}; the balances add up.
 */
final class GeneratedCamt053 extends InputStream {

    static final String IBAN = "FR7630006000011234567890189";
    static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    static final long OPENING_CENTS = 1_000_000_00L;

    private final int entries;
    private int produced;
    private boolean footerDone;
    private byte[] chunk;
    private int position;

    GeneratedCamt053(int entries) {
        this.entries = entries;
        this.chunk = header().getBytes(StandardCharsets.UTF_8);
    }

    /** How many entries have been written into the stream so far. */
    int entriesProduced() {
        return produced;
    }

    static long amountCents(int i) {
        return (i % 1000) * 100L + 125;
    }

    static boolean isCredit(int i) {
        return i % 2 == 1;
    }

    long closingCents() {
        long total = OPENING_CENTS;
        for (int i = 1; i <= entries; i++) {
            total += isCredit(i) ? amountCents(i) : -amountCents(i);
        }
        return total;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, count);
        position += count;
        return count;
    }

    private boolean fill() {
        while (position == chunk.length) {
            if (produced < entries) {
                produced++;
                chunk = entry(produced).getBytes(StandardCharsets.UTF_8);
            } else if (!footerDone) {
                footerDone = true;
                chunk = "</Stmt></BkToCstmrStmt></Document>\n".getBytes(StandardCharsets.UTF_8);
            } else {
                return false;
            }
            position = 0;
        }
        return true;
    }

    private String header() {
        long closing = closingCents();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                <BkToCstmrStmt>
                <GrpHdr><MsgId>GEN-%1$d</MsgId><CreDtTm>2024-03-01T20:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>STMT-GEN-%1$d</Id><CreDtTm>2024-03-01T20:00:00+01:00</CreDtTm>
                <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%4$s</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%5$s</Amt><CdtDbtInd>%6$s</CdtDbtInd><Dt><Dt>%4$s</Dt></Dt></Bal>
                """.formatted(entries, IBAN, euros(OPENING_CENTS), DAY, euros(Math.abs(closing)),
                closing >= 0 ? "CRDT" : "DBIT");
    }

    private static String entry(int i) {
        return """
                <Ntry><NtryRef>%1$d</NtryRef><Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>%3$s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                <BookgDt><Dt>%4$s</Dt></BookgDt><ValDt><Dt>%4$s</Dt></ValDt><AcctSvcrRef>BQ-%1$d</AcctSvcrRef>\
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>%5$s</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
                <NtryDtls><TxDtls><Refs><EndToEndId>E2E-%1$d</EndToEndId></Refs>\
                <RltdPties><Dbtr><Pty><Nm>Client %1$d</Nm></Pty></Dbtr></RltdPties>\
                <RmtInf><Ustrd>FACTURE FA-2024-%1$06d</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """.formatted(i, euros(amountCents(i)), isCredit(i) ? "CRDT" : "DBIT", DAY.plusDays(i % 28),
                isCredit(i) ? "RCDT" : "ICDT");
    }

    private static String euros(long cents) {
        return (cents / 100) + "." + String.format("%02d", cents % 100);
    }
}
