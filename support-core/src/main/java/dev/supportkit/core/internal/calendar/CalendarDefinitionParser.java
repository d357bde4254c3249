package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.config.DefinitionTree.child;
import static dev.supportkit.core.internal.config.DefinitionTree.display;

import dev.supportkit.core.internal.config.DefinitionTree;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a definition tree (see {@link DefinitionTree}) into calendars or year data, collecting every
 * problem with its field path before failing.
 */
final class CalendarDefinitionParser {
    /**
     * Reads a definition document into a tree.
     *
     * @throws CalendarDefinitionException for a syntax error or a duplicate key
     */
    static Object readTree(java.io.InputStream in, String name) throws java.io.IOException {
        List<String> problems = new java.util.ArrayList<>();
        Object tree = DefinitionTree.read(in, name, problems);
        if (!problems.isEmpty()) {
            throw new CalendarDefinitionException(name, problems);
        }
        return tree;
    }

    static final String RU_PRODUCTION = "ru-production";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_RANGE_DAYS = 366;
    private static final Set<String> CALENDAR_KEYS = new LinkedHashSet<>(List.of("id", "description", "zone", "base",
            "weeklyHours", "shortenedBy", "workingWeekendHoursOf", "holidays", "daysOff", "annualHolidays",
            "workingWeekendDays", "shortenedDays"));
    private static final Set<String> YEAR_KEYS = new LinkedHashSet<>(List.of("year", "status", "source", "holidays",
            "daysOff", "workingWeekendDays", "shortenedDays"));
    private static final Set<String> WORKING_DAY_KEYS = new LinkedHashSet<>(List.of("date", "hoursOf"));
    private static final Set<String> WEEK_KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(List.of("everyDay", "weekdays"));
        for (DayOfWeek day : DayOfWeek.values()) {
            keys.add(dayName(day));
        }
        WEEK_KEYS = keys;
    }

    private final String source;
    private final List<String> problems = new ArrayList<>();

    private CalendarDefinitionParser(String source) {
        this.source = source;
    }

    // ---------------------------------------------------------------- calendars

    static BusinessCalendars parseCalendars(Object root, String source) {
        CalendarDefinitionParser parser = new CalendarDefinitionParser(source);
        List<BusinessCalendar> calendars = parser.calendars(root);
        parser.failIfProblems();
        return BusinessCalendars.of(calendars);
    }

    private List<BusinessCalendar> calendars(Object root) {
        List<Object> items;
        String listPath;
        if (root instanceof Map<?, ?> map && map.containsKey("calendars")) {
            for (Object key : map.keySet()) {
                if (!"calendars".equals(key)) {
                    problem(String.valueOf(key), "unknown key (a file with 'calendars:' holds nothing else)");
                }
            }
            listPath = "calendars";
            Object list = map.get("calendars");
            if (!(list instanceof List<?> l)) {
                problem(listPath, "must be a list of calendar definitions");
                return List.of();
            }
            items = new ArrayList<>(l);
        } else if (root instanceof List<?> l) {
            listPath = "";
            items = new ArrayList<>(l);
        } else if (root instanceof Map<?, ?>) {
            return nonNull(List.of(calendarOrNull(root, "")));
        } else {
            problem("", root == null ? "is empty: expected a calendar definition or 'calendars:' with a list of them"
                    : "must be a calendar definition or 'calendars:' with a list of them");
            return List.of();
        }
        if (items.isEmpty()) {
            problem(listPath, "holds no calendar definition");
        }
        List<BusinessCalendar> result = new ArrayList<>();
        Map<String, String> idPaths = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = listPath + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?> m && m.get("id") instanceof String id) {
                String first = idPaths.putIfAbsent(id, path);
                if (first != null) {
                    problem(child(path, "id"), "'" + id + "' is already the id of " + first);
                }
            }
            result.add(calendarOrNull(items.get(i), path));
        }
        return nonNull(result);
    }

    private static List<BusinessCalendar> nonNull(List<BusinessCalendar> list) {
        List<BusinessCalendar> out = new ArrayList<>();
        for (BusinessCalendar c : list) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** One calendar, or null when it has problems (they are recorded). */
    private BusinessCalendar calendarOrNull(Object node, String path) {
        int before = problems.size();
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        unknownKeys(m, path, CALENDAR_KEYS);
        String id = string(m, "id", path, true);
        if (id != null && !ID.matcher(id).matches()) {
            problem(child(path, "id"), "'" + id + "' must be 1 to 64 letters, digits, dots, hyphens or underscores");
        }
        string(m, "description", path, false);
        ZoneId zone = zone(m, path);
        RussianProductionData base = null;
        String baseName = string(m, "base", path, false);
        if (baseName != null) {
            if (baseName.equals(RU_PRODUCTION)) {
                base = RussianProductionData.shipped();
            } else {
                problem(child(path, "base"), "unknown base '" + baseName + "' (known: " + RU_PRODUCTION + ")");
            }
        }
        WeeklyHours hours = null;
        if (m.get("weeklyHours") != null) {
            hours = weeklyHours(m.get("weeklyHours"), child(path, "weeklyHours"));
        } else if (baseName != null) {
            hours = WeeklyHours.officeHours();
        } else {
            problem(child(path, "weeklyHours"), "is required (or 'base: " + RU_PRODUCTION
                    + "', which defaults to Monday-Friday 09:00-13:00, 14:00-18:00)");
        }
        Duration shortenedBy = Duration.ofHours(1);
        String shortening = string(m, "shortenedBy", path, false);
        if (shortening != null) {
            shortenedBy = duration(shortening, child(path, "shortenedBy"), shortenedBy);
        }
        DayOfWeek defaultHoursOf = DayOfWeek.MONDAY;
        String defaultName = string(m, "workingWeekendHoursOf", path, false);
        if (defaultName != null) {
            DayOfWeek d = weekday(defaultName, child(path, "workingWeekendHoursOf"));
            defaultHoursOf = d != null ? d : defaultHoursOf;
        }

        DateLists lists = dateLists(m, path, defaultHoursOf, hours);
        Set<MonthDay> annual = new HashSet<>();
        List<Object> annualItems = list(m.get("annualHolidays"), child(path, "annualHolidays"));
        for (int i = 0; i < annualItems.size(); i++) {
            String itemPath = child(path, "annualHolidays") + "[" + i + "]";
            String text = text(annualItems.get(i), itemPath);
            if (text != null) {
                try {
                    annual.add(MonthDay.parse("--" + text.trim()));
                } catch (DateTimeParseException e) {
                    problem(itemPath, "'" + text + "' is not a month and day like 12-25");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        DayRules rules = new DayRules(lists.nonWorking.keySet(), lists.workingAs, lists.shortened.keySet(), annual);
        return new ScheduledBusinessCalendar(id, zone, hours, rules, base, shortenedBy);
    }

    /** The date lists shared by calendar definitions and year files. */
    private static final class DateLists {
        final Map<LocalDate, String> holidays = new LinkedHashMap<>();
        final Map<LocalDate, String> daysOff = new LinkedHashMap<>();
        final Map<LocalDate, String> nonWorking = new LinkedHashMap<>();
        final Map<LocalDate, DayOfWeek> workingAs = new LinkedHashMap<>();
        final Map<LocalDate, String> shortened = new LinkedHashMap<>();
    }

    private DateLists dateLists(Map<String, Object> m, String path, DayOfWeek defaultHoursOf, WeeklyHours hours) {
        DateLists lists = new DateLists();
        dates(m.get("holidays"), child(path, "holidays"), lists.holidays);
        dates(m.get("daysOff"), child(path, "daysOff"), lists.daysOff);
        lists.nonWorking.putAll(lists.daysOff);
        lists.nonWorking.putAll(lists.holidays);
        dates(m.get("shortenedDays"), child(path, "shortenedDays"), lists.shortened);

        String workingPath = child(path, "workingWeekendDays");
        List<Object> items = list(m.get("workingWeekendDays"), workingPath);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = workingPath + "[" + i + "]";
            Object item = items.get(i);
            DayOfWeek hoursOf = defaultHoursOf;
            Object dateNode = item;
            String datePath = itemPath;
            if (item instanceof Map<?, ?>) {
                Map<String, Object> entry = map(item, itemPath);
                unknownKeys(entry, itemPath, WORKING_DAY_KEYS);
                dateNode = entry.get("date");
                datePath = child(itemPath, "date");
                if (dateNode == null) {
                    problem(datePath, "is required");
                    continue;
                }
                String dayName = string(entry, "hoursOf", itemPath, false);
                if (dayName != null) {
                    hoursOf = weekday(dayName, child(itemPath, "hoursOf"));
                    if (hoursOf == null) {
                        continue;
                    }
                }
                if (hours != null && hours.intervals(hoursOf).isEmpty()) {
                    problem(dayName != null ? child(itemPath, "hoursOf") : itemPath, dayName(hoursOf)
                            + " has no working hours in weeklyHours, so the day would have no working time");
                }
            } else if (hours != null && hours.intervals(hoursOf).isEmpty()) {
                problem(itemPath, "would be worked with the hours of " + dayName(hoursOf)
                        + ", which has none in weeklyHours (give 'hoursOf' or 'workingWeekendHoursOf')");
            }
            Map<LocalDate, String> found = new LinkedHashMap<>();
            dates(dateNode, datePath, found);
            for (Map.Entry<LocalDate, String> e : found.entrySet()) {
                String offPath = lists.nonWorking.get(e.getKey());
                if (offPath != null) {
                    problem(e.getValue(), e.getKey() + " is also a day off at " + offPath);
                } else {
                    lists.workingAs.put(e.getKey(), hoursOf);
                }
            }
        }
        for (Map.Entry<LocalDate, String> e : lists.shortened.entrySet()) {
            String offPath = lists.nonWorking.get(e.getKey());
            if (offPath != null) {
                problem(e.getValue(), e.getKey() + " cannot be shortened: it is a day off at " + offPath);
            }
        }
        return lists;
    }

    // ---------------------------------------------------------------- shipped year data

    static List<Integer> parseIndex(Object root, String source) {
        CalendarDefinitionParser parser = new CalendarDefinitionParser(source);
        List<Integer> years = new ArrayList<>();
        Map<String, Object> m = parser.map(root, "");
        if (m != null) {
            parser.unknownKeys(m, "", Set.of("years"));
            List<Object> items = parser.list(m.get("years"), "years");
            for (int i = 0; i < items.size(); i++) {
                Integer year = parser.integer(items.get(i), "years[" + i + "]");
                if (year != null) {
                    years.add(year);
                }
            }
        }
        parser.failIfProblems();
        return years;
    }

    static YearCalendar parseYear(Object root, String source) {
        CalendarDefinitionParser parser = new CalendarDefinitionParser(source);
        YearCalendar year = parser.year(root);
        parser.failIfProblems();
        return year;
    }

    private YearCalendar year(Object root) {
        Map<String, Object> m = map(root, "");
        if (m == null) {
            return null;
        }
        unknownKeys(m, "", YEAR_KEYS);
        Integer year = m.get("year") == null ? null : integer(m.get("year"), "year");
        if (m.get("year") == null) {
            problem("year", "is required");
        }
        String status = string(m, "status", "", true);
        if (status != null && !status.equals("official") && !status.equals("provisional")) {
            problem("status", "must be 'official' or 'provisional' (was '" + status + "')");
        }
        String from = string(m, "source", "", true);
        DateLists lists = dateLists(m, "", DayOfWeek.MONDAY, null);
        if (year != null) {
            for (Map<LocalDate, String> dates : List.of(lists.nonWorking, lists.shortened)) {
                dates.forEach((date, path) -> {
                    if (date.getYear() != year) {
                        problem(path, date + " is not in " + year);
                    }
                });
            }
            lists.workingAs.keySet().forEach(date -> {
                if (date.getYear() != year) {
                    problem("workingWeekendDays", date + " is not in " + year);
                }
            });
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new YearCalendar(year, new TreeSet<>(lists.holidays.keySet()), new TreeSet<>(lists.daysOff.keySet()),
                    new java.util.TreeMap<>(lists.workingAs), new TreeSet<>(lists.shortened.keySet()),
                    "provisional".equals(status), from);
        } catch (IllegalArgumentException e) {
            problem("", e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- values

    private WeeklyHours weeklyHours(Object node, String path) {
        Map<String, Object> m = map(node, path);
        if (m == null) {
            return null;
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT).equals("everyday") ? "everyDay"
                    : e.getKey().toLowerCase(Locale.ROOT);
            if (!WEEK_KEYS.contains(key)) {
                problem(child(path, e.getKey()), "unknown key (known keys: " + String.join(", ", WEEK_KEYS) + ")");
            } else if (byName.containsKey(key)) {
                problem(child(path, e.getKey()), "duplicate key");
            } else {
                byName.put(key, e.getValue());
            }
        }
        int before = problems.size();
        Map<String, List<WorkingInterval>> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : byName.entrySet()) {
            parsed.put(e.getKey(), intervals(e.getValue(), child(path, e.getKey())));
        }
        Map<DayOfWeek, List<WorkingInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingInterval> intervals = parsed.get(dayName(day));
            if (intervals == null && day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                intervals = parsed.get("weekdays");
            }
            if (intervals == null) {
                intervals = parsed.get("everyDay");
            }
            if (intervals != null) {
                week.put(day, intervals);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return WeeklyHours.of(week);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
            return null;
        }
    }

    private List<WorkingInterval> intervals(Object node, String path) {
        List<WorkingInterval> out = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (node instanceof String s) {
            String trimmed = s.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.equals("off") && !trimmed.equals("closed")) {
                for (String part : s.split(",")) {
                    texts.add(part);
                    paths.add(path);
                }
            }
        } else if (node != null) {
            List<Object> items = list(node, path);
            for (int i = 0; i < items.size(); i++) {
                String text = text(items.get(i), path + "[" + i + "]");
                if (text != null) {
                    texts.add(text);
                    paths.add(path + "[" + i + "]");
                }
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            try {
                out.add(WorkingInterval.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                problem(paths.get(i), e.getMessage());
            }
        }
        out.sort(java.util.Comparator.comparingLong(WorkingInterval::startNanoOfDay));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).startNanoOfDay() < out.get(i - 1).endNanoOfDay()) {
                problem(path, "intervals " + out.get(i - 1) + " and " + out.get(i) + " overlap");
            }
        }
        return out;
    }

    /** Reads a date, a range {@code 2026-01-01..2026-01-08} or a list of them into {@code into}. */
    private void dates(Object node, String path, Map<LocalDate, String> into) {
        if (node == null) {
            return;
        }
        if (node instanceof String s) {
            dateOrRange(s, path, into);
            return;
        }
        List<Object> items = list(node, path);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            String text = text(items.get(i), itemPath);
            if (text != null) {
                dateOrRange(text, itemPath, into);
            }
        }
    }

    private void dateOrRange(String text, String path, Map<LocalDate, String> into) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            LocalDate date = date(text, path);
            if (date != null) {
                into.putIfAbsent(date, path);
            }
            return;
        }
        LocalDate first = date(text.substring(0, dots), path);
        LocalDate last = date(text.substring(dots + 2), path);
        if (first == null || last == null) {
            return;
        }
        if (last.isBefore(first)) {
            problem(path, "the range '" + text + "' ends before it starts");
        } else if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
            problem(path, "the range '" + text + "' is longer than " + MAX_RANGE_DAYS + " days");
        } else {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                into.putIfAbsent(d, path);
            }
        }
    }

    private LocalDate date(String text, String path) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problem(path, "'" + text.trim() + "' is not a date like 2026-01-08");
            return null;
        }
    }

    private ZoneId zone(Map<String, Object> m, String path) {
        String text = string(m, "zone", path, true);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            problem(child(path, "zone"), "'" + text + "' is not a time zone (e.g. Europe/Moscow)");
            return null;
        }
    }

    private Duration duration(String text, String path, Duration fallback) {
        try {
            Duration d = Duration.parse(text.trim());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) >= 0) {
                problem(path, "must be positive and under a day (was '" + text + "')");
                return fallback;
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(path, "'" + text + "' is not an ISO-8601 duration like PT1H or PT30M");
            return fallback;
        }
    }

    private DayOfWeek weekday(String text, String path) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (dayName(day).equalsIgnoreCase(text.trim())) {
                return day;
            }
        }
        problem(path, "'" + text + "' is not a day of the week (monday ... sunday)");
        return null;
    }

    private Integer integer(Object node, String path) {
        String text = text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            problem(path, "'" + text + "' is not a whole number");
            return null;
        }
    }

    // ---------------------------------------------------------------- tree helpers

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String path) {
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        problem(path, node == null ? "is empty: expected a mapping (key: value)" : "must be a mapping (key: value)");
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object node, String path) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof List<?> l) {
            return (List<Object>) l;
        }
        problem(path, "must be a list");
        return List.of();
    }

    private String text(Object node, String path) {
        if (node instanceof String s) {
            return s;
        }
        problem(path, node == null ? "must not be empty" : "must be a single value, not a list or mapping");
        return null;
    }

    private String string(Map<String, Object> m, String key, String path, boolean required) {
        Object value = m.get(key);
        if (value == null) {
            if (required) {
                problem(child(path, key), "is required");
            }
            return null;
        }
        String text = text(value, child(path, key));
        if (text != null && text.isBlank()) {
            if (required) {
                problem(child(path, key), "must not be blank");
            }
            return null;
        }
        return text;
    }

    private void unknownKeys(Map<String, Object> m, String path, Set<String> known) {
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                problem(child(path, key), "unknown key (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    private void problem(String path, String message) {
        problems.add(display(path) + ": " + message);
    }

    private void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new CalendarDefinitionException(source, problems);
        }
    }

    private static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
