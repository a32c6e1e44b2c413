package fr.encaisse.sepa;

/** A batch's pain.008 file, as stored. */
public record BatchFile(String fileName, String sha256, byte[] content) {
}
