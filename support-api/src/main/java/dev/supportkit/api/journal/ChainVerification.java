package dev.supportkit.api.journal;

import dev.supportkit.api.request.RequestId;
import java.util.Optional;

/**
 * The result of checking a request's journal hash chain.
 *
 * @param request        the request checked
 * @param intact         true when every entry is present, unaltered and in order
 * @param entriesChecked how many entries were read
 * @param brokenAt       the sequence number of the first bad entry, if any
 * @param problem        what is wrong, if anything
 */
public record ChainVerification(RequestId request, boolean intact, long entriesChecked, Optional<Long> brokenAt,
                                Optional<String> problem) {
    /**
     * A chain that verified.
     *
     * @param request the request
     * @param entries how many entries were checked
     * @return the result
     */
    public static ChainVerification verified(RequestId request, long entries) {
        return new ChainVerification(request, true, entries, Optional.empty(), Optional.empty());
    }

    /**
     * A broken chain.
     *
     * @param request  the request
     * @param entries  how many entries were read
     * @param brokenAt the first bad sequence number
     * @param problem  what is wrong
     * @return the result
     */
    public static ChainVerification broken(RequestId request, long entries, long brokenAt, String problem) {
        return new ChainVerification(request, false, entries, Optional.of(brokenAt), Optional.of(problem));
    }
}
