package fr.encaisse.tenancy;

/** What a user or API key may do within its tenant. */
public enum Role {
    /** Everything, including users, keys and settings. */
    ADMIN,
    /** Works the receivables: records, imports, chases. */
    CREDIT_MANAGER,
    /** Reads only. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
