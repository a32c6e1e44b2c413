package fr.encaisse.communication;

/**
 * A tenant's outgoing mail. With no {@code host}, the application's {@code spring.mail.*} server is
 * used. {@code password} is write-only: reads return null and {@code passwordSet}; an update with a
 * null password keeps the stored one, an empty one clears it. Stored encrypted (AES-GCM).
 */
public record MailSettings(String host, Integer port, MailSecurity security, String username, String password,
                           String fromAddress, String fromName, String replyTo, String defaultCallOwner,
                           boolean passwordSet) {
}
