package fr.encaisse.documents;

/** Files a tenant configures once for its documents. */
public enum DocumentAsset {
    /** PNG or JPEG printed in the letterhead. */
    LOGO("logo"),
    /** The general terms of sale (PDF), joined to the recovery dossier. */
    TERMS_OF_SALE("terms-of-sale");

    private final String key;

    DocumentAsset(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
