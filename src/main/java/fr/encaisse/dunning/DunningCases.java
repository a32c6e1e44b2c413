package fr.encaisse.dunning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Contacts made, the state of an invoice, and the review queue of drafted contacts (current tenant). */
public interface DunningCases {

    /** Contacts in date order; every argument optional. */
    List<Contact> contacts(UUID debtorId, LocalDate from, LocalDate to, Contact.Status status);

    Contact contact(UUID id);

    InvoiceDunning invoice(UUID invoiceId, LocalDate asOf);

    /** Drafted contacts awaiting review, oldest first. */
    List<Contact> reviewQueue();

    /** How many drafted contacts await review (the queue lists the oldest 1,000 only). */
    int reviewQueueSize();

    /**
     * Releases drafted contacts to the outbox, dated {@code sendOn} (null: the later of the contact's
     * date and today; a formal notice's deadline counts from it). Contacts not in DRAFT are refused.
     */
    List<Contact> approve(Collection<UUID> contactIds, LocalDate sendOn);

    /** Drops drafted contacts: nothing is sent, the invoices go on to their next steps. */
    List<Contact> skip(Collection<UUID> contactIds);
}
