package fr.encaisse.law;

import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;

/**
 * A calendar half-year (1 January–30 June or 1 July–31 December): the period for which the
 * late-payment reference rates are fixed (Code de commerce L441-10 II: the ECB rate "en vigueur
 * au 1er janvier" / "au 1er juillet"; Code monétaire et financier L313-2: the legal interest
 * rate is set per half-year).
 *
 * @param year the calendar year
 * @param half 1 for January–June, 2 for July–December
 */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("half must be 1 or 2, got " + half);
        }
    }

    public static HalfYear of(LocalDate date) {
        return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    /** Parses the {@code 2024-S1} form used in the rate file and in messages. */
    public static HalfYear parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (!t.matches("\\d{4}-S[12]")) {
            throw new IllegalArgumentException("half-year must look like 2024-S1 or 2024-S2, got '" + text + "'");
        }
        return new HalfYear(Integer.parseInt(t.substring(0, 4)), t.charAt(6) - '0');
    }

    /** 1 January or 1 July: the day whose ECB rate sets the half-year's rate. */
    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? Month.JANUARY : Month.JULY, 1);
    }

    /** 30 June or 31 December. */
    public LocalDate lastDay() {
        return half == 1 ? LocalDate.of(year, Month.JUNE, 30) : LocalDate.of(year, Month.DECEMBER, 31);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    @Override
    public int compareTo(HalfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    public boolean isAfter(HalfYear other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(HalfYear other) {
        return compareTo(other) < 0;
    }

    /** {@code 2024-S1}. */
    @Override
    public String toString() {
        return year + "-S" + half;
    }
}
