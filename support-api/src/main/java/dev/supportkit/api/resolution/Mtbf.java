package dev.supportkit.api.resolution;

import java.util.OptionalDouble;

/**
 * The mean time between failures of one equipment model over a period.
 *
 * @param model                the equipment model
 * @param operatingHours       the hours its installed units were in operation within the period: for each unit
 *                             of the model, the overlap of [commissioned, decommissioned or the period's end)
 *                             with the period, summed
 * @param failures             the failures of the model the period holds
 * @param hoursBetweenFailures operating hours divided by failures; empty when there were no failures, or no
 *                             operating time to divide (failures of a model without installed units)
 */
public record Mtbf(String model, double operatingHours, long failures, OptionalDouble hoursBetweenFailures) {
    /**
     * Normalises an absent mean to empty.
     *
     * @param model                the equipment model
     * @param operatingHours       the operating hours in the period
     * @param failures             the failures in the period
     * @param hoursBetweenFailures the mean, or empty
     */
    public Mtbf {
        hoursBetweenFailures = hoursBetweenFailures == null ? OptionalDouble.empty() : hoursBetweenFailures;
    }
}
