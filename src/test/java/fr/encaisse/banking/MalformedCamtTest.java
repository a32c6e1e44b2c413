package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Malformed ISO 20022 input throws {@link StatementFormatException} naming the line and the
 * element path; the entries before the fault have been delivered, nothing after it.
 */
class MalformedCamtTest {

    /** A valid camt.053.001.08 with two entries; each test breaks it in one place. */
    static final String VALID = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr>
                  <MsgId>MSG-1</MsgId>
                  <CreDtTm>2024-03-01T20:00:00+01:00</CreDtTm>
                </GrpHdr>
                <Stmt>
                  <Id>STMT-1</Id>
                  <Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
                  <Bal>
                    <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                    <Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-01</Dt></Dt>
                  </Bal>
                  <Ntry>
                    <Amt Ccy="EUR">12.50</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2024-03-01</Dt></BookgDt>
                    <BkTxCd><Prtry><Cd>X1</Cd></Prtry></BkTxCd>
                  </Ntry>
                  <Ntry>
                    <Amt Ccy="EUR">7.50</Amt>
                    <CdtDbtInd>DBIT</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2024-03-02</Dt></BookgDt>
                    <BkTxCd><Prtry><Cd>X2</Cd></Prtry></BkTxCd>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    static final String SECOND_ENTRY = "/Document/BkToCstmrStmt/Stmt[1]/Ntry[2]";

    @Test
    @DisplayName("the template itself is valid: two entries")
    void templateIsValid() {
        assertThat(Collected.parse(VALID).entries).extracting(StatementEntry::proprietaryCode).containsExactly("X1", "X2");
    }

    @Test
    @DisplayName("bad amount: names the line, the element path, and the value")
    void badAmount() {
        String xml = VALID.replace(">7.50<", ">7,50<");
        Collected seen = new Collected();
        StatementFormatException error = fails(xml, seen);

        assertThat(error.line()).isEqualTo(lineOf(xml, "7,50"));
        assertThat(error.column()).isPositive();
        assertThat(error.path()).isEqualTo(SECOND_ENTRY + "/Amt");
        assertThat(error.reason()).contains("bad amount '7,50'");
        assertThat(error.getMessage()).startsWith("line " + lineOf(xml, "7,50") + ", column ");
        assertThat(seen.entries).as("the first entry was delivered before the fault: callers must stage")
                .hasSize(1);
    }

    @Test
    @DisplayName("a negative amount is refused: the sign is CdtDbtInd's job")
    void negativeAmount() {
        StatementFormatException error = fails(VALID.replace(">7.50<", ">-7.50<"));
        assertThat(error.path()).isEqualTo(SECOND_ENTRY + "/Amt");
    }

    @Test
    @DisplayName("bad date")
    void badDate() {
        String xml = VALID.replace("2024-03-02", "2024-02-30");
        StatementFormatException error = fails(xml);
        assertThat(error.line()).isEqualTo(lineOf(xml, "2024-02-30"));
        assertThat(error.path()).isEqualTo(SECOND_ENTRY + "/BookgDt/Dt");
        assertThat(error.reason()).contains("bad date '2024-02-30'");
    }

    @Test
    @DisplayName("bad credit/debit indicator")
    void badCreditDebit() {
        String xml = VALID.replace(">DBIT<", ">DEBIT<");
        StatementFormatException error = fails(xml);
        assertThat(error.line()).isEqualTo(lineOf(xml, "DEBIT"));
        assertThat(error.path()).isEqualTo(SECOND_ENTRY + "/CdtDbtInd");
    }

    @Test
    @DisplayName("missing required element Amt in an entry: located at the entry")
    void missingAmount() {
        String xml = VALID.replace("<Amt Ccy=\"EUR\">7.50</Amt>", "");
        StatementFormatException error = fails(xml);
        assertThat(error.line()).isEqualTo(lineOf(xml, "<Ntry>", 2));
        assertThat(error.path()).isEqualTo(SECOND_ENTRY + "/Amt");
        assertThat(error.reason()).contains("missing required element <Amt>");
    }

    @Test
    @DisplayName("missing currency attribute")
    void missingCurrency() {
        String xml = VALID.replace("<Amt Ccy=\"EUR\">7.50</Amt>", "<Amt>7.50</Amt>");
        StatementFormatException error = fails(xml);
        assertThat(error.line()).isEqualTo(lineOf(xml, "<Amt>7.50"));
        assertThat(error.reason()).contains("Ccy");
    }

