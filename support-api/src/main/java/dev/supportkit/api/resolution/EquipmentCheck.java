package dev.supportkit.api.resolution;

import dev.supportkit.api.directory.ComponentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A check of the customer's equipment, remote or on site, before or instead of a visit (C/03.6): what was
 * found and what was measured.
 *
 * @param onSite       whether it was done on site (else remotely)
 * @param component    the component checked, if one
 * @param findings     what was found (required, at most 4,000 characters)
 * @param measurements measured values, in the order taken (at most 50; names at most 100 characters, values
 *                     at most 200)
 */
public record EquipmentCheck(boolean onSite, Optional<ComponentId> component, String findings,
                             List<Measurement> measurements) {
    /**
     * One value measured.
     *
     * @param name  what was measured, e.g. {@code PSU output, V}
     * @param value the value read
     */
    public record Measurement(String name, String value) {
    }

    /**
     * Copies the measurements, keeping their order.
     *
     * @param onSite       whether on site
     * @param component    the component, if one
     * @param findings     what was found
     * @param measurements measured values
     */
    public EquipmentCheck {
        component = component == null ? Optional.empty() : component;
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
    }

    /**
     * @param findings what was found
     * @return a remote check without measurements
     */
    public static EquipmentCheck remote(String findings) {
        return new EquipmentCheck(false, Optional.empty(), findings, List.of());
    }

    /**
     * @param findings what was found
     * @return an on-site check without measurements
     */
    public static EquipmentCheck onSite(String findings) {
        return new EquipmentCheck(true, Optional.empty(), findings, List.of());
    }

    /**
     * @param name  what was measured, e.g. {@code PSU output, V}
     * @param value the value read
     * @return this check with the measurement added
     */
    public EquipmentCheck measured(String name, String value) {
        List<Measurement> more = new ArrayList<>(measurements);
        more.add(new Measurement(name, value));
        return new EquipmentCheck(onSite, component, findings, more);
    }

    /**
     * @param checked the component checked
     * @return this check of that component
     */
    public EquipmentCheck of(ComponentId checked) {
        return new EquipmentCheck(onSite, Optional.ofNullable(checked), findings, measurements);
    }
}
