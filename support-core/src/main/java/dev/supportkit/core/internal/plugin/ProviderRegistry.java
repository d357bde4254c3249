package dev.supportkit.core.internal.plugin;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses one factory per id among those registered explicitly on the engine builder and those
 * discovered: an explicit registration wins over any discovered factory; among discovered factories with
 * the same id the highest {@link ProviderFactory#order()} wins, and on a tie one from the class path wins
 * over one from a plugin, then the one listed first.
 */
public final class ProviderRegistry {
    /** What a factory id must look like: lower-case letters, digits and hyphens, not starting with a hyphen. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private ProviderRegistry() {
    }

    /**
     * @param id a factory id
     * @return true when it matches {@link #ID_PATTERN}
     */
    public static boolean isValidId(String id) {
        return id != null && ID_PATTERN.matcher(id).matches();
    }

    /**
     * Chooses one factory per id.
     *
     * @param explicit   factories registered on the engine builder; each id at most once
     * @param discovered factories found by {@link ProviderDiscovery}, e.g.
     *                   {@link DiscoveredProviders#factories(Class)}
     * @param <F>        the factory interface
     * @return the chosen factory for each id, sorted by id; unmodifiable
     * @throws ConfigurationException listing every invalid id and every id registered explicitly twice
     */
    public static <F extends ProviderFactory<?>> Map<String, F> resolve(List<F> explicit, List<F> discovered) {
        Objects.requireNonNull(explicit, "explicit");
        Objects.requireNonNull(discovered, "discovered");
        List<String> problems = new ArrayList<>();

        Map<String, F> chosen = new TreeMap<>();
        for (F factory : explicit) {
            Objects.requireNonNull(factory, "explicit factory");
            String problem = checkId(factory, "registered explicitly");
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            F previous = chosen.putIfAbsent(factory.id(), factory);
            if (previous != null && previous != factory) {
                problems.add("Provider factory id '" + factory.id() + "' is registered explicitly more than once: "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }

        Map<String, List<F>> candidates = new LinkedHashMap<>();
        for (F factory : discovered) {
            Objects.requireNonNull(factory, "discovered factory");
            String problem = checkId(factory, "from " + ProviderSource.of(factory.getClass()));
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            candidates.computeIfAbsent(factory.id(), id -> new ArrayList<>()).add(factory);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }

        Comparator<F> preference = Comparator.<F>comparingInt(f -> f.order()).reversed()
                .thenComparing(f -> ProviderSource.of(f.getClass()).isClasspath() ? 0 : 1);
        for (Map.Entry<String, List<F>> entry : candidates.entrySet()) {
            String id = entry.getKey();
            List<F> sameId = entry.getValue();
            F explicitFactory = chosen.get(id);
            if (explicitFactory != null) {
                LOG.info("Provider '{}': using the explicitly registered {} instead of discovered {}", id,
                        explicitFactory.getClass().getName(), describeAll(sameId));
                continue;
            }
            List<F> ranked = new ArrayList<>(sameId);
            ranked.sort(preference); // stable: on a full tie the one listed first stays first
            F winner = ranked.get(0);
            chosen.put(id, winner);
            if (ranked.size() > 1) {
                LOG.info("Provider '{}': chose {} over {}", id, describe(winner),
                        describeAll(ranked.subList(1, ranked.size())));
            } else {
                LOG.debug("Provider '{}': {}", id, describe(winner));
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(chosen));
    }

    /**
     * Checks a factory's id.
     *
     * @param factory the factory
     * @param where   where it comes from, for the message (e.g. {@code on the class path})
     * @return the problem, or null when the id is valid
     */
    static String checkId(ProviderFactory<?> factory, String where) {
        String id;
        try {
            id = factory.id();
        } catch (RuntimeException e) {
            return "Provider factory " + factory.getClass().getName() + " (" + where + ") fails to return its id: "
                    + ProviderDiscovery.describe(e);
        }
        if (!isValidId(id)) {
            return "Provider factory " + factory.getClass().getName() + " (" + where + ") has invalid id "
                    + (id == null ? "null" : "'" + id + "'") + ": an id must match " + ID_PATTERN.pattern()
                    + " (lower-case letters, digits and hyphens)";
        }
        return null;
    }

    private static String describe(ProviderFactory<?> factory) {
        return factory.getClass().getName() + " (order " + factory.order() + ", from "
                + ProviderSource.of(factory.getClass()) + ")";
    }

    private static String describeAll(List<? extends ProviderFactory<?>> factories) {
        List<String> descriptions = new ArrayList<>();
        for (ProviderFactory<?> factory : factories) {
            descriptions.add(describe(factory));
        }
        return String.join(", ", descriptions);
    }
}