    @Test
    @DisplayName("missing message id and missing account are reported at the statement")
    void missingHeaderElements() {
        StatementFormatException noMessageId = fails(VALID.replace("<MsgId>MSG-1</MsgId>", ""));
        assertThat(noMessageId.path()).isEqualTo("/Document/BkToCstmrStmt/GrpHdr/MsgId");
        assertThat(noMessageId.line()).isEqualTo(lineOf(VALID, "<Stmt>"));

        String noAccount = VALID.replace("<Id><IBAN>FR7630006000011234567890189</IBAN></Id>", "");
        StatementFormatException error = fails(noAccount);
        assertThat(error.path()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Acct/Id");
        assertThat(error.reason()).contains("missing account identification");
    }

    @Test
    @DisplayName("not well-formed XML: mismatched end tag")
    void mismatchedTag() {
        String xml = VALID.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtIn>");
        StatementFormatException error = fails(xml);
        assertThat(error.line()).isEqualTo(lineOf(xml, "</CdtDbtIn>"));
        assertThat(error.reason()).startsWith("not well-formed XML");
        assertThat(error.path()).startsWith(SECOND_ENTRY);
    }

    @Test
    @DisplayName("a truncated file fails, it is never read as a shorter statement")
    void truncated() {
        String xml = VALID.substring(0, VALID.indexOf("<Sts><Cd>BOOK</Cd></Sts>", VALID.indexOf("7.50")));
        Collected seen = new Collected();
        StatementFormatException error = fails(xml, seen);
        assertThat(error.reason()).startsWith("not well-formed XML");
        assertThat(seen.ended).isEmpty();
    }

    @Test
    @DisplayName("unknown message: camt.052, pain.008, no namespace, not a Document")
    void unknownMessages() {
        StatementFormatException camt052 = fails(VALID.replace("camt.053.001.08", "camt.052.001.08"));
        assertThat(camt052.line()).isEqualTo(2);
        assertThat(camt052.path()).isEqualTo("/Document");
        assertThat(camt052.reason()).contains("unsupported message 'camt.052.001.08'")
                .contains("supported: camt.053.001.02, camt.053.001.08, camt.054.001.02, camt.054.001.08");

        StatementFormatException camt053v4 = fails(VALID.replace("camt.053.001.08", "camt.053.001.04"));
        assertThat(camt053v4.reason()).contains("unsupported message 'camt.053.001.04'");

        StatementFormatException pain = fails(VALID.replace("camt.053.001.08", "pain.008.001.08"));
        assertThat(pain.reason()).contains("'pain.008.001.08'");

        StatementFormatException none = fails(VALID.replace(" xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"", ""));
        assertThat(none.reason()).contains("no namespace");

        StatementFormatException notDocument = fails("<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:x\"/>");
        assertThat(notDocument.line()).isEqualTo(2);
        assertThat(notDocument.reason()).contains("root element is <Invoice>");
    }

    @Test
    @DisplayName("the message element must match the namespace")
    void wrongMessageElement() {
        String xml = VALID.replace("BkToCstmrStmt>", "BkToCstmrDbtCdtNtfctn>");
        StatementFormatException error = fails(xml);
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.path()).isEqualTo("/Document/BkToCstmrDbtCdtNtfctn");
        assertThat(error.reason()).contains("must contain <BkToCstmrStmt>");
    }

    @Test
    @DisplayName("a parser expecting camt.054 or CFONB refuses a camt.053")
    void expectedFormat() {
        StatementFormatException camt054 = fails(StatementParser.create().expecting(StatementFormat.CAMT054), VALID);
        assertThat(camt054.reason()).contains("expected a CAMT054 file, but this is a camt.053.001.08 message");

        StatementFormatException cfonb = fails(StatementParser.create().expecting(StatementFormat.CFONB120), VALID);
        assertThat(cfonb.reason()).contains("expected a CFONB 120 file, but this is XML");
    }

    @Test
    @DisplayName("DTDs and external entities are refused (no XXE)")
    void externalEntitiesRefused() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>&secret;</MsgId></GrpHdr></BkToCstmrStmt></Document>
                """;
        StatementFormatException error = fails(xml);
        assertThat(error.reason()).startsWith("not well-formed XML");
    }

    @Test
    @DisplayName("neither XML nor CFONB, or empty: refused at line 1")
    void unrecognised() {
        StatementFormatException garbage = fails("Hello, this is not a statement");
        assertThat(garbage.line()).isEqualTo(1);
        assertThat(garbage.reason()).contains("unrecognised statement format");

        StatementFormatException empty = fails("  \n");
        assertThat(empty.reason()).isEqualTo("empty file");
    }

    // ------------------------------------------------------------------ helpers

    static StatementFormatException fails(String xml) {
        return fails(xml, new Collected());
    }

    static StatementFormatException fails(String xml, Collected seen) {
        return catchThrowableOfType(StatementFormatException.class, () -> StatementParser.create()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), seen));
    }

    static StatementFormatException fails(StatementParser parser, String xml) {
        return catchThrowableOfType(StatementFormatException.class,
                () -> parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new Collected()));
    }

    static long lineOf(String text, String marker) {
        return lineOf(text, marker, 1);
    }

    /** The 1-based line of the {@code occurrence}-th line containing {@code marker}. */
    static long lineOf(String text, String marker, int occurrence) {
        String[] lines = text.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }
}
