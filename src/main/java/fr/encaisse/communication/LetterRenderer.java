package fr.encaisse.communication;

/**
 * Port: lays a {@link Letter} out as a PDF. Implemented by the documents module: the tenant's
 * {@code dunning-letter} template, letterhead and envelope-window layout, rendered to PDF/A-3b.
 */
public interface LetterRenderer {

    /** The PDF bytes; fonts embedded, so the letter prints the same anywhere. */
    byte[] render(Letter letter);
}
