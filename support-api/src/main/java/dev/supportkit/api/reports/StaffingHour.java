package dev.supportkit.api.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Objects;

/**
 * The staffing one hour of the week needs, by the Erlang C formula: from the requests that arrived in that
 * hour over the period and the average handling time, the fewest specialists that answer the target share
 * of requests within the target time.
 *
 * @param day          the day of the week
 * @param hour         the hour, 0 to 23, in the query's time zone
 * @param arrivals     requests that arrived in this hour of the week over the period
 * @param arrivalRate  requests per hour: arrivals over the number of such hours in the period
 * @param handlingTime the average handling time (recorded time per request)
 * @param load         the offered load in Erlangs: rate times handling time in hours
 * @param specialists  the fewest specialists meeting the target; 0 when nothing arrives
 * @param serviceLevel the share answered within the target time with that many specialists
 */
public record StaffingHour(DayOfWeek day, int hour, long arrivals, double arrivalRate, Duration handlingTime,
                           double load, int specialists, double serviceLevel) {
    /**
     * Checks the parts.
     *
     * @param day          the day
     * @param hour         the hour
     * @param arrivals     the arrivals
     * @param arrivalRate  the rate
     * @param handlingTime the handling time
     * @param load         the load
     * @param specialists  the staff needed
     * @param serviceLevel the share within the target time
     */
    public StaffingHour {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(handlingTime, "handlingTime");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23, got " + hour);
        }
    }
}
