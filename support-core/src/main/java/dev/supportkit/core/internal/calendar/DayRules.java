package dev.supportkit.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;

/**
 * A calendar's own exceptions to its weekly hours, valid in any year: dates off, dates worked with
 * another weekday's hours, shortened dates and holidays recurring every year.
 *
 * @param nonWorking     dates without working time
 * @param workingAs      dates worked with the hours of the mapped weekday
 * @param shortened      dates that end early
 * @param annualHolidays month-days without working time in every year
 */
record DayRules(Set<LocalDate> nonWorking, Map<LocalDate, DayOfWeek> workingAs, Set<LocalDate> shortened,
                Set<MonthDay> annualHolidays) {
    /** No exceptions at all. */
    static final DayRules NONE = new DayRules(Set.of(), Map.of(), Set.of(), Set.of());

    DayRules {
        nonWorking = Set.copyOf(nonWorking);
        workingAs = Map.copyOf(workingAs);
        shortened = Set.copyOf(shortened);
        annualHolidays = Set.copyOf(annualHolidays);
    }
}
