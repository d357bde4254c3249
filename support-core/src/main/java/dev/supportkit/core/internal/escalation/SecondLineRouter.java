package dev.supportkit.core.internal.escalation;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.config.RoutingSettings;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the second-line group and specialist for a redirect that names neither (D/01.7, organisation of
 * the group's work): the first matching routing rule, else the default group; inside the group the
 * second-line specialist (engineer or group lead) with the fewest open requests, ties broken by id. When
 * some of the group's second-line specialists have the request's supported-system model among their skills
 * (ignoring case), the choice is made among those only.
 *
 * <p>Workload is each member's number of requests in the working and waiting statuses, counted in the
 * store.
 */
final class SecondLineRouter {
    /** The statuses whose requests count as a specialist's workload. */
    static final Set<RequestStatus> OPEN = Set.of(RequestStatus.IN_PROGRESS_FIRST_LINE, RequestStatus.AT_INTAKE_LEAD,
            RequestStatus.AT_SECOND_LINE, RequestStatus.WAITING_FOR_CUSTOMER);
    private static final Set<Role> SECOND_LINE_ROLES = Set.of(Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD);

    /**
     * The routing decision.
     *
     * @param rule     the rule (or default-group key) that chose the group
     * @param group    the group
     * @param assignee the least-loaded specialist, or null when the group has none working second line
     * @param workload that specialist's open requests before this one
     * @param skill    the request's system model when the assignee was chosen for having it as a skill, else null
     */
    record Routing(String rule, GroupId group, SpecialistId assignee, int workload, String skill) {
    }

    private final RoutingSettings settings;

    /** @param settings the configured rules */
    SecondLineRouter(RoutingSettings settings) {
        this.settings = settings;
    }

    /**
     * Routes a request.
     *
     * @param tx      the open transaction
     * @param actor   who redirects
     * @param request the request being redirected
     * @param errors  where a rule naming a missing group, or a group not working second line, is reported
     *                (field {@code redirect.target.group})
     * @return the decision; empty when routing is not configured, no rule matches and there is no default
     *         group, or an error was reported
     */
    Optional<Routing> route(StorageTransaction tx, Actor actor, Request request, FieldErrors errors) {
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        String model = request.system().isEmpty() ? null
                : tx.findDirectoryEntry(actor.tenant(), SupportedSystem.class, request.system().get().value())
                        .map(SupportedSystem::model).orElse(null);
        String rule;
        GroupId group;
        Optional<RoutingSettings.Rule> match = settings.rules().stream()
                .filter(r -> r.matches(request.organization().value(), model, request.priority(),
                        request.category().orElse(null))).findFirst();
        if (match.isPresent()) {
            rule = match.get().name();
            group = match.get().group();
        } else if (settings.defaultGroup().isPresent()) {
            rule = RoutingSettings.DEFAULT_GROUP;
            group = settings.defaultGroup().get();
        } else {
            return Optional.empty();
        }
        Optional<SupportGroup> found = tx.findDirectoryEntry(actor.tenant(), SupportGroup.class, group.value());
        if (found.isEmpty()) {
            errors.add("redirect.target.group", "exists", "routing rule " + rule + " names group '" + group
                    + "', which does not exist");
            return Optional.empty();
        }
        if (found.get().line() != SupportLine.SECOND_LINE) {
            errors.add("redirect.target.group", "works-line", "routing rule " + rule + " names group '" + group
                    + "', which works " + found.get().line() + ", not SECOND_LINE");
            return Optional.empty();
        }
        List<Specialist> members = tx.listDirectoryEntries(actor.tenant(), Specialist.class, Optional.empty())
                .stream().filter(s -> group.equals(s.group()) && SECOND_LINE_ROLES.contains(s.role()))
                .filter(s -> !ActiveEntries.inactive(tx, actor.tenant(), DirectoryKind.SPECIALIST, s.id().value()))
                .toList();
        if (members.isEmpty()) {
            return Optional.of(new Routing(rule, group, null, 0, null));
        }
        Map<SpecialistId, Integer> workload = new HashMap<>();
        for (Specialist member : members) {
            RequestQuery theirs = RequestQuery.builder().status(OPEN.toArray(RequestStatus[]::new))
                    .assignee(AssigneeFilter.of(member.id())).build();
            long count = tx.countRequests(actor.tenant(), RequestSelection.of(theirs, request.updatedAt(), 1));
            // the request being routed does not count towards its own assignee's workload
            if (request.assignee().equals(Optional.of(member.id())) && OPEN.contains(request.status())) {
                count--;
            }
            workload.put(member.id(), (int) Math.min(Integer.MAX_VALUE, count));
        }
        List<Specialist> skilled = members.stream().filter(s -> s.hasSkill(model)).toList();
        List<Specialist> candidates = skilled.isEmpty() ? members : skilled;
        Specialist chosen = candidates.stream().min(Comparator.<Specialist>comparingInt(s -> workload.getOrDefault(s.id(),
                0)).thenComparing(s -> s.id().value())).orElseThrow();
        return Optional.of(new Routing(rule, group, chosen.id(), workload.getOrDefault(chosen.id(), 0),
                skilled.isEmpty() ? null : model.strip()));
    }
}
