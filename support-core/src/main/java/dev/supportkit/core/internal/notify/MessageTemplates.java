package dev.supportkit.core.internal.notify;

import dev.supportkit.api.error.ConfigurationException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Business-communication templates (Pebble, strict variables) for every {@link MessageTopic} in
 * Russian and English: {@code <lang>/<topic>.subject.peb} and {@code <lang>/<topic>.body.peb}. A vendor's
 * directory ({@code supportkit.templates.directory}) overrides the shipped ones file by file. Every
 * template is compiled and rendered once with its topic's variables when the engine starts, so a
 * missing template or a variable the engine does not provide is a configuration error then, never a
 * blank in a customer's message.
 */
public final class MessageTemplates {
    /** The languages templates are shipped in. */
    public static final List<String> LANGUAGES = List.of("ru", "en");
    private static final String SHIPPED = "dev/supportkit/templates";

    /** A rendered message. */
    public record Rendered(String subject, String body) {
    }

    private final PebbleEngine engine;

    private MessageTemplates(PebbleEngine engine) {
        this.engine = engine;
    }

    /**
     * Loads and checks every template.
     *
     * @param overrides a vendor's template directory, if any
     * @return the templates
     * @throws ConfigurationException listing every broken or missing template
     */
    public static MessageTemplates load(Optional<Path> overrides) {
        List<Loader<?>> loaders = new ArrayList<>();
        overrides.ifPresent(dir -> {
            FileLoader files = new FileLoader(dir.toAbsolutePath().toString());
            files.setSuffix(".peb");
            files.setCharset("UTF-8");
            loaders.add(files);
        });
        ClasspathLoader shipped = new ClasspathLoader(MessageTemplates.class.getClassLoader());
        shipped.setPrefix(SHIPPED);
        shipped.setSuffix(".peb");
        shipped.setCharset("UTF-8");
        loaders.add(shipped);
        PebbleEngine engine = new PebbleEngine.Builder().loader(new DelegatingLoader(loaders)).strictVariables(true)
                .autoEscaping(false).newLineTrimming(false).build();
        MessageTemplates templates = new MessageTemplates(engine);
        List<String> problems = new ArrayList<>();
        for (MessageTopic topic : MessageTopic.values()) {
            Map<String, Object> sample = new LinkedHashMap<>();
            topic.variables().forEach(v -> sample.put(v, "<" + v + ">"));
            for (String language : LANGUAGES) {
                for (String part : List.of("subject", "body")) {
                    String name = language + "/" + topic.topic() + "." + part;
                    try {
                        templates.evaluate(name, sample, Locale.forLanguageTag(language));
                    } catch (RuntimeException e) {
                        problems.add("template '" + name + ".peb': " + rootMessage(e) + " (topic " + topic.topic()
                                + " provides " + String.join(", ", topic.variables()) + ")");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return templates;
    }

    /**
     * Renders a message.
     *
     * @param topic  the topic
     * @param locale the recipient's language; Russian when not shipped
     * @param model  the topic's variables
     * @return subject and body
     */
    public Rendered render(MessageTopic topic, Locale locale, Map<String, Object> model) {
        String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "ru";
        String base = language + "/" + topic.topic();
        return new Rendered(evaluate(base + ".subject", model, locale).strip(), evaluate(base + ".body", model, locale));
    }

    private String evaluate(String name, Map<String, Object> model, Locale locale) {
        PebbleTemplate template = engine.getTemplate(name);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, model, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
