package fr.encaisse.sepa;

/** The ISO 20022 version of the direct debit initiation message to write. */
public enum PainVersion {
    /** {@code pain.008.001.02}, the 2009 version, still asked for by some banks. */
    V02("pain.008.001.02"),
    /** {@code pain.008.001.08}, the 2019 version used by the EPC rulebooks since November 2023. */
    V08("pain.008.001.08");

    private final String messageName;

    PainVersion(String messageName) {
        this.messageName = messageName;
    }

    /** E.g. {@code pain.008.001.08}. */
    public String messageName() {
        return messageName;
    }

    /** The XML namespace of the {@code Document} element. */
    public String namespace() {
        return "urn:iso:std:iso:20022:tech:xsd:" + messageName;
    }
}
