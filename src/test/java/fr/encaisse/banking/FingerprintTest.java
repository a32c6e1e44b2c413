package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The entry fingerprint: same statement read twice, same fingerprints; distinct lines, distinct ones. */
class FingerprintTest {

    @Test
    @DisplayName("re-reading the same statement gives the same fingerprints, all distinct")
    void stableAndDistinct() {
        List<String> first = fingerprints(Collected.parse(CfonbStatementTest.statement()).entries);
        List<String> again = fingerprints(Collected.parse(CfonbStatementTest.statement()).entries);

        assertThat(again).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{64}"));
    }

    @Test
    @DisplayName("two identical movements in one statement keep distinct fingerprints (position)")
    void identicalMovementsDiffer() {
        List<String> lines = MalformedCfonbTest.lines();
        String opening = lines.get(0);
        String movement = lines.get(13); // +300.01, no 05, no reference
        String closing = MalformedCfonbTest.replaceAt(lines.get(14), 91, "0000000018500B"); // 1250.00 + 2 × 300.01
        List<StatementEntry> entries = Collected.parse(
                MalformedCfonbTest.join(List.of(opening, movement, movement, closing), "\n")).entries;

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).signedAmount()).isEqualTo(entries.get(1).signedAmount());
        assertThat(entries.get(0).fingerprint()).isNotEqualTo(entries.get(1).fingerprint());
    }

    @Test
    @DisplayName("layout and amount notation do not matter; the amount does")
    void layoutDoesNotMatter() {
        String pretty = MalformedCamtTest.VALID;
        String compact = pretty.replaceAll(">\\s+<", "><");
        String trailingZero = pretty.replace(">12.50<", ">12.500<");

        List<String> expected = fingerprints(Collected.parse(pretty).entries);
        assertThat(fingerprints(Collected.parse(compact).entries)).isEqualTo(expected);
        assertThat(fingerprints(Collected.parse(trailingZero).entries)).isEqualTo(expected);
        assertThat(fingerprints(Collected.parse(pretty.replace(">12.50<", ">12.51<")).entries).get(0))
                .isNotEqualTo(expected.get(0));
    }

    @Test
    @DisplayName("the definition in docs/banking.md: SHA-256 over length-prefixed fields")
    void documentedDefinition() throws Exception {
        StatementEntry entry = Collected.parse(MalformedCamtTest.VALID).entries.get(0);

        String canonical = field("encaisse-statement-entry-v1") + field("FR7630006000011234567890189")
                + field("STMT-1") + field("2024-03-01") + field("12.5") + field("EUR") + field("C") + field("")
                + field("") + field("1");
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(entry.fingerprint()).isEqualTo(expected);
    }

    private static String field(String value) {
        return value.length() + ":" + value + ";";
    }

    private static List<String> fingerprints(List<StatementEntry> entries) {
        return entries.stream().map(StatementEntry::fingerprint).toList();
    }
}
