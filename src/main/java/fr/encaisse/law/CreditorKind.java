package fr.encaisse.law;

/**
 * Which legal interest rate applies to the creditor (Code monétaire et financier L313-2): one
 * rate for "créances des personnes physiques n'agissant pas pour des besoins professionnels",
 * another for "tous les autres cas". Encaisse tenants are companies, so {@link #COMPANY} is the
 * default; the distinction matters for consumer debts (moratory interest at the legal rate).
 */
public enum CreditorKind {
    /** Any creditor acting for professional needs: the "autres cas" legal rate. */
    COMPANY,
    /** A private person not acting for professional needs: the higher "particuliers" legal rate. */
    PRIVATE_PERSON
}
