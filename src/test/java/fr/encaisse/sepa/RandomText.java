package fr.encaisse.sepa;

import java.util.Random;

/** Reproducible random strings for the tests that check a rule over many inputs. */
public final class RandomText {

    /** Code-point ranges customers' text is drawn from: ASCII, Latin-1, Latin Extended, Greek, CJK, emoji, marks. */
    private static final int[][] RANGES = {{0x20, 0x7e}, {0x00, 0x1f}, {0xa0, 0xff}, {0x100, 0x24f}, {0x300, 0x36f},
            {0x370, 0x3ff}, {0x2000, 0x206f}, {0x20a0, 0x20bf}, {0x4e00, 0x4fff}, {0xfb00, 0xfb06}, {0x1f600, 0x1f64f}};

    private RandomText() {
    }

    /** {@code length} characters drawn from {@code alphabet}. */
    public static String from(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Up to {@code maxLength} code points of mixed scripts, controls, marks and emoji. */
    public static String any(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = RANGES[random.nextInt(RANGES.length)];
            s.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return s.toString();
    }
}
