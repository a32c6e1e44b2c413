package fr.encaisse.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-entry camt.053, generated while it is read, goes through the parser entry by entry:
 * each entry reaches the consumer while the input is only a few entries ahead, so memory does
 * not grow with the file (no DOM, no list of entries). No timing is asserted.
 */
class StreamingTest {

    private static final int ENTRIES = 100_000;

    /** Input read ahead of the consumer is bounded by parser buffers (a few kilobytes). */
    private static final int MAX_LEAD = 1_000;

    @Test
    @DisplayName("a 100,000-entry camt.053 streams to the consumer with bounded read-ahead")
    void hundredThousandEntriesStream() throws Exception {
        GeneratedCamt053 input = new GeneratedCamt053(ENTRIES);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger maxLead = new AtomicInteger();
        AtomicReference<BigDecimal> total = new AtomicReference<>(BigDecimal.ZERO);
        AtomicReference<StatementEntry> last = new AtomicReference<>();

        List<StatementHeader> headers = StatementParser.create().forEachEntry(input, entry -> {
            int n = received.incrementAndGet();
            assertThat(entry.position()).isEqualTo(n);
            maxLead.accumulateAndGet(input.entriesProduced() - n, Math::max);
            total.accumulateAndGet(entry.signedAmount(), BigDecimal::add);
            last.set(entry);
        });

        assertThat(received).hasValue(ENTRIES);
        assertThat(maxLead.get()).as("entries generated ahead of the consumer").isLessThan(MAX_LEAD);
        assertThat(headers).hasSize(1);
        StatementHeader header = headers.get(0);
        assertThat(header.statementId()).isEqualTo("STMT-GEN-" + ENTRIES);
        assertThat(header.openingBalance().signedAmount().add(total.get()))
                .isEqualByComparingTo(header.closingBalance().signedAmount());
        StatementEntry lastEntry = last.get();
        assertThat(lastEntry.entryReference()).isEqualTo(Integer.toString(ENTRIES));
        assertThat(lastEntry.accountServicerReference()).isEqualTo("BQ-" + ENTRIES);
        assertThat(lastEntry.details().get(0).remittanceLines()).containsExactly("FACTURE FA-2024-100000");
    }
}
