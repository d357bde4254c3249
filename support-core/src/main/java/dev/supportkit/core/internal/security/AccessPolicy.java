package dev.supportkit.core.internal.security;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an actor may make a call. Roles are checked before anything is read; visibility
 * (tenant, customer organisation) after the object is loaded, answering "not found" so that another
 * tenant's or organisation's data is never revealed.
 */
public final class AccessPolicy {

    private static final Map<SupportLine, Set<Role>> LINE_STAFF = Map.of(
            SupportLine.FIRST_LINE, EnumSet.of(Role.FIRST_LINE_OPERATOR, Role.INTAKE_LEAD),
            SupportLine.INTAKE_LEAD, EnumSet.of(Role.INTAKE_LEAD),
            SupportLine.SECOND_LINE, EnumSet.of(Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD),
            SupportLine.VENDOR, EnumSet.of(Role.GROUP_LEAD));

    /**
     * Checks the role-level permission.
     *
     * @param actor      who calls
     * @param permission what they want to do
     * @throws AccessDeniedException when the role does not hold the permission
     */
    public void require(Actor actor, Permission permission) {
        if (!permission.roles().contains(actor.role())) {
            throw new AccessDeniedException("Role " + actor.role() + " may not " + permission.description()
                    + " (actor '" + actor.id() + "')");
        }
    }

    /**
     * Checks that the actor may see a request at all.
     *
     * @param actor   who calls
     * @param request the loaded request
     * @throws NotFoundException when it belongs to another tenant or, for a customer representative,
     *                           to another organisation
     */
    public void requireVisible(Actor actor, Request request) {
        if (!canSee(actor, request)) {
            throw new NotFoundException("request", request.id());
        }
    }

    /**
     * Loads a request the actor may see.
     *
     * @param tx    the open transaction
     * @param actor who asks
     * @param id    the request
     * @return the request
     * @throws NotFoundException when it does not exist in the actor's tenant or is not visible to them
     */
    public Request loadVisible(StorageTransaction tx, Actor actor, RequestId id) {
        return tx.findRequest(actor.tenant(), id).filter(r -> canSee(actor, r))
                .orElseThrow(() -> new NotFoundException("request", id));
    }

    /**
     * @param actor   who calls
     * @param request the request
     * @return whether the actor may see it
     */
    public boolean canSee(Actor actor, Request request) {
        return request.tenant().equals(actor.tenant()) && canSeeOrganization(actor, request.organization());
    }

    /**
     * @param actor        who calls
     * @param organization a customer organisation
     * @return true for staff of the tenant, and for a representative of that organisation
     */
    public boolean canSeeOrganization(Actor actor, OrganizationId organization) {
        return actor.role() != Role.CUSTOMER_REPRESENTATIVE || actor.organization().orElseThrow().equals(organization);
    }

    /**
     * Checks that a staff actor works the line that holds the request (a first-line operator cannot
     * resolve a request at second line; a group lead can act for their engineers).
     *
     * @param actor   who calls
     * @param request the loaded request
     * @param action  what they want to do, for the message
     * @throws AccessDeniedException when the actor does not work that line
     */
    public void requireWorksLine(Actor actor, Request request, String action) {
        if (!LINE_STAFF.get(request.line()).contains(actor.role())) {
            throw new AccessDeniedException("Role " + actor.role() + " may not " + action + " a request held by "
                    + request.line() + " (request '" + request.id() + "')");
        }
    }

    /**
     * Checks that second-line staff act on their own group's requests: an engineer or a group lead whose
     * directory entry names a group may act on a request assigned to another group only when they are its
     * assignee. Staff without a directory entry or a group, and requests without a group, are not scoped.
     *
     * @param tx      the open transaction, to read the actor's directory entry
     * @param actor   who calls
     * @param request the loaded request
     * @param action  what they want to do, for the message
     * @throws AccessDeniedException when the request is another group's
     */
    public void requireWorksGroup(StorageTransaction tx, Actor actor, Request request, String action) {
        if (request.line() != SupportLine.SECOND_LINE || request.group().isEmpty()
                || actor.role() != Role.SECOND_LINE_ENGINEER && actor.role() != Role.GROUP_LEAD
                || request.assignee().map(a -> a.value().equals(actor.id())).orElse(false)) {
            return;
        }
        Optional<GroupId> own = tx.findDirectoryEntry(actor.tenant(), Specialist.class, actor.id())
                .flatMap(specialist -> Optional.ofNullable(specialist.group()));
        if (own.isPresent() && !own.get().equals(request.group().get())) {
            throw new AccessDeniedException(actor.id() + " works group '" + own.get() + "' and may not " + action
                    + " request '" + request.id() + "' of group '" + request.group().get() + "'");
        }
    }
}
