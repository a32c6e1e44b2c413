package fr.encaisse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvPreviewerTest {

    @Test
    void the_decimal_separator_is_told_by_values_with_cents() {
        assertThat(CsvPreviewer.decimalComma(List.of("1 234,56", "12"))).isTrue();
        assertThat(CsvPreviewer.decimalComma(List.of("1,234.56", "12.5"))).isFalse();
        assertThat(CsvPreviewer.decimalComma(List.of("12", "1000"))).isNull();
        assertThat(CsvPreviewer.decimalComma(List.of("12,5", "12.5"))).isNull();
    }

    @Test
    void the_date_format_is_the_first_usual_one_that_reads_every_date() {
        assertThat(CsvPreviewer.dateFormat(List.of("01/02/2026", "31/12/2026"))).isEqualTo("dd/MM/yyyy");
        assertThat(CsvPreviewer.dateFormat(List.of("01/31/2026", "02/15/2026"))).isEqualTo("MM/dd/yyyy");
        assertThat(CsvPreviewer.dateFormat(List.of("20260131"))).isEqualTo("yyyyMMdd");
        assertThat(CsvPreviewer.dateFormat(List.of("2026-01-31"))).isEqualTo("yyyy-MM-dd");
        assertThat(CsvPreviewer.dateFormat(List.of("31/01/2026", "2026-01-31"))).isNull();
        assertThat(CsvPreviewer.dateFormat(List.of())).isNull();
    }
}
