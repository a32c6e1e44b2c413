package fr.encaisse.sepa;

/** The mandate form as a PDF to sign. */
public record MandateDocument(String fileName, String language, byte[] content) {
}
