package dev.supportkit.core.internal.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Erlang C formula against values worked out by hand. */
class ErlangCTest {
    @Test
    @DisplayName("wait probability: 2 Erlangs on 3 specialists is 4/9, on 4 it is 4/23")
    void waitProbability() {
        assertEquals(4.0 / 9, ErlangC.waitProbability(3, 2.0), 1e-12);
        assertEquals(4.0 / 23, ErlangC.waitProbability(4, 2.0), 1e-12);
        assertEquals(1.0, ErlangC.waitProbability(2, 2.0), 0.0, "no more specialists than load: everyone waits");
    }

    @Test
    @DisplayName("service level and the fewest specialists for 80 % within 20 s at 180 s handling and 2 Erlangs")
    void serviceLevelAndStaff() {
        assertEquals(1 - 4.0 / 9 * Math.exp(-20.0 / 180), ErlangC.serviceLevel(3, 2.0, 180, 20), 1e-12);
        assertEquals(1 - 4.0 / 23 * Math.exp(-2 * 20.0 / 180), ErlangC.serviceLevel(4, 2.0, 180, 20), 1e-12);
        assertEquals(4, ErlangC.specialistsFor(2.0, 180, 20, 0.8));
        assertEquals(3, ErlangC.specialistsFor(2.0, 180, 20, 0.6));
        assertEquals(0, ErlangC.specialistsFor(0.0, 180, 20, 0.8));
    }
}
