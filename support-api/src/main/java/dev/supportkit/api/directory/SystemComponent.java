package dev.supportkit.api.directory;

/**
 * One component of a supported system: a piece of equipment or software installed at a site.
 *
 * @param id           identifier, unique within the tenant
 * @param kind         hardware, software or hardware-software; required
 * @param model        the vendor's model or product name; required
 * @param serialNumber serial number or licence key; may be null for software
 * @param site         where it is installed; required
 */
public record SystemComponent(ComponentId id, ComponentKind kind, String model, String serialNumber, SiteId site) {
}
