package fr.encaisse.sepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.encaisse.sepa.PaymentStatusReport.PaymentInformationStatus;
import fr.encaisse.sepa.PaymentStatusReport.TransactionStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class Pain002ReaderTest {

    private final Pain002Reader reader = new Pain002Reader();

    private PaymentStatusReport read(String resource) throws Exception {
        try (InputStream in = Pain002ReaderTest.class.getResourceAsStream(resource)) {
            return reader.read(in);
        }
    }

    private PaymentStatusReport read(byte[] xml) {
        return reader.read(new ByteArrayInputStream(xml));
    }

    @Test
    void a_partial_report_gives_each_level_its_status_and_reasons_v03() throws Exception {
        PaymentStatusReport r = read("pain002-v03-partial.xml");
        assertThat(r.messageName()).isEqualTo("pain.002.001.03");
        assertThat(r.messageId()).isEqualTo("BNP-STS-0001");
        assertThat(r.creationTime()).isEqualTo(OffsetDateTime.parse("2025-05-21T08:15:00Z"));
        assertThat(r.originalMessageId()).isEqualTo("ENC-SDD-20250519-000001");
        assertThat(r.originalMessageName()).isEqualTo("pain.008.001.02");
        assertThat(r.groupStatus()).isEqualTo("PART");
        assertThat(r.groupRejected()).isFalse();
        assertThat(r.paymentInformations()).hasSize(2);

        PaymentInformationStatus first = r.paymentInformations().get(0);
        assertThat(first.originalPaymentInformationId()).isEqualTo("ENC-SDD-20250519-000001-1");
        assertThat(first.transactions()).extracting(TransactionStatus::originalEndToEndId)
                .containsExactly("ENC-F-2025-001-1", "ENC-F-2025-002-2", "ENC-F-2025-003-3");
        TransactionStatus am04 = first.transactions().get(0);
        assertThat(am04.status()).isEqualTo("RJCT");
        assertThat(am04.reasonCode()).isEqualTo("AM04");
        assertThat(am04.reasons().get(0).additionalInformation()).containsExactly("Provision insuffisante");
        assertThat(am04.charges()).isEqualByComparingTo("7.50");
        assertThat(am04.chargesCurrency()).isEqualTo("EUR");
        assertThat(am04.originalAmount()).isEqualByComparingTo("100.00");
        assertThat(am04.requestedCollectionDate()).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(am04.mandateId()).isEqualTo("ENC-A-000001");
        assertThat(am04.statusId()).isEqualTo("R1");
        assertThat(am04.originalInstructionId()).isEqualTo("I-1");
        assertThat(am04.line()).isGreaterThan(10);

        TransactionStatus md01 = first.transactions().get(1);
        assertThat(md01.reasons()).hasSize(2);
        assertThat(md01.reasonCode()).as("the ISO code wins over the proprietary one").isEqualTo("MD01");
        assertThat(md01.charges()).isNull();
        assertThat(first.transactions().get(2).status()).isEqualTo("ACCP");

        PaymentInformationStatus second = r.paymentInformations().get(1);
        assertThat(second.status()).isEqualTo("RJCT");
        assertThat(second.reasons()).extracting(PaymentStatusReport.StatusReason::code).containsExactly("FF01");
        assertThat(second.transactions()).isEmpty();
    }

    @Test
    void a_whole_file_rejected_v10() throws Exception {
        PaymentStatusReport r = read("pain002-v10-group-rejected.xml");
        assertThat(r.messageName()).isEqualTo("pain.002.001.10");
        assertThat(r.groupRejected()).isTrue();
        assertThat(r.groupReasons()).extracting(PaymentStatusReport.StatusReason::code).containsExactly("BE05");
        assertThat(r.groupReasons().get(0).additionalInformation()).containsExactly("Unknown creditor identifier");
        assertThat(r.paymentInformations()).isEmpty();
        assertThat(r.creationTime()).isEqualTo(OffsetDateTime.parse("2025-05-20T17:00:00+02:00"));
    }

    @Test
    void other_messages_and_versions_are_refused_by_name() {
        byte[] pain008 = """
                <?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.08"><CstmrDrctDbtInitn/></Document>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(pain008)).isInstanceOf(StatusReportFormatException.class)
                .hasMessageContaining("unsupported message 'pain.008.001.08'")
                .hasMessageContaining("pain.002.001.03, pain.002.001.10");
        byte[] v12 = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.12\"/>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(v12)).hasMessageContaining("unsupported message 'pain.002.001.12'");
        assertThatThrownBy(() -> read("<html/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not an ISO 20022 document");
    }

    @Test
    void broken_xml_names_its_line_and_missing_references_are_refused() {
        byte[] broken = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>X</MsgId></GrpHdr>
                  </CstmrPmtSts>
                </Document>""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(broken)).isInstanceOfSatisfying(StatusReportFormatException.class,
                e -> assertThat(e.line()).isEqualTo(4));
        byte[] noOriginal = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>X</MsgId><CreDtTm>2025-01-01T00:00:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><GrpSts>ACCP</GrpSts></OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(noOriginal)).hasMessageContaining("OrgnlMsgId is missing");
        byte[] noE2e = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>X</MsgId><CreDtTm>2025-01-01T00:00:00</CreDtTm></GrpHdr>
                <OrgnlGrpInfAndSts><OrgnlMsgId>M</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>M-1</OrgnlPmtInfId>
                <TxInfAndSts><TxSts>RJCT</TxSts></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(noE2e)).hasMessageContaining("line 5").hasMessageContaining("OrgnlEndToEndId");
    }

    @Test
    void a_doctype_is_not_followed() {
        byte[] xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>&x;</MsgId></GrpHdr></CstmrPmtStsRpt></Document>""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(StatusReportFormatException.class);
    }
}
