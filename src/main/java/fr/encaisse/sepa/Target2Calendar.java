package fr.encaisse.sepa;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The TARGET2 (T2) business-day calendar, on which SEPA direct debits settle: closed on Saturdays,
 * Sundays, 1 January, Good Friday, Easter Monday, 1 May, 25 and 26 December. This set of closing
 * days has been stable since 2002; no year-specific extra closing days are modelled.
 *
 * <p>Easter Sunday is computed with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
public final class Target2Calendar {

    private Target2Calendar() {
    }

    /** Whether TARGET2 settles on {@code date}. */
    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !isHoliday(date);
    }

    /** Whether {@code date} is one of the six TARGET2 holidays (whatever the day of the week). */
    public static boolean isHoliday(LocalDate date) {
        int day = date.getDayOfMonth();
        Month month = date.getMonth();
        if ((month == Month.JANUARY && day == 1) || (month == Month.MAY && day == 1)
                || (month == Month.DECEMBER && (day == 25 || day == 26))) {
            return true;
        }
        if (month == Month.MARCH || month == Month.APRIL) {
            LocalDate easter = easterSunday(date.getYear());
            return date.equals(easter.minusDays(2)) || date.equals(easter.plusDays(1));
        }
        return false;
    }

    /** The six TARGET2 holidays of {@code year}, in date order. */
    public static SortedSet<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        return new TreeSet<>(java.util.List.of(
                LocalDate.of(year, 1, 1), easter.minusDays(2), easter.plusDays(1),
                LocalDate.of(year, 5, 1), LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
    }

    /** The first business day strictly after {@code date}. */
    public static LocalDate nextBusinessDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isBusinessDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The last business day strictly before {@code date}. */
    public static LocalDate previousBusinessDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isBusinessDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** {@code date} itself when it is a business day, else the next business day. */
    public static LocalDate businessDayOnOrAfter(LocalDate date) {
        return isBusinessDay(date) ? date : nextBusinessDay(date);
    }

    /** {@code date} itself when it is a business day, else the previous business day. */
    public static LocalDate businessDayOnOrBefore(LocalDate date) {
        return isBusinessDay(date) ? date : previousBusinessDay(date);
    }

    /**
     * Moves {@code days} business days forward (or backward when negative); each step lands on the
     * next (previous) business day, so {@code addBusinessDays(saturday, 1)} is the Monday, if open.
     * Zero returns {@code date} unchanged.
     */
    public static LocalDate addBusinessDays(LocalDate date, int days) {
        Objects.requireNonNull(date, "date");
        LocalDate d = date;
        for (int i = 0; i < Math.abs(days); i++) {
            d = days > 0 ? nextBusinessDay(d) : previousBusinessDay(d);
        }
        return d;
    }

    /** Easter Sunday (Gregorian calendar) of {@code year}. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
