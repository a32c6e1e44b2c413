package fr.encaisse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.encaisse.shared.FieldProblem;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FecReaderTest {

    static final String HEADER = String.join("\t", FecReader.FIELDS);
    final List<FieldProblem> problems = new ArrayList<>();

    List<FecLine> read(byte[] bytes) {
        FecReader reader = new FecReader(new ByteArrayInputStream(bytes), problems::add);
        List<FecLine> lines = new ArrayList<>();
        if (reader.readHeader()) {
            for (FecLine l = reader.next(); l != null; l = reader.next()) {
                lines.add(l);
            }
        }
        return lines;
    }

    static String line(String... f) {
        return String.join("\t", f);
    }

    @Test
    void reads_the_standard_layout_with_comma_decimals_and_basic_dates() {
        String text = HEADER + "\r\n" + line("VT", "Ventes", "12", "20260131", "411000", "Clients", "C1", "Café du Port", "F1",
                "20260130", "Facture", "1200,50", "0,00", "AB", "20260215", "20260131", "", "") + "\r\n";
        List<FecLine> lines = read(text.getBytes(FecReader.ISO_8859_15));
        assertThat(problems).isEmpty();
        FecLine l = lines.get(0);
        assertThat(l.line()).isEqualTo(2);
        assertThat(l.ecritureDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(l.pieceDate()).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(l.compAuxLib()).isEqualTo("Café du Port");
        assertThat(l.net()).isEqualByComparingTo("1200.50");
        assertThat(l.ecritureLet()).isEqualTo("AB");
        assertThat(l.dateLet()).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void reads_the_montant_sens_variant_with_pipes_and_columns_in_any_case() {
        String header = HEADER.replace("Debit\tCredit", "Montant\tSens").toUpperCase().replace('\t', '|');
        String text = header + "\n" + String.join("|", "BQ", "Banque", "3", "20260205", "411000", "Clients", "C1", "X", "R",
                "20260205", "Reglement", "-12.5", "C", "", "", "20260205", "", "") + "\n"
                + String.join("|", "BQ", "Banque", "3", "20260205", "512000", "Banque", "", "", "R", "20260205", "Reglement",
                "12,50", "+1", "", "", "20260205", "", "");
        List<FecLine> lines = read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(problems).isEmpty();
        // The sign comes first and counts: a negative credit is a debit.
        assertThat(lines).extracting(FecLine::net).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12.50"), new BigDecimal("12.50"));
    }

    @Test
    void names_line_and_column_of_each_bad_value_and_keeps_reading() {
        String text = HEADER + "\n"
                + line("VT", "Ventes", "1", "20260230", "411000", "", "", "", "", "2026-13-01", "", "1O0,00", "0", "", "", "", "", "") + "\n"
                + line("", "Ventes", "2", "20260201", "", "", "", "", "", "", "", "10,001", "0", "", "", "", "abc", "") + "\n"
                + line("VT", "Ventes", "3", "01/02/2026", "706000", "", "", "", "", "", "", "0", "10", "", "", "", "", "") + "\n";
        List<FecLine> lines = read(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(problems).extracting(p -> p.line() + ":" + p.field()).containsExactlyInAnyOrder(
                "2:EcritureDate", "2:PieceDate", "2:Debit", "3:JournalCode", "3:CompteNum", "3:Debit", "3:Montantdevise");
        // dd/MM/yyyy is tolerated.
        assertThat(lines).extracting(FecLine::ecritureDate).containsExactly(LocalDate.of(2026, 2, 1));
    }

    @Test
    void a_utf8_file_with_a_bom_is_read_as_utf8_and_a_latin9_line_in_it_is_reported() {
        byte[] head = ("\uFEFF" + HEADER + "\n" + line("VT", "Ventes", "1", "20260201", "411000", "Clients", "C1", "Hôtel", "F1", "",
                "", "10,00", "0,00", "", "", "", "", "") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = (line("VT", "Ventes", "1", "20260201", "706000", "Prestations", "", "", "F1", "", "Hébergement", "0,00",
                "10,00", "", "", "", "", "") + "\n").getBytes(Charset.forName("ISO-8859-15"));
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        List<FecLine> lines = read(all);
        assertThat(lines).extracting(FecLine::compAuxLib).containsExactly("Hôtel");
        assertThat(problems).extracting(p -> p.line() + ":" + p.field() + ":" + p.message())
                .containsExactly("3:EcritureLib:is not UTF-8, while line 1 was: the file mixes encodings");
    }

    @Test
    void a_header_missing_fields_names_each_one() {
        read("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(problems).hasSize(13).first().extracting(FieldProblem::line, FieldProblem::field)
                .containsExactly(1, "CompteLib");
        assertThat(problems.get(0).message()).isEqualTo("column 6 of a FEC is CompteLib, and the header has only 5 columns");
    }

    @Test
    void an_empty_file_is_reported() {
        read(new byte[0]);
        assertThat(problems).extracting(FieldProblem::message)
                .containsExactly("the file is empty: a FEC starts with a line naming its 18 fields");
    }

    @Test
    void amounts_as_the_books_write_them() {
        assertThat(FecReader.parseAmount("1234,56")).isEqualByComparingTo("1234.56");
        assertThat(FecReader.parseAmount("-0,5")).isEqualByComparingTo("-0.5");
        assertThat(FecReader.parseAmount("+12")).isEqualByComparingTo("12");
        assertThat(FecReader.parseAmount("1 234,56")).isEqualByComparingTo("1234.56");
        assertThat(FecReader.parseAmount("12,")).isNull();
        assertThat(FecReader.parseAmount("1,2,3")).isNull();
        assertThat(FecReader.parseDate("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(FecReader.parseDate("20250229")).isNull();
    }
}
