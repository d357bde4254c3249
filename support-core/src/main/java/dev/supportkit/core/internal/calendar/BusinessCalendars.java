package dev.supportkit.core.internal.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The built-in business calendars, the loader of vendors' own calendar definitions, and an immutable
 * registry of calendars by id.
 *
 * <h2>Built-in calendars</h2>
 * <ul>
 *   <li>{@link #twentyFourSeven(ZoneId)}: every moment is working time.</li>
 *   <li>{@link #russianProduction(String, ZoneId, WeeklyHours)}: the Russian production calendar
 *       (five-day week) shipped as one data file per year in
 *       {@code dev/supportkit/calendars/ru/<year>.yaml}: non-working holidays, the Government's
 *       transfers of days off, working weekend days and shortened pre-holiday days (one hour shorter
 *       at the end). For a year without a data file the calendar falls back to the weekly hours plus
 *       the fixed federal holidays of Labour Code art. 112 (1–8 January, 23 February, 8 March, 1 and
 *       9 May, 12 June, 4 November) with no transfers and no shortened days, and logs a WARN once
 *       per calendar instance and year; a year whose data is marked provisional (2027 until the
 *       Government's decree is published) is used as is and also logs a WARN once per calendar
 *       instance and year.</li>
 * </ul>
 *
 * <h2>Definition files</h2>
 * {@link #load(Path)} reads YAML (or JSON, for a name ending in {@code .json}): one calendar, or
 * {@code calendars:} with a list of them.
 * <pre>{@code
 * calendars:
 *   - id: acme-support            # required: letters, digits, '.', '-', '_'
 *     zone: Europe/Moscow         # required
 *     base: ru-production         # optional: start from the shipped Russian production calendar
 *     weeklyHours:                # required without base; with base defaults to Mon-Fri 09-13, 14-18
 *       weekdays: [09:00-13:00, 14:00-18:00]   # Monday to Friday
 *       friday: 09:00-13:00, 14:00-16:45       # a day's own entry wins over weekdays / everyDay
 *       saturday: 10:00-14:00                  # days not given are days off
 *     shortenedBy: PT1H           # how much earlier a shortened day ends; default PT1H
 *     workingWeekendHoursOf: monday   # hours of a working weekend day given as a bare date
 *     holidays: [2026-12-30, 2027-01-09..2027-01-10]   # non-working dates or ranges
 *     daysOff: [2026-08-14]                            # more non-working dates (same meaning)
 *     annualHolidays: [03-15]                          # month-day off in every year
 *     workingWeekendDays:
 *       - 2026-12-26                                   # worked with workingWeekendHoursOf hours
 *       - {date: 2026-12-27, hoursOf: friday}
 *     shortenedDays: [2026-12-29]
 * }</pre>
 * A shortened day loses {@code shortenedBy} of working time at the end of the day (across a break if
 * the last interval is shorter than that). A working weekend day is worked with the regular hours of
 * its {@code hoursOf} weekday, whatever its own weekday's hours are.
 * With {@code base: ru-production}, the calendar's own dates win over the shipped data (a shipped
 * holiday listed in {@code workingWeekendDays} is worked; a shipped working Saturday listed in
 * {@code holidays} is off) and its shortened days add to the shipped ones. Every problem in a file is
 * reported together in one {@link CalendarDefinitionException}.
 */
public final class BusinessCalendars {
    /** The id of {@link #twentyFourSeven(ZoneId)}. */
    public static final String TWENTY_FOUR_SEVEN = "24x7";
    /** The id of {@link #russianProduction(ZoneId)}. */
    public static final String RU_PRODUCTION_5X8 = "ru-production-5x8";
    /** The {@code base} value that extends the shipped Russian production calendar. */
    public static final String RU_PRODUCTION_BASE = CalendarDefinitionParser.RU_PRODUCTION;

    private final Map<String, BusinessCalendar> byId;

    private BusinessCalendars(Map<String, BusinessCalendar> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    // ---------------------------------------------------------------- built-in calendars

    /**
     * The calendar in which every moment is working time: working-time arithmetic is plain
     * {@link Duration} arithmetic on instants. Its id is {@value #TWENTY_FOUR_SEVEN}.
     *
     * @param zone the zone reported by {@link BusinessCalendar#zone()}
     * @return the calendar
     */
    public static BusinessCalendar twentyFourSeven(ZoneId zone) {
        return new TwentyFourSevenCalendar(TWENTY_FOUR_SEVEN, zone);
    }

    /**
     * The Russian production calendar with the given weekly hours, from the shipped per-year data (see
     * the class description for years without data).
     *
     * @param id    the calendar's id, e.g. {@code "ru-production-5x8"}
     * @param zone  the zone in which the hours and dates are read, e.g. {@code Europe/Moscow}
     * @param hours the regular weekly hours; a working weekend day takes the hours of the weekday the
     *              data names (the weekday it was swapped with)
     * @return the calendar
     * @throws IllegalArgumentException if {@code id} is blank
     * @throws IllegalStateException    if the shipped data cannot be read (a packaging error)
     */
    public static BusinessCalendar russianProduction(String id, ZoneId zone, WeeklyHours hours) {
        return new ScheduledBusinessCalendar(id, zone, hours, DayRules.NONE, RussianProductionData.shipped(),
                Duration.ofHours(1));
    }

    /**
     * The Russian production calendar for the usual 40-hour office week
     * ({@link WeeklyHours#officeHours()}: Monday to Friday 09:00–13:00 and 14:00–18:00), with the id
     * {@value #RU_PRODUCTION_5X8}.
     *
     * @param zone the zone in which the hours and dates are read
     * @return the calendar
     */
    public static BusinessCalendar russianProduction(ZoneId zone) {
        return russianProduction(RU_PRODUCTION_5X8, zone, WeeklyHours.officeHours());
    }

    /**
     * A calendar of weekly hours only: no holidays, no transfers.
     *
     * @param id    the calendar's id
     * @param zone  the zone in which the hours are read
     * @param hours the weekly hours
     * @return the calendar
     * @throws IllegalArgumentException if {@code id} is blank
     */
    public static BusinessCalendar weekly(String id, ZoneId zone, WeeklyHours hours) {
        return new ScheduledBusinessCalendar(id, zone, hours, DayRules.NONE, null, Duration.ofHours(1));
    }

    /**
     * The shipped Russian production-calendar data of one year.
     *
     * @param year the year
     * @return the data, or empty if no data file is shipped for that year
     */
    public static Optional<YearCalendar> russianProductionYear(int year) {
        return Optional.ofNullable(RussianProductionData.shipped().year(year));
    }

    /**
     * The years for which Russian production-calendar data is shipped.
     *
     * @return the years, ascending
     */
    public static SortedSet<Integer> russianProductionYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(RussianProductionData.shipped().years().keySet()));
    }

    // ---------------------------------------------------------------- loading

    /**
     * Reads calendar definitions from a file: JSON if the name ends with {@code .json}, YAML otherwise.
     *
     * @param file the file
     * @return the calendars, in the order of the file
     * @throws CalendarDefinitionException if the definition has problems (all of them are listed)
     * @throws IOException                 if the file cannot be read
     */
    public static BusinessCalendars load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    /**
     * Reads calendar definitions from a stream (UTF-8), which is not closed.
     *
     * @param in   the definition
     * @param name the definition's name for messages; JSON if it ends with {@code .json}, YAML otherwise
     * @return the calendars, in the order of the definition
     * @throws CalendarDefinitionException if the definition has problems (all of them are listed)
     * @throws IOException                 if the stream cannot be read
     */
    public static BusinessCalendars load(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return CalendarDefinitionParser.parseCalendars(CalendarDefinitionParser.readTree(in, name), name);
    }

    // ---------------------------------------------------------------- registry

    /**
     * A registry of the given calendars.
     *
     * @param calendars the calendars; ids must be distinct
     * @return the registry, in the given order
     * @throws IllegalArgumentException if two calendars share an id
     */
    public static BusinessCalendars of(Collection<? extends BusinessCalendar> calendars) {
        Map<String, BusinessCalendar> map = new LinkedHashMap<>();
        for (BusinessCalendar calendar : calendars) {
            Objects.requireNonNull(calendar, "calendar");
            if (map.putIfAbsent(calendar.id(), calendar) != null) {
                throw new IllegalArgumentException("two business calendars have the id '" + calendar.id() + "'");
            }
        }
        return new BusinessCalendars(map);
    }

    /**
     * A registry of the given calendars.
     *
     * @param calendars the calendars; ids must be distinct
     * @return the registry, in the given order
     * @throws IllegalArgumentException if two calendars share an id
     */
    public static BusinessCalendars of(BusinessCalendar... calendars) {
        return of(List.of(calendars));
    }

    /**
     * This registry's calendars followed by another's.
     *
     * @param other the other registry
     * @return a new registry
     * @throws IllegalArgumentException if both hold a calendar with the same id
     */
    public BusinessCalendars plus(BusinessCalendars other) {
        List<BusinessCalendar> all = new ArrayList<>(byId.values());
        all.addAll(other.byId.values());
        return of(all);
    }

    /**
     * The calendar with an id.
     *
     * @param id the id
     * @return the calendar, or empty if there is none with that id
     */
    public Optional<BusinessCalendar> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The calendar with an id, which must exist.
     *
     * @param id the id
     * @return the calendar
     * @throws NoSuchElementException if there is none with that id
     */
    public BusinessCalendar get(String id) {
        BusinessCalendar calendar = byId.get(id);
        if (calendar == null) {
            throw new NoSuchElementException("no business calendar '" + id + "' (known: " + byId.keySet() + ")");
        }
        return calendar;
    }

    /**
     * The ids of the calendars.
     *
     * @return the ids, in registry order
     */
    public Set<String> ids() {
        return byId.keySet();
    }

    /**
     * The calendars.
     *
     * @return the calendars, in registry order
     */
    public List<BusinessCalendar> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The number of calendars.
     *
     * @return the count
     */
    public int size() {
        return byId.size();
    }

    @Override
    public String toString() {
        return "BusinessCalendars" + byId.keySet();
    }
}
