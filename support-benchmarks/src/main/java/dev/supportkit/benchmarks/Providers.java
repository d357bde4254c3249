package dev.supportkit.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.Provider;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderFactory;
import dev.supportkit.spi.ProviderSettings;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Creates a provider on its own, as the engine would, for the benchmarks that measure a provider without
 * an engine: the factory is found by its id through {@link ServiceLoader} (the engine's built-in search
 * index and the plugins on the class path register theirs in {@code META-INF/services}), and gets a
 * context of the benchmarks' own.
 */
final class Providers {
    /** The node id of every provider created here. */
    static final String NODE = "bench-node";

    /**
     * What a factory gets from the benchmark.
     *
     * @param clock    the clock
     * @param nodeId   the node id
     * @param settings the provider's settings
     * @param codec    JSON for API records
     */
    private record Context(Clock clock, String nodeId, ProviderSettings settings, DataCodec codec)
            implements ProviderContext {
    }

    /** JSON with plain Jackson (and the Java time types); enough for what the measured providers store. */
    private static final class JacksonJson implements DataCodec {
        private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        @Override
        public String toJson(Object value) {
            try {
                return mapper.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T fromJson(String json, Class<T> type) {
            try {
                return mapper.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Providers() {
    }

    /**
     * Creates a provider with the factory of that id found on the class path.
     *
     * @param type     the factory interface
     * @param id       the factory id (e.g. {@code lucene}, {@code jdbc})
     * @param clock    the provider's clock
     * @param settings its settings ({@code supportkit.providers.<id>.*} without the prefix)
     * @param <P>      the provider type
     * @param <F>      the factory type
     * @return the provider
     * @throws IllegalStateException when no factory or more than one has that id
     */
    static <P extends Provider, F extends ProviderFactory<P>> P create(Class<F> type, String id, Clock clock,
                                                                      Map<String, String> settings) {
        List<F> factories = ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals(id)).toList();
        if (factories.size() != 1) {
            throw new IllegalStateException(factories.size() + " " + type.getSimpleName() + "s with id '" + id
                    + "' on the class path, expected one");
        }
        return factories.get(0).create(new Context(clock, NODE, new ProviderSettings(settings), new JacksonJson()));
    }
}
