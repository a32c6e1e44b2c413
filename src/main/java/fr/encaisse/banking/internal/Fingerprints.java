package fr.encaisse.banking.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

import fr.encaisse.banking.CreditDebit;

/**
 * The stable fingerprint of a statement line: SHA-256 over a versioned, length-prefixed list of
 * fields, so that re-importing the same statement gives the same fingerprints and two identical
 * movements in one statement stay distinct (they differ by position). See docs/banking.md.
 */
final class Fingerprints {

    static final String VERSION = "encaisse-statement-entry-v1";

    private Fingerprints() {
    }

    static String of(String accountId, String statementId, LocalDate bookingDate, BigDecimal amount,
                            String currency, CreditDebit creditDebit, boolean reversal, String reference,
                            int position) {
        StringBuilder canonical = new StringBuilder(160);
        field(canonical, VERSION);
        field(canonical, accountId);
        field(canonical, statementId);
        field(canonical, bookingDate == null ? "" : bookingDate.toString());
        field(canonical, amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString());
        field(canonical, currency);
        field(canonical, creditDebit == CreditDebit.CREDIT ? "C" : "D");
        field(canonical, reversal ? "R" : "");
        field(canonical, reference == null ? "" : reference);
        field(canonical, Integer.toString(position));
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder canonical, String value) {
        canonical.append(value.length()).append(':').append(value).append(';');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
