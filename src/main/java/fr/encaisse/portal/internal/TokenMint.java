package fr.encaisse.portal.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tokens and their hashes. A token is HMAC-SHA256(secret, seed) of a 256-bit random seed, in
 * base64url: unguessable, and re-derivable by the server from the stored seed, so one link can be
 * handed out again in every message while it is valid without keeping the token (or anything that
 * reveals it without the secret) in the database.
 */
@Component
class TokenMint {

    private static final Logger log = LoggerFactory.getLogger(TokenMint.class);
    private static final String DEV_SECRET = "encaisse-portal-development-secret-change-me";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TokenMint(@Value("${encaisse.portal.secret:}") String secret) {
        if (secret.isBlank()) {
            log.warn("encaisse.portal.secret is not set: portal links are derived with a development key");
            secret = DEV_SECRET;
        }
        key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    String token(String seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(HexFormat.of().parseHex(seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
