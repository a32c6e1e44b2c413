package fr.encaisse.imports;

/** The current tenant's {@link BooksSettings}. */
public interface AccountingSettings {

    /** The saved settings, or {@link BooksSettings#DEFAULTS}. */
    BooksSettings get();

    BooksSettings save(BooksSettings settings);
}
