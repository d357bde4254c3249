package dev.supportkit.api.escalation;

import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;

/**
 * Where a request is redirected to.
 *
 * @param line     {@link SupportLine#SECOND_LINE} or {@link SupportLine#INTAKE_LEAD}; required
 * @param group    a group working that line; optional
 * @param assignee a specialist of that line; optional
 */
public record RedirectTarget(SupportLine line, GroupId group, SpecialistId assignee) {
    /**
     * To a second-line group.
     *
     * @param group the group
     * @return the target
     */
    public static RedirectTarget secondLine(GroupId group) {
        return new RedirectTarget(SupportLine.SECOND_LINE, group, null);
    }

    /**
     * To the lead of the intake group.
     *
     * @return the target
     */
    public static RedirectTarget intakeLead() {
        return new RedirectTarget(SupportLine.INTAKE_LEAD, null, null);
    }
}
