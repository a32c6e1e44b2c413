package fr.encaisse.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.encaisse.documents.internal.TemplateEngine.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    static String render(String template, Map<String, ?> model) {
        return TemplateEngine.render("t", template, model, name -> name.equals("greeting") ? "Bonjour {{name}}" : null);
    }

    @Test
    void every_value_is_printed_as_text_never_as_markup() {
        assertThat(render("<p>{{name}}</p>", Map.of("name", "<script>alert('x')</script> & \"Fils\"")))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Fils&quot;</p>");
    }

    @Test
    void characters_xml_cannot_carry_are_dropped_so_no_value_breaks_the_document() {
        assertThat(render("{{name}}", Map.of("name", "A\u0000B\u0007C\uD800D\t\u00E9"))).isEqualTo("ABCD\t\u00E9");
        assertThat(render("{{name}}", Map.of("name", "\uD83D\uDE00"))).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void sections_repeat_lists_show_present_values_and_inverted_sections_show_absent_ones() {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("items", List.of(Map.of("n", "1"), Map.of("n", "2")));
        model.put("flag", true);
        model.put("none", null);
        model.put("lines", List.of("a", "b"));
        model.put("debtor", Map.of("name", "X"));
        assertThat(render("{{#items}}[{{n}}]{{/items}}{{#flag}}yes{{/flag}}{{^none}}empty{{/none}}{{#lines}}{{.}};{{/lines}}"
                + "{{#debtor}}{{name}}{{/debtor}}{{debtor.name}}", model)).isEqualTo("[1][2]yesemptya;b;XX");
    }

    @Test
    void a_name_the_model_does_not_know_is_an_error_naming_its_line() {
        assertThatThrownBy(() -> render("line 1\n{{debtor.nmae}}", Map.of("debtor", Map.of("name", "X"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("line 2").hasMessageContaining("unknown field 'debtor.nmae'");
    }

    @Test
    void unescaped_output_unclosed_sections_and_unknown_partials_are_refused() {
        assertThatThrownBy(() -> render("{{{name}}}", Map.of("name", "x"))).hasMessageContaining("unescaped");
        assertThatThrownBy(() -> render("{{&name}}", Map.of("name", "x"))).hasMessageContaining("unescaped");
        assertThatThrownBy(() -> render("{{#a}}x", Map.of("a", true))).hasMessageContaining("never closed");
        assertThatThrownBy(() -> render("{{/a}}", Map.of())).hasMessageContaining("closes nothing");
        assertThatThrownBy(() -> render("{{> nope}}", Map.of())).hasMessageContaining("no template named 'nope'");
        assertThatThrownBy(() -> render("{{T(java.lang.Runtime).getRuntime()}}", Map.of())).hasMessageContaining("not a field name");
    }

    @Test
    void partials_render_with_the_same_data_and_cannot_include_themselves() {
        assertThat(render("{{> greeting}} !", Map.of("name", "Paul"))).isEqualTo("Bonjour Paul !");
        assertThatThrownBy(() -> TemplateEngine.render("loop", "{{> loop}}", Map.of(), name -> "{{> loop}}"))
                .hasMessageContaining("includes itself");
    }
}
