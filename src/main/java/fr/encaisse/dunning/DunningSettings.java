package fr.encaisse.dunning;

/** @param dailyRun the scheduler runs this tenant's dunning every business day (off until the tenant turns it on) */
public record DunningSettings(boolean dailyRun) {
}
