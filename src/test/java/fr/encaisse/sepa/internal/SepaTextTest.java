package fr.encaisse.sepa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SepaTextTest {

    @Test
    void accented_letters_lose_their_accents() {
        assertThat(SepaText.latin("Élodie Müller, Crêperie à Noël", 70)).isEqualTo("Elodie Muller, Creperie a Noel");
    }

    @Test
    void letters_without_decomposition_are_spelt_out() {
        assertThat(SepaText.latin("Straße Œuvre Ærø Łódź", 70)).isEqualTo("Strasse OEuvre AEro Lodz");
    }

    @Test
    void punctuation_is_mapped_to_its_nearest_sepa_character() {
        assertThat(SepaText.latin("Dupont & Fils — L’Atelier « Nord »_2", 70))
                .isEqualTo("Dupont + Fils - L'Atelier ' Nord '-2");
    }

    @Test
    void the_french_numero_sign_reads_as_no() {
        assertThat(SepaText.latin("Facture n° 2025-001", 70)).isEqualTo("Facture no 2025-001");
    }

    @Test
    void characters_without_latin_equivalent_become_spaces_then_collapse() {
        assertThat(SepaText.latin("  Facture\t№ 12 \n 日本 ok  ", 70)).isEqualTo("Facture No 12 ok");
    }

    @Test
    void text_is_cut_to_the_maximum_length_without_trailing_space() {
        assertThat(SepaText.latin("abc def", 4)).isEqualTo("abc");
        assertThat(SepaText.latin("ß".repeat(100), 140)).hasSize(140);
    }

    @Test
    void any_text_comes_out_in_the_sepa_set_and_within_length() {
        Random random = new Random(140);
        for (int n = 0; n < 20_000; n++) {
            String text = fr.encaisse.sepa.RandomText.any(random, 200);
            int max = 1 + random.nextInt(140);
            String latin = SepaText.latin(text, max);
            assertThat(latin.length()).isLessThanOrEqualTo(max);
            assertThat(SepaText.isSepaText(latin)).as(latin).isTrue();
            assertThat(latin).doesNotStartWith(" ").doesNotEndWith(" ");
        }
    }
}
