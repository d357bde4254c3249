package dev.supportkit.api.intake;

import dev.supportkit.api.request.RequestId;
import java.util.List;

/**
 * What an import stored.
 *
 * @param requests the ids of the new requests, in the order of the imported list
 */
public record ImportResult(List<RequestId> requests) {
    /**
     * Copies the list.
     *
     * @param requests the ids of the new requests, in the order of the imported list
     */
    public ImportResult {
        requests = List.copyOf(requests);
    }
}
