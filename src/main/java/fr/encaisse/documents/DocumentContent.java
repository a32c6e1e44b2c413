package fr.encaisse.documents;

/** The bytes of a document with what a download needs. */
public record DocumentContent(String fileName, String mediaType, String sha256, byte[] bytes) {
}
