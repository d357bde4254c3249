package dev.supportkit.core.internal.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Day-to-day work, from the keys under {@code supportkit.work.}:
 * <pre>
 * supportkit.work.plan-visible-to-customer = false       (whether a customer sees the work plan's tasks)
 * supportkit.work.attachments.max-bytes = 26214400       (the largest attachment: 25 MiB; at most 2 GiB)
 * supportkit.work.attachments.types = text/plain, application/pdf, image/*, ...   (media types allowed;
 *                                                          "type/*" allows every subtype)
 * supportkit.work.attachments.directory = /var/lib/supportkit/files   (keep attachments in files there
 *                                                          instead of the storage provider's blob store)
 * supportkit.work.visits.travel-buffer-minutes = 30      (a technician is held this long after each visit;
 *                                                          a multiple of 15, at most 480)
 * supportkit.work.visits.offer-minutes = 1440            (how long the customer may confirm an offered window)
 * supportkit.work.configuration-categories = configuration, configuration.hardware, configuration.software,
 *                                            configuration.hardware-software
 *                                                        (requests of these categories are resolved as C/02.6)
 * </pre>
 * By default a customer representative's view of a request carries no work plan. When set, it carries the
 * plan's tasks (what, by whom, by when, done or not) without the executors' notes on finishing them.
 *
 * @param planVisibleToCustomer whether customers see the work plan's milestones
 * @param maxAttachmentBytes    the largest attachment
 * @param attachmentTypes       the media types allowed, lower case; "type/*" allows a whole type
 * @param attachmentDirectory   where attachments are kept as files, if not in the storage provider
 * @param travelBuffer          how long a technician is held after each visit
 * @param offerValidity         how long an offer of visit windows can be confirmed
 * @param configurationCategories problem categories of configuration help: resolved as C/02.6
 */
public record WorkSettings(boolean planVisibleToCustomer, long maxAttachmentBytes, List<String> attachmentTypes,
                           Optional<Path> attachmentDirectory, java.time.Duration travelBuffer,
                           java.time.Duration offerValidity, List<String> configurationCategories) {
    /** The key prefix. */
    public static final String PREFIX = "supportkit.work.";
    /** The attachment types allowed when none are configured: documents, images, logs and archives. */
    public static final List<String> DEFAULT_TYPES = List.of("text/plain", "text/csv", "application/pdf",
            "application/json", "application/xml", "application/zip", "image/*",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/msword",
            "application/vnd.ms-excel");
    /** The largest attachment when none is configured: 25 MiB. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    /** The defaults: the plan is internal; 25 MiB attachments of the default types, in the storage provider. */
    public static final WorkSettings DEFAULTS = new WorkSettings(false, DEFAULT_MAX_BYTES, DEFAULT_TYPES,
            Optional.empty(), java.time.Duration.ofMinutes(30), java.time.Duration.ofDays(1),
            List.of("configuration", "configuration.hardware", "configuration.software",
                    "configuration.hardware-software"));

    private static final long MAX_BYTES_LIMIT = 2L * 1024 * 1024 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\\*)");

    /**
     * Copies the list.
     *
     * @param planVisibleToCustomer whether customers see the work plan
     * @param maxAttachmentBytes    the largest attachment
     * @param attachmentTypes       the media types allowed
     * @param attachmentDirectory   where attachments are kept as files, if anywhere
     * @param travelBuffer          how long a technician is held after each visit
     * @param offerValidity         how long an offer can be confirmed
     * @param configurationCategories categories of configuration help
     */
    public WorkSettings {
        attachmentTypes = List.copyOf(attachmentTypes);
        configurationCategories = List.copyOf(configurationCategories);
    }

    /**
     * @param contentType a media type as an upload names it (parameters such as {@code ;charset=} are ignored)
     * @return whether attachments of that type are allowed
     */
    public boolean allows(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String major = type.contains("/") ? type.substring(0, type.indexOf('/')) : type;
        return attachmentTypes.contains(type) || attachmentTypes.contains(major + "/*");
    }

    /**
     * Parses the {@code supportkit.work.} keys.
     *
     * @param values   every configured {@code supportkit.work.*} key with its values
     * @param problems where to report problems
     * @return the settings
     */
    static WorkSettings parse(Map<String, List<String>> values, List<String> problems) {
        boolean planVisible = DEFAULTS.planVisibleToCustomer();
        long maxBytes = DEFAULT_MAX_BYTES;
        List<String> types = DEFAULT_TYPES;
        Optional<Path> directory = Optional.empty();
        java.time.Duration travel = DEFAULTS.travelBuffer();
        java.time.Duration offers = DEFAULTS.offerValidity();
        List<String> configuration = DEFAULTS.configurationCategories();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String key = entry.getKey();
            String value = String.join(",", entry.getValue()).strip();
            switch (key.substring(PREFIX.length())) {
                case "plan-visible-to-customer" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        problems.add(key + ": must be true or false, was '" + value + "'");
                    }
                    planVisible = Boolean.parseBoolean(value);
                }
                case "attachments.max-bytes" -> {
                    try {
                        maxBytes = Long.parseLong(value);
                        if (maxBytes < 1 || maxBytes > MAX_BYTES_LIMIT) {
                            problems.add(key + ": must be 1 to " + MAX_BYTES_LIMIT + " bytes, was " + value);
                        }
                    } catch (NumberFormatException e) {
                        problems.add(key + ": must be a number of bytes, was '" + value + "'");
                    }
                }
                case "attachments.types" -> {
                    List<String> parsed = new ArrayList<>();
                    for (String type : value.split(",")) {
                        String t = type.strip().toLowerCase(Locale.ROOT);
                        if (!MEDIA_TYPE.matcher(t).matches()) {
                            problems.add(key + ": '" + type.strip() + "' is not a media type such as text/plain or"
                                    + " image/*");
                        }
                        parsed.add(t);
                    }
                    types = parsed;
                }
                case "attachments.directory" -> {
                    if (value.isEmpty()) {
                        problems.add(key + ": must name a directory");
                    } else {
                        directory = Optional.of(Path.of(value));
                    }
                }
                case "visits.travel-buffer-minutes" -> {
                    try {
                        int minutes = Integer.parseInt(value);
                        if (minutes < 0 || minutes > 480 || minutes % 15 != 0) {
                            problems.add(key + ": must be a multiple of 15 from 0 to 480, was " + value);
                        }
                        travel = java.time.Duration.ofMinutes(minutes);
                    } catch (NumberFormatException e) {
                        problems.add(key + ": must be a number of minutes, was '" + value + "'");
                    }
                }
                case "visits.offer-minutes" -> {
                    try {
                        int minutes = Integer.parseInt(value);
                        if (minutes < 1 || minutes > 43_200) {
                            problems.add(key + ": must be 1 to 43200 minutes, was " + value);
                        }
                        offers = java.time.Duration.ofMinutes(minutes);
                    } catch (NumberFormatException e) {
                        problems.add(key + ": must be a number of minutes, was '" + value + "'");
                    }
                }
                case "configuration-categories" -> configuration = java.util.Arrays.stream(value.split(","))
                        .map(String::strip).filter(c -> !c.isEmpty()).toList();
                default -> problems.add(key + ": unknown work key (known: " + PREFIX + "plan-visible-to-customer, "
                        + PREFIX + "attachments.max-bytes, " + PREFIX + "attachments.types, " + PREFIX
                        + "attachments.directory, " + PREFIX + "visits.travel-buffer-minutes, " + PREFIX
                        + "visits.offer-minutes, " + PREFIX + "configuration-categories)");
            }
        }
        return new WorkSettings(planVisible, maxBytes, types, directory, travel, offers, configuration);
    }
}
