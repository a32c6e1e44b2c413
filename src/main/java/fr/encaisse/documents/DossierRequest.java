package fr.encaisse.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The judicial recovery dossier to assemble for a debtor.
 *
 * @param date               date of the dossier and of the amounts; null = today
 * @param costs              procedure costs claimed on top (court fees, documented recovery costs); null = none
 * @param costsDescription   what the costs are, printed beside them
 * @param commissaireDeJustice  name and address of the commissaire de justice (small claims), free text; may be null
 */
public record DossierRequest(UUID debtorId, RecoveryProcedure procedure, LocalDate date, BigDecimal costs,
                             String costsDescription, String commissaireDeJustice) {

    public static DossierRequest of(UUID debtorId, RecoveryProcedure procedure) {
        return new DossierRequest(debtorId, procedure, null, null, null, null);
    }
}
