package fr.encaisse.banking.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine over a generated ledger and statement with realistic noise (see
 * {@link ReconciliationDataSet}): it must match nearly every matchable credit by itself and never
 * allocate one wrongly; where in doubt, it suggests.
 */
class MatchingAccuracyTest {

    @Test
    @DisplayName("on 6,000 noisy credits: at least 99 % of the matchable ones matched automatically and correctly, none wrong")
    void accuracyOnAGeneratedStatement() {
        for (long seed : new long[] {7, 2024}) {
            ReconciliationDataSet set = ReconciliationDataSet.generate(seed, 2_000, 20_000, 3_000);
            AccuracyRun run = AccuracyRun.run(set, new MatchingEngine(set.book(), MatchingEngine.DEFAULT_THRESHOLD));
            System.out.println("seed " + seed + "\n" + run.table());
            assertThat(run.wrong).as("wrong automatic matches, seed %d", seed).isEmpty();
            assertThat(run.matchableCorrectShare()).as("share of matchable credits matched automatically, seed %d:%n%s%s",
                    seed, run.table(), String.join("\n", run.missed.subList(0, Math.min(20, run.missed.size()))))
                    .isGreaterThanOrEqualTo(0.99);
        }
    }
}
