package fr.encaisse.dunning.internal;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Days on which dunning sends: Monday to Friday except French national public holidays (jollyday's
 * France calendar: 1 January, Easter Monday, 1 and 8 May, Ascension, Whit Monday, 14 July,
 * 15 August, 1 and 11 November, 25 December; Alsace-Moselle's extra days are not included).
 * {@link #onOrAfter(int)} is on the run's hot path: answered from 256-day blocks computed once.
 */
final class FrenchBusinessDays {

    private static final int BLOCK_BITS = 8;
    private static final int BLOCK = 1 << BLOCK_BITS;
    /** Epoch days 0 (1970) up to about 2250. */
    private static final int BLOCKS = 400;

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
    /** Published with a volatile write, so a block is seen whole by every thread. */
    private final AtomicReferenceArray<byte[]> shifts = new AtomicReferenceArray<>(BLOCKS);

    boolean isBusinessDay(LocalDate date) {
        return onOrAfter(date).equals(date);
    }

    LocalDate onOrAfter(LocalDate date) {
        return LocalDate.ofEpochDay(onOrAfter((int) date.toEpochDay()));
    }

    /** The first business day on or after this epoch day. */
    int onOrAfter(int epochDay) {
        int block = epochDay >> BLOCK_BITS;
        if (block < 0 || block >= BLOCKS) {
            return slowOnOrAfter(epochDay);
        }
        byte[] s = shifts.get(block);
        if (s == null) {
            s = load(block);
        }
        return epochDay + s[epochDay & (BLOCK - 1)];
    }

    private synchronized byte[] load(int block) {
        if (shifts.get(block) != null) {
            return shifts.get(block);
        }
        int start = block << BLOCK_BITS;
        Set<LocalDate> off = holidaysAround(LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(start + BLOCK + 10));
        byte[] s = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            int shift = 0;
            while (!business(LocalDate.ofEpochDay(start + i + shift), off)) {
                shift++;
            }
            s[i] = (byte) shift;
        }
        shifts.set(block, s);
        return s;
    }

    private int slowOnOrAfter(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        Set<LocalDate> off = holidaysAround(d, d.plusDays(10));
        while (!business(d, off)) {
            d = d.plusDays(1);
        }
        return (int) d.toEpochDay();
    }

    private Set<LocalDate> holidaysAround(LocalDate from, LocalDate to) {
        Set<LocalDate> off = new HashSet<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            for (Holiday h : holidays.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY)) {
                off.add(h.getDate());
            }
        }
        return off;
    }

    private static boolean business(LocalDate d, Set<LocalDate> holidays) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }
}
