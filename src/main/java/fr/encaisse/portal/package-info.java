/**
 * Debtor portal: signed-in by nothing but an unguessable per-debtor link, a debtor sees its open
 * invoices, the penalties due as of today and its Factur-X invoices, and promises to pay or disputes
 * an invoice through the recovery module (so dunning pauses exactly as when a credit manager records
 * it). Implements communication's {@link fr.encaisse.communication.PortalLinkProvider}, so every
 * message carries a working link.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package fr.encaisse.portal;
