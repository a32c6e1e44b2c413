package fr.encaisse.communication;

/** The current tenant's mail settings. */
public interface TenantMail {

    MailSettings settings();

    MailSettings update(MailSettings settings);
}
