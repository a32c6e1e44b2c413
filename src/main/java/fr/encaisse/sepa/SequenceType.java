package fr.encaisse.sepa;

/**
 * The sequence type of a collection ({@code PmtTpInf/SeqTp}). Chosen by
 * {@link SequenceTypePolicy} from a mandate's history.
 */
public enum SequenceType {
    /** First collection of a recurrent mandate (optional since the 2016 rulebook, see policy). */
    FRST,
    /** Subsequent collection of a recurrent mandate. */
    RCUR,
    /** Last collection of a recurrent mandate; the mandate cannot be used afterwards. */
    FNAL,
    /** The single collection of a one-off mandate. */
    OOFF
}
