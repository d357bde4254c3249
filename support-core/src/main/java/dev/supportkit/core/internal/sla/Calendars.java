package dev.supportkit.core.internal.sla;

import dev.supportkit.core.internal.calendar.BusinessCalendar;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The business calendars this engine knows, by id. */
public final class Calendars {
    private final Map<String, BusinessCalendar> byId;

    /**
     * @param byId calendars by id
     */
    public Calendars(Map<String, BusinessCalendar> byId) {
        this.byId = Map.copyOf(byId);
    }

    /**
     * @param id a calendar id
     * @return the calendar, if known
     */
    public Optional<BusinessCalendar> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @return every known id */
    public Set<String> ids() {
        return byId.keySet();
    }
}
