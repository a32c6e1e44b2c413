package fr.encaisse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void amounts_in_french_and_english_notation() {
        assertThat(Values.amount("1 234,56")).contains(new BigDecimal("1234.56"));
        assertThat(Values.amount("1\u00A0234,56 €")).contains(new BigDecimal("1234.56"));
        assertThat(Values.amount("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(Values.amount("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(Values.amount("-12,5")).contains(new BigDecimal("-12.5"));
        assertThat(Values.amount("12,3,4")).isEmpty();
        assertThat(Values.amount("douze")).isEmpty();
        assertThat(Values.amount("")).isEmpty();
    }

    @Test
    void dates_french_or_iso_and_never_lenient() {
        assertThat(Values.date("31/01/2026")).contains(LocalDate.of(2026, 1, 31));
        assertThat(Values.date("2026-01-31")).contains(LocalDate.of(2026, 1, 31));
        assertThat(Values.date("31/02/2026")).isEmpty();
        assertThat(Values.date("01/13/2026")).isEmpty();
    }

    @Test
    void encoding_and_separator_are_detected() {
        CsvTable utf8 = CsvTable.parse("\uFEFFréf;nom\nA;Élan\n".getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.encoding).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8.header).containsExactly("ref", "nom");
        CsvTable ansi = CsvTable.parse("ref,nom\nA,Élan\n".getBytes(Charset.forName("windows-1252")));
        assertThat(ansi.encoding.name()).isEqualTo("windows-1252");
        assertThat(ansi.separator).isEqualTo(',');
        assertThat(ansi.rows.get(0).values().get("nom")).isEqualTo("Élan");
        assertThat(ansi.rows.get(0).line()).isEqualTo(2);
    }
}
