package fr.encaisse.law;

import java.time.LocalDate;

/**
 * Day-count convention for pro-rata interest. L441-10 II sets none; ACT/365 is the usual French
 * practice and the default here. Each late day weighs 1/denominator of the annual rate.
 */
public enum DayCount {
    /** Actual days / 365, even in leap years (a full leap year costs 366/365 of the annual rate). */
    ACT_365("ACT/365"),
    /** Actual days / actual days of the day's calendar year (365 or 366). */
    ACT_ACT("ACT/ACT"),
    /** Actual days / 360 (money-market convention, sometimes stipulated in contracts). */
    ACT_360("ACT/360");

    private final String label;

    DayCount(String label) {
        this.label = label;
    }

    /** The year length that a day falling on {@code day} is divided by. */
    public int denominator(LocalDate day) {
        return switch (this) {
            case ACT_365 -> 365;
            case ACT_360 -> 360;
            case ACT_ACT -> day.lengthOfYear();
        };
    }

    /** "ACT/365", "ACT/ACT" or "ACT/360". */
    public String label() {
        return label;
    }
}
