package dev.supportkit.core.internal.intake;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.intake.IncidentScope;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.IntakeSettings.MassIncidentDetection;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mass incidents in the storage catalogue, and their detection at registration.
 *
 * <p>An incident is catalogue kind {@value #KIND} (id = incident id, version = the incident's version, key
 * {@code open} or {@code resolved}). Detection keeps one bookkeeping document per scope value, kind
 * {@value #WINDOW_KIND} (id = {@code SCOPE:value}): the requests registered about that value within the window,
 * and the open incident of that value. Every registration that looks at a value writes a new version of its
 * document, and every request linked to an open incident writes a new version of the incident; as versions are
 * the catalogue's primary key, two concurrent registrations about one value conflict instead of both creating
 * an incident (the loser is retried by the intake service).
 */
public final class MassIncidents {
    /** The catalogue kind of mass incidents. */
    public static final String KIND = "mass-incident";
    /** The catalogue kind of detection bookkeeping. */
    public static final String WINDOW_KIND = "incident-window";
    private static final String OPEN = "open";
    private static final String RESOLVED = "resolved";

    private final JacksonCodec codec;
    private final Optional<MassIncidentDetection> detection;

    /**
     * The requests registered about one scope value within the window, and its open incident.
     *
     * @param recent       the requests, oldest first
     * @param openIncident the incident requests with this value are linked to while it is open
     */
    public record Window(List<Entry> recent, Optional<IncidentId> openIncident) {
        /**
         * Copies the list.
         *
         * @param recent       the requests
         * @param openIncident the open incident, if any
         */
        public Window {
            recent = recent == null ? List.of() : List.copyOf(recent);
            openIncident = openIncident == null ? Optional.empty() : openIncident;
        }
    }

    /**
     * One request in a window.
     *
     * @param request      the request
     * @param registeredAt when it was registered
     */
    public record Entry(RequestId request, Instant registeredAt) {
    }

    /**
     * A scope value of a request being registered.
     *
     * @param scope   the scope
     * @param value   the value as shown (the model, site id or category)
     * @param label   how the value reads in the incident's title, e.g. {@code site Head office (site-hq)}
     */
    record ScopeValue(IncidentScope scope, String value, String label) {
    }

    /**
     * What detection decided for a request being registered.
     *
     * @param incident the incident the request is to be linked to (already written)
     * @param others   the earlier requests to link as well (a new incident's), as stored now
     * @param detected whether the incident was created by this registration
     */
    record Link(MassIncident incident, List<Request> others, boolean detected) {
    }

    /**
     * @param codec    the engine's JSON codec
     * @param settings the engine's settings (mass-incident detection)
     */
    @Inject
    public MassIncidents(JacksonCodec codec, EngineSettings settings) {
        this.codec = codec;
        this.detection = settings.intake().massIncident();
    }

    /**
     * Returns whether detection is configured.
     *
     * @return whether detection is configured
     */
    boolean enabled() {
        return detection.isPresent();
    }

    /**
     * Looks at the request's scope values in the configured order: an open incident of a value links the
     * request; otherwise the request is counted in the value's window, and reaching the threshold creates an
     * incident with every request counted. Writes the incident and bookkeeping documents.
     *
     * @param tx      the open transaction
     * @param tenant  the tenant
     * @param request the request being registered (not stored yet)
     * @param now     the registration time
     * @param values  the request's scope values
     * @return the incident to link the request to, if any
     */
    Optional<Link> detect(StorageTransaction tx, TenantId tenant, RequestId request, Instant now,
                          Map<IncidentScope, ScopeValue> values) {
        if (detection.isEmpty()) {
            return Optional.empty();
        }
        MassIncidentDetection d = detection.get();
        for (IncidentScope scope : d.scopes()) {
            ScopeValue value = values.get(scope);
            if (value == null) {
                continue;
            }
            String windowId = windowId(scope, value.value());
            Optional<CatalogRecord> stored = tx.findCatalogRecord(tenant, WINDOW_KIND, windowId);
            Window window = stored.map(r -> codec.fromJson(r.data(), Window.class))
                    .orElseGet(() -> new Window(List.of(), Optional.empty()));
            int nextVersion = stored.map(CatalogRecord::version).orElse(0) + 1;
            if (window.openIncident().isPresent()) {
                Optional<CatalogRecord> incidentRecord = tx.findCatalogRecord(tenant, KIND,
                        window.openIncident().get().value());
                Optional<MassIncident> incident = incidentRecord.map(this::decode);
                if (incident.isPresent() && incident.get().open()) {
                    MassIncident current = incident.get();
                    List<RequestId> linked = new ArrayList<>(current.requests());
                    linked.add(request);
                    MassIncident updated = new MassIncident(current.id(), current.scope(), current.scopeValue(),
                            current.title(), true, current.detectedAt(), linked, Optional.empty(), Optional.empty(),
                            current.version() + 1);
                    write(tx, tenant, updated, now);
                    return Optional.of(new Link(updated, List.of(), false));
                }
                window = new Window(window.recent(), Optional.empty());
            }
            Instant since = now.minus(d.window());
            List<Entry> recent = new ArrayList<>();
            List<Request> counted = new ArrayList<>();
            for (Entry entry : window.recent()) {
                if (!entry.registeredAt().isAfter(since)) {
                    continue;
                }
                Optional<Request> earlier = tx.findRequest(tenant, entry.request());
                if (earlier.isEmpty() || earlier.get().status() == RequestStatus.CLOSED
                        || earlier.get().intake().incident().isPresent()) {
                    continue;
                }
                recent.add(entry);
                counted.add(earlier.get());
            }
            recent.add(new Entry(request, now));
            if (recent.size() >= d.threshold()) {
                MassIncident incident = new MassIncident(IncidentId.of(UUID.randomUUID().toString()), scope,
                        value.value(), "Mass incident: " + value.label(), true, now,
                        recent.stream().map(Entry::request).toList(), Optional.empty(), Optional.empty(), 1);
                write(tx, tenant, incident, now);
                tx.insertCatalogRecord(new CatalogRecord(tenant, WINDOW_KIND, windowId, nextVersion, Optional.empty(),
                        now, codec.toJson(new Window(List.of(), Optional.of(incident.id())))));
                return Optional.of(new Link(incident, counted, true));
            }
            tx.insertCatalogRecord(new CatalogRecord(tenant, WINDOW_KIND, windowId, nextVersion, Optional.empty(),
                    now, codec.toJson(new Window(recent, Optional.empty()))));
        }
        return Optional.empty();
    }

    /**
     * Stores a new version of an incident.
     *
     * @param tx       the open transaction
     * @param tenant   the tenant
     * @param incident the incident with its new version
     * @param now      the time
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when that version is stored already
     */
    void write(StorageTransaction tx, TenantId tenant, MassIncident incident, Instant now) {
        tx.insertCatalogRecord(new CatalogRecord(tenant, KIND, incident.id().value(), incident.version(),
                Optional.of(incident.open() ? OPEN : RESOLVED), now, codec.toJson(incident)));
    }

    /**
     * One incident.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param id     the incident
     * @return its latest version, if it exists
     */
    Optional<MassIncident> find(StorageTransaction tx, TenantId tenant, IncidentId id) {
        return tx.findCatalogRecord(tenant, KIND, id.value()).map(this::decode);
    }

    /**
     * Incidents, newest first (by detection time, then id).
     *
     * @param tx       the open transaction
     * @param tenant   the tenant
     * @param openOnly whether to leave resolved ones out
     * @return the incidents
     */
    List<MassIncident> list(StorageTransaction tx, TenantId tenant, boolean openOnly) {
        return tx.listCatalogRecords(tenant, KIND, openOnly ? Optional.of(OPEN) : Optional.empty()).stream()
                .map(this::decode)
                .sorted(Comparator.comparing(MassIncident::detectedAt).reversed()
                        .thenComparing(i -> i.id().value()))
                .toList();
    }

    private MassIncident decode(CatalogRecord record) {
        return codec.fromJson(record.data(), MassIncident.class);
    }

    /** {@code SCOPE:value} in lower case; long values are replaced by their SHA-256. */
    static String windowId(IncidentScope scope, String value) {
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        if (normalised.length() > 200) {
            try {
                normalised = "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(normalised.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
        return scope.name() + ":" + normalised;
    }
}
