package dev.supportkit.api.resolution;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.SystemId;
import java.time.Instant;
import java.util.Optional;

/**
 * One unit of the installed base: a supported system, or one of its components, of an equipment model, in
 * operation from its commissioning until its decommissioning. The failure register measures operating time
 * (and so the mean time between failures of a model) on these units. A unit is identified by its system and
 * component: registering the same pair again replaces it.
 *
 * @param system           the supported system (a directory entry)
 * @param component        the component of that system, or empty for the system as a whole
 * @param model            the equipment model (required, one line, at most 200 characters)
 * @param serial           its serial number, if known (one line, at most 200 characters)
 * @param commissionedAt   when it went into operation
 * @param decommissionedAt when it went out of operation (after {@code commissionedAt}), or empty while in use
 */
public record InstalledUnit(SystemId system, Optional<ComponentId> component, String model, Optional<String> serial,
                            Instant commissionedAt, Optional<Instant> decommissionedAt) {
    /**
     * Normalises absent optional parts to empty.
     *
     * @param system           the supported system
     * @param component        the component, or empty
     * @param model            the equipment model
     * @param serial           the serial number, or empty
     * @param commissionedAt   when it went into operation
     * @param decommissionedAt when it went out of operation, or empty
     */
    public InstalledUnit {
        component = component == null ? Optional.empty() : component;
        serial = serial == null ? Optional.empty() : serial;
        decommissionedAt = decommissionedAt == null ? Optional.empty() : decommissionedAt;
    }

    /**
     * A unit in operation, without a serial number.
     *
     * @param system         the supported system
     * @param component      the component, or null for the system as a whole
     * @param model          the equipment model
     * @param commissionedAt when it went into operation
     * @return the unit
     */
    public static InstalledUnit of(SystemId system, ComponentId component, String model, Instant commissionedAt) {
        return new InstalledUnit(system, Optional.ofNullable(component), model, Optional.empty(), commissionedAt,
                Optional.empty());
    }

    /**
     * @param value the serial number, or null for none
     * @return this unit with that serial number
     */
    public InstalledUnit withSerial(String value) {
        return new InstalledUnit(system, component, model, Optional.ofNullable(value), commissionedAt,
                decommissionedAt);
    }

    /**
     * @param value when it went out of operation, or null while in use
     * @return this unit, decommissioned then
     */
    public InstalledUnit withDecommissionedAt(Instant value) {
        return new InstalledUnit(system, component, model, serial, commissionedAt, Optional.ofNullable(value));
    }
}
