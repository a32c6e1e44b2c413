package fr.encaisse.documents;

/**
 * What La Poste's returned acknowledgement card says happened to a registered letter. Courts treat
 * them differently: a letter refused or not claimed ("pli avisé non réclamé") was presented to the
 * debtor, one returned (unknown at the address) was not.
 */
public enum DeliveryOutcome {
    /** The debtor signed the acknowledgement of receipt; the date is the signature's. */
    DELIVERED,
    /** The debtor refused the letter when presented; the date is the refusal's. */
    REFUSED,
    /** Left a notice, never collected ("pli avisé non réclamé"); the date is the first presentation's. */
    NOT_CLAIMED,
    /** Returned to the sender without presentation (address unknown, moved); the date is the return's. */
    RETURNED
}
