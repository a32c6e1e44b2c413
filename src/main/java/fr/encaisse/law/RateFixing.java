package fr.encaisse.law;

/**
 * Which half-year's reference rate prices a late day.
 */
public enum RateFixing {
    /**
     * Each late day uses the rate of the half-year containing it, so a long lateness is priced
     * piecewise (L441-10 II fixes the ECB rate per half-year; the legal rate changes per half-year).
     * Default for professionals and consumers.
     */
    EACH_HALF_YEAR,
    /**
     * The rate of the half-year in which interest started to run applies to the whole lateness.
     * This is the rule for public buyers (Code de la commande publique R2192-31) and the common
     * simplification "due-date rate throughout" for professionals. Default for public buyers.
     */
    FIRST_LATE_HALF_YEAR
}
