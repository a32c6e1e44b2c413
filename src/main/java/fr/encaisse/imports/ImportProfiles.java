package fr.encaisse.imports;

import java.util.List;
import java.util.Optional;

/** The current tenant's saved CSV profiles, by name. */
public interface ImportProfiles {

    List<ImportProfile> list();

    Optional<ImportProfile> find(String name);

    /** Creates the profile, or replaces the one of the same name. */
    ImportProfile save(ImportProfile profile);

    void delete(String name);
}
