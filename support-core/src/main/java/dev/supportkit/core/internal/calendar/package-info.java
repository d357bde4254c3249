/**
 * Business calendars: the working-time arithmetic that SLA deadlines use.
 *
 * <p>A {@link dev.supportkit.core.internal.calendar.BusinessCalendar} answers whether an instant is working
 * time, adds working time to an instant and measures the working time between two instants. Calendars
 * come from {@link dev.supportkit.core.internal.calendar.BusinessCalendars}: round the clock, the shipped
 * Russian production calendar (per-year data files under {@code dev/supportkit/calendars/ru/}, listed
 * in {@code index.yaml} there: adding a year is adding its file and its line in the index), or a
 * vendor's own YAML or JSON definition.
 *
 * <p>Every computation takes the instant it works on as an argument; nothing here reads a clock.
 * Computations walk day by day over working intervals, never minute by minute.
 */
package dev.supportkit.core.internal.calendar;
