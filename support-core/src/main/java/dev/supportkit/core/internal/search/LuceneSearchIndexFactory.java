package dev.supportkit.core.internal.search;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchIndexFactory;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code lucene} search index, built into the engine and its default
 * ({@code supportkit.search.provider=lucene}). Its settings are the keys
 * {@code supportkit.providers.lucene.*}:
 * <ul>
 *   <li>{@code directory}: a directory for a persistent index (created when missing; one engine at a
 *       time). Without it the index lives in memory and is empty after every start.</li>
 * </ul>
 * Unknown keys are reported as a {@link ConfigurationException}.
 */
public final class LuceneSearchIndexFactory implements SearchIndexFactory {
    /** The id configuration selects this index by. */
    public static final String ID = "lucene";
    /** Setting: the index directory; absent for an in-memory index. */
    public static final Setting<String> DIRECTORY = Setting.string("directory")
            .description("where the index keeps its files; leave it out for an in-memory index rebuilt from "
                    + "storage at start").build();

    private static final String PREFIX = "supportkit.providers." + ID + ".";
    private static final List<Setting<?>> SETTINGS = List.of(DIRECTORY);

    /** Creates the factory; the engine always has one. */
    public LuceneSearchIndexFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Opens the index in the configured directory, or creates an in-memory one.
     *
     * @param context the engine's clock, node id, codec and this provider's settings
     * @return the index
     * @throws ConfigurationException                         on an unknown setting or a directory that is no path
     * @throws dev.supportkit.api.error.ProviderException     when the index cannot be opened
     */
    @Override
    public SearchIndex create(ProviderContext context) {
        SettingsReader reader = SettingsReader.of(PREFIX, context.settings(), SETTINGS);
        Path path = null;
        Optional<String> directory = reader.optional(DIRECTORY);
        if (directory.isPresent()) {
            try {
                path = Path.of(directory.get());
            } catch (InvalidPathException e) {
                reader.problem(DIRECTORY, "'" + directory.get() + "' is not a valid path (" + e.getReason() + ")");
            }
        }
        reader.throwIfProblems();
        return path == null ? LuceneSearchIndex.inMemory() : LuceneSearchIndex.open(path);
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }

    /**
     * Ranks below any other {@code lucene} factory found, so a replacement on the class path or in a
     * plugin wins.
     *
     * @return -100
     */
    @Override
    public int order() {
        return -100;
    }
}
