package dev.supportkit.core.internal.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.spi.DataCodec;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JSON for API records. The API carries no Jackson annotations: identifiers and channels (by
 * {@link Channel#name()}, so a built-in channel reads as the enum it once was) are written as plain
 * strings by a module, and {@link RequestEvent} gets its {@code type} property from a mix-in, with
 * the subtypes taken from the sealed interface itself.
 */
public final class JacksonCodec implements DataCodec {

    /** Adds the type discriminator to the sealed event hierarchy without touching the API. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface RequestEventMixIn {
    }

    private static final List<IdType<?>> ID_TYPES = List.of(
            new IdType<>(TenantId.class, TenantId::new),
            new IdType<>(OrganizationId.class, OrganizationId::new),
            new IdType<>(RepresentativeId.class, RepresentativeId::new),
            new IdType<>(SiteId.class, SiteId::new),
            new IdType<>(SystemId.class, SystemId::new),
            new IdType<>(ComponentId.class, ComponentId::new),
            new IdType<>(GroupId.class, GroupId::new),
            new IdType<>(DepartmentId.class, DepartmentId::new),
            new IdType<>(SpecialistId.class, SpecialistId::new),
            new IdType<>(RequestId.class, RequestId::new),
            new IdType<>(ContactId.class, ContactId::new),
            new IdType<>(IncidentId.class, IncidentId::new),
            new IdType<>(QuestionnaireId.class, QuestionnaireId::new),
            new IdType<>(ArticleId.class, ArticleId::new),
            new IdType<>(FaqId.class, FaqId::new),
            new IdType<>(Channel.class, Channel::of));

    private static final Map<String, Class<?>> EVENT_TYPES = Arrays.stream(RequestEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper mapper;
    /**
     * A reader per record type, made once: it holds the type's deserializer, so a read skips the mapper's
     * lookups of the type and of its deserializer (a queue page reads 51 documents).
     */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    /** Creates a codec with its own mapper. */
    public JacksonCodec() {
        SimpleModule ids = new SimpleModule("supportkit-ids");
        ID_TYPES.forEach(type -> type.register(ids));
        this.mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(ids)
                .addMixIn(RequestEvent.class, RequestEventMixIn.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        EVENT_TYPES.forEach((name, type) -> mapper.registerSubtypes(new NamedType(type, name)));
    }

    /**
     * Returns the configured mapper, shared by the engine's components.
     *
     * @return the configured mapper, shared by the engine's components
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    @Override
    public <T> T fromJson(String json, Class<T> type) {
        try {
            return readers.computeIfAbsent(type, mapper::readerFor).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read " + type.getName() + " from JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The name an event is stored under: the simple name of its record.
     *
     * @param event the event
     * @return e.g. {@code Registered}
     */
    public static String eventType(RequestEvent event) {
        return event.getClass().getSimpleName();
    }

    /**
     * Reads an event stored under a type name.
     *
     * @param type the stored type name
     * @param json the payload
     * @return the event
     */
    public RequestEvent readEvent(String type, String json) {
        if (!EVENT_TYPES.containsKey(type)) {
            throw new IllegalStateException("Unknown journal event type '" + type + "'");
        }
        return fromJson(json, RequestEvent.class);
    }

    /** An identifier record written as its plain string value. */
    private record IdType<T>(Class<T> type, Function<String, T> parse) {
        void register(SimpleModule module) {
            module.addSerializer(type, new JsonSerializer<T>() {
                @Override
                public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeString(value.toString());
                }
            });
            module.addDeserializer(type, new JsonDeserializer<T>() {
                @Override
                public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    return parse.apply(p.getValueAsString());
                }
            });
        }
    }
}
