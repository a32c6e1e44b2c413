package fr.encaisse.documents;

/** A template could not be turned into a PDF: the template (or the data) is at fault, with the line when known. */
public class DocumentRenderingException extends RuntimeException {

    private final Integer line;

    public DocumentRenderingException(String message, Integer line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public Integer line() {
        return line;
    }
}
