package fr.encaisse.imports.internal;

import fr.encaisse.imports.CsvPreview;
import fr.encaisse.imports.FecImportOptions;
import fr.encaisse.imports.FecImportReport;
import fr.encaisse.imports.ImportKind;
import fr.encaisse.imports.ImportProfile;
import fr.encaisse.imports.ImportReport;
import fr.encaisse.imports.Imports;
import fr.encaisse.shared.InvalidInputException;
import java.io.InputStream;
import org.springframework.stereotype.Service;

@Service
class ImportsService implements Imports {

    private final CsvImporter csv;
    private final CsvPreviewer previewer;
    private final FecImporter fec;
    private final ProfileStore profiles;

    ImportsService(CsvImporter csv, CsvPreviewer previewer, FecImporter fec, ProfileStore profiles) {
        this.csv = csv;
        this.previewer = previewer;
        this.fec = fec;
        this.profiles = profiles;
    }

    @Override
    public ImportReport importCsv(ImportKind kind, byte[] content, boolean dryRun) {
        return csv.importCsv(kind, content, dryRun, null);
    }

    @Override
    public ImportReport importCsv(ImportKind kind, byte[] content, boolean dryRun, String profile) {
        ImportProfile p = profile(profile);
        if (p != null && p.kind() != kind) {
            throw InvalidInputException.of("profile", "profile " + p.name() + " reads " + p.kind().name().toLowerCase()
                    + " files, not " + kind.name().toLowerCase());
        }
        return csv.importCsv(kind, content, dryRun, p);
    }

    @Override
    public CsvPreview preview(byte[] content, ImportKind kind, String profile) {
        return previewer.preview(content, kind, profile(profile));
    }

    @Override
    public FecImportReport importFec(InputStream content, FecImportOptions options) {
        return fec.importFec(content, options);
    }

    private ImportProfile profile(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return profiles.find(name).orElseThrow(() -> InvalidInputException.of("profile", "no import profile is named " + name));
    }
}
