package dev.supportkit.core.internal.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.MonthDay;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The shipped Russian production calendar: one {@link YearCalendar} per year from
 * {@code dev/supportkit/calendars/ru/<year>.yaml}, the years listed in {@code index.yaml} there.
 */
final class RussianProductionData {
    /** Where the data files are, on the class path. */
    static final String RESOURCE_DIR = "/dev/supportkit/calendars/ru/";

    /**
     * The non-working public holidays of Labour Code art. 112: 1–8 January, 23 February, 8 March,
     * 1 May, 9 May, 12 June and 4 November.
     */
    static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    private final SortedMap<Integer, YearCalendar> years;

    private RussianProductionData(SortedMap<Integer, YearCalendar> years) {
        this.years = Collections.unmodifiableSortedMap(years);
    }

    /** The shipped data, read once. */
    static RussianProductionData shipped() {
        return Holder.DATA;
    }

    YearCalendar year(int year) {
        return years.get(year);
    }

    SortedMap<Integer, YearCalendar> years() {
        return years;
    }

    private static final class Holder {
        static final RussianProductionData DATA = load();
    }

    private static RussianProductionData load() {
        Object index = read("index.yaml");
        List<Integer> listed = CalendarDefinitionParser.parseIndex(index, RESOURCE_DIR + "index.yaml");
        SortedMap<Integer, YearCalendar> years = new TreeMap<>();
        for (int year : listed) {
            String file = year + ".yaml";
            YearCalendar data = CalendarDefinitionParser.parseYear(read(file), RESOURCE_DIR + file);
            if (data.year() != year) {
                throw new IllegalStateException(RESOURCE_DIR + file + " holds the year " + data.year());
            }
            years.put(year, data);
        }
        return new RussianProductionData(years);
    }

    private static Object read(String file) {
        try (InputStream in = RussianProductionData.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("shipped calendar data " + RESOURCE_DIR + file + " is missing");
            }
            return CalendarDefinitionParser.readTree(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped calendar data " + RESOURCE_DIR + file, e);
        } catch (CalendarDefinitionException e) {
            throw new IllegalStateException("shipped calendar data is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RussianProductionData" + years.keySet();
    }
}
