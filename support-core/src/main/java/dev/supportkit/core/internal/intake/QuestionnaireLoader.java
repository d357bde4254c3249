package dev.supportkit.core.internal.intake;

import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.core.internal.config.IntakeSettings;
import dev.supportkit.core.internal.work.UnitOfWork;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the questionnaire files of {@code supportkit.intake.questionnaire-directory} when the engine starts:
 * first every file is read and checked (with the rest of the configuration), then, once storage is ready, every
 * version is stored in one transaction. A version already stored with the same content is accepted (starting
 * again with the same files is harmless); a stored version whose file changed, or a version out of sequence,
 * fails the start with a {@link ConfigurationException} naming the file, and nothing is stored.
 */
public final class QuestionnaireLoader {
    private final UnitOfWork work;
    private final QuestionnaireCatalog catalog;

    /** The questionnaires read from the directory, waiting to be stored. */
    public static final class Pending {
        private final List<QuestionnaireFiles.Loaded> loaded;

        private Pending(List<QuestionnaireFiles.Loaded> loaded) {
            this.loaded = List.copyOf(loaded);
        }

        /**
         * Returns how many questionnaire versions were read.
         *
         * @return how many questionnaire versions were read
         */
        public int size() {
            return loaded.size();
        }
    }

    /**
     * @param work    the unit of work: transactions and the engine clock
     * @param catalog the questionnaire catalogue
     */
    @Inject
    public QuestionnaireLoader(UnitOfWork work, QuestionnaireCatalog catalog) {
        this.work = work;
        this.catalog = catalog;
    }

    /**
     * Reads every questionnaire file of the directory.
     *
     * @param directory the configured directory, if any
     * @param problems  where every problem is added, naming the file and field
     * @return the questionnaires to store
     */
    public static Pending read(Optional<Path> directory, List<String> problems) {
        return new Pending(directory.map(d -> QuestionnaireFiles.readDirectory(d,
                IntakeSettings.QUESTIONNAIRE_DIRECTORY, problems)).orElse(List.of()));
    }

    /**
     * Stores the questionnaires read, all or none.
     *
     * @param pending what {@link #read} returned
     * @throws ConfigurationException naming every file whose version cannot be stored
     */
    public void store(Pending pending) {
        if (pending.loaded.isEmpty()) {
            return;
        }
        try {
            storeAll(pending);
        } catch (ConcurrencyConflictException e) {
            storeAll(pending); // another node stored the same files meanwhile; now they compare as identical
        } finally {
            pending.loaded.forEach(l -> catalog.forget(l.tenant()));
        }
    }

    private void storeAll(Pending pending) {
        work.write(tx -> {
            List<String> problems = new ArrayList<>();
            for (QuestionnaireFiles.Loaded l : pending.loaded) {
                try {
                    catalog.define(tx, l.tenant(), l.questionnaire());
                } catch (ValidationException e) {
                    for (FieldError error : e.errors()) {
                        problems.add(IntakeSettings.QUESTIONNAIRE_DIRECTORY + ": '" + l.file() + "': "
                                + error.toString().replaceFirst("^questionnaire\\.", ""));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return null;
        });
    }
}
