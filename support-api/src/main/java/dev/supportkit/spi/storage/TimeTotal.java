package dev.supportkit.spi.storage;

import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.RequestId;
import java.time.Duration;

/**
 * Recorded time summed per request, specialist and labour function, as a store returns it.
 *
 * @param request    the request
 * @param specialist the specialist
 * @param function   the labour function
 * @param spent      the sum
 */
public record TimeTotal(RequestId request, SpecialistId specialist, LaborFunction function, Duration spent) {
}
