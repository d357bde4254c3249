package dev.supportkit.api.directory;

/**
 * A group of specialists working one support line, e.g. "Telephony, second line".
 *
 * @param id   identifier
 * @param name the group's name; required
 * @param line the line it works; required
 */
public record SupportGroup(GroupId id, String name, SupportLine line) implements IdentifiedEntry {
}
