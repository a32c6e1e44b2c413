package fr.encaisse.communication;

/** How the SMTP connection is protected. */
public enum MailSecurity {
    /** Plain SMTP (local relays, tests). */
    NONE,
    /** Upgrade with STARTTLS, required (usually port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL
}
