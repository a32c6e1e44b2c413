package fr.encaisse.communication;

/**
 * Port: lays a {@link Letter} out as a PDF. The built-in renderer (HTML through openhtmltopdf, the
 * Liberation Sans font embedded) is a plain letter; the documents module replaces it by declaring
 * its own bean annotated {@code @Primary}.
 */
public interface LetterRenderer {

    /** The PDF bytes; fonts embedded, so the letter prints the same anywhere. */
    byte[] render(Letter letter);
}
