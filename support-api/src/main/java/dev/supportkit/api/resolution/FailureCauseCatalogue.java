package dev.supportkit.api.resolution;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's catalogue of failure causes, as an administrator defined it with
 * {@link ResolutionService#defineFailureCauses}. Each definition replaces the whole catalogue and is one
 * version more than the one before; failures are recorded against the causes of the current version only.
 *
 * @param version the catalogue's version: 1 for the first definition, 0 while none has been defined
 * @param causes  every cause, parents before their children, in the order of the definition
 */
public record FailureCauseCatalogue(int version, List<FailureCause> causes) {
    /**
     * Copies the causes.
     *
     * @param version the catalogue's version
     * @param causes  every cause
     */
    public FailureCauseCatalogue {
        causes = causes == null ? List.of() : List.copyOf(causes);
    }

    /**
     * Finds a cause by its code.
     *
     * @param code a cause code
     * @return the cause with that code, if the catalogue has it
     */
    public Optional<FailureCause> cause(String code) {
        return causes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The causes that refine a cause directly.
     *
     * @param code a cause code
     * @return its children, in the order of the definition; empty for a leaf or an unknown code
     */
    public List<FailureCause> children(String code) {
        return causes.stream().filter(c -> c.parent().filter(code::equals).isPresent()).toList();
    }
}
