package fr.encaisse.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code enc_<prefix>_<secret>}. The prefix finds the row; only a SHA-256 of
 * the whole key is stored. A plain hash (not bcrypt) is right here: keys are 190+ random bits,
 * so there is nothing to brute-force, and every API call must verify one quickly.
 */
final class ApiKeyFormat {

    private static final Pattern FORMAT = Pattern.compile("enc_([A-Za-z0-9]{8})_[A-Za-z0-9_-]{16,}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    static String generate() {
        String prefix = randomAlnum(8);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return "enc_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static Optional<String> prefixOf(String rawKey) {
        Matcher m = FORMAT.matcher(rawKey == null ? "" : rawKey);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String hash(String rawKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String rawKey, String storedHash) {
        return MessageDigest.isEqual(hash(rawKey).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomAlnum(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
