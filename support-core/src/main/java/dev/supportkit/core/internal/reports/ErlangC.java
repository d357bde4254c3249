package dev.supportkit.core.internal.reports;

/**
 * The Erlang C queueing formula: the chance that a request waits, and the share answered within a target
 * time, for a number of specialists and an offered load (arrival rate times handling time, in Erlangs).
 */
final class ErlangC {
    private ErlangC() {
    }

    /**
     * @param specialists how many work in parallel, above the load
     * @param load        the offered load in Erlangs
     * @return the probability that a request has to wait (Erlang C), from Erlang B by its recurrence
     */
    static double waitProbability(int specialists, double load) {
        if (specialists <= load) {
            return 1.0;
        }
        double blocking = 1.0;
        for (int k = 1; k <= specialists; k++) {
            blocking = load * blocking / (k + load * blocking);
        }
        return specialists * blocking / (specialists - load * (1 - blocking));
    }

    /**
     * @param specialists  how many work in parallel
     * @param load         the offered load in Erlangs
     * @param handlingTime the average handling time, in seconds
     * @param target       the target time to answer, in seconds
     * @return the share of requests answered within the target time
     */
    static double serviceLevel(int specialists, double load, double handlingTime, double target) {
        if (load <= 0) {
            return 1.0;
        }
        if (specialists <= load) {
            return 0.0;
        }
        return 1 - waitProbability(specialists, load) * Math.exp(-(specialists - load) * target / handlingTime);
    }

    /**
     * @param load         the offered load in Erlangs
     * @param handlingTime the average handling time, in seconds
     * @param target       the target time to answer, in seconds
     * @param share        the share to answer within it
     * @return the fewest specialists that meet the target; 0 without load
     */
    static int specialistsFor(double load, double handlingTime, double target, double share) {
        if (load <= 0) {
            return 0;
        }
        int specialists = (int) Math.floor(load) + 1;
        while (serviceLevel(specialists, load, handlingTime, target) < share) {
            specialists++;
        }
        return specialists;
    }
}
