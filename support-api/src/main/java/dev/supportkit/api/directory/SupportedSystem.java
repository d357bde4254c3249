package dev.supportkit.api.directory;

import java.util.List;
import java.util.Optional;

/**
 * A customer's infocommunication system under support, made of components.
 *
 * @param id           identifier
 * @param organization the owning customer organisation; required
 * @param name         name of the system, e.g. "Office PBX"; required
 * @param vendor       manufacturer or developer; required (vendor escalation goes there)
 * @param model        the system's model or product line; required
 * @param critical     true when the customer's contract marks this system as critical
 * @param components   its components; may be empty, never null
 */
public record SupportedSystem(SystemId id, OrganizationId organization, String name, String vendor, String model,
                              boolean critical, List<SystemComponent> components) implements IdentifiedEntry {
    /**
     * Copies the component list so the record stays immutable.
     *
     * @param id identifier
     * @param organization the owning customer organisation; required
     * @param name name of the system, e.g. "Office PBX"; required
     * @param vendor manufacturer or developer; required (vendor escalation goes there)
     * @param model the system's model or product line; required
     * @param critical true when the customer's contract marks this system as critical
     * @param components its components; may be empty, never null
     */
    public SupportedSystem {
        components = components == null ? List.of() : List.copyOf(components);
    }

    @Override
    public Optional<OrganizationId> owner() {
        return Optional.ofNullable(organization);
    }
}
