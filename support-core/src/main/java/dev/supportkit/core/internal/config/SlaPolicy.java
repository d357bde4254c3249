package dev.supportkit.core.internal.config;

import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service-level policy: working-time targets per priority, in one business calendar, with warnings
 * at fractions of the target and actions on warning and on breach.
 *
 * @param name      the policy's name ({@code supportkit.sla.policies.<name>})
 * @param calendar  the business calendar id
 * @param targets   per priority, the working time allowed for each deadline kind
 * @param warnAt    fractions of the target at which to warn, ascending, each in (0, 1)
 * @param onWarning actions when a warning fires ({@code notify:<recipient>})
 * @param onBreach  actions on a breach ({@code notify:<recipient>}, {@code raise-priority},
 *                  {@code escalate:<group id>})
 * @param pauseOnVendor whether an open vendor case pauses the resolution deadline, as waiting for the
 *                  customer does ({@code pause-on-vendor}, default false)
 */
public record SlaPolicy(String name, String calendar, Map<Priority, Map<DeadlineKind, Duration>> targets,
                        List<Double> warnAt, List<String> onWarning, List<String> onBreach, boolean pauseOnVendor) {
    /**
     * @param priority a priority
     * @param kind     a deadline kind
     * @return the working time allowed, if the policy sets one
     */
    public Optional<Duration> target(Priority priority, DeadlineKind kind) {
        return Optional.ofNullable(targets.getOrDefault(priority, Map.of()).get(kind));
    }
}
