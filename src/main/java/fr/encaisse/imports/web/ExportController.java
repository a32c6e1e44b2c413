package fr.encaisse.imports.web;

import fr.encaisse.imports.AccountingExport;
import fr.encaisse.imports.ExportFormat;
import fr.encaisse.shared.FieldProblem;
import fr.encaisse.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/exports/accounting?from=yyyy-MM-dd&to=yyyy-MM-dd&format=fec|csv}: journal
 * entries for what Encaisse recorded over the period (payments received, allocations, credit
 * notes applied), streamed as a download.
 */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private final AccountingExport export;

    ExportController(AccountingExport export) {
        this.export = export;
    }

    @GetMapping("/accounting")
    void accounting(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(defaultValue = "fec") String format, HttpServletResponse response) throws IOException {
        ExportFormat f = switch (format.toLowerCase()) {
            case "fec" -> ExportFormat.FEC;
            case "csv" -> ExportFormat.CSV;
            default -> throw new InvalidInputException(FieldProblem.of("format", format, "must be fec or csv"));
        };
        if (to.isBefore(from)) {
            throw new InvalidInputException(FieldProblem.of("to", to.toString(), "is before from"));
        }
        response.setContentType(f == ExportFormat.FEC ? "text/plain;charset=ISO-8859-15" : "text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"ecritures-encaisse-" + from + "-" + to
                + (f == ExportFormat.FEC ? ".txt" : ".csv") + "\"");
        export.export(from, to, f, response.getOutputStream());
    }
}
