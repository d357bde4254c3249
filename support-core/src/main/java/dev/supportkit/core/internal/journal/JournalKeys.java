package dev.supportkit.core.internal.journal;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.JournalSettings;
import dev.supportkit.core.internal.config.JournalSettings.Key;
import dev.supportkit.spi.storage.JournalRecord;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals journal records and checks their seals. With a key configured for the record's tenant the seal is
 * {@code hmac-sha256:<key id>:<hex>}, an HMAC-SHA-256 over the record's canonical text (see
 * {@link HashChain}), so whoever can write the tables but does not hold the key cannot re-chain a forged
 * entry. Without a key it is the plain SHA-256 hex, which shows accidents and careless edits only.
 */
public final class JournalKeys {
    /** How a keyed seal starts. */
    static final String KEYED = "hmac-sha256:";

    private final Map<String, Key> keys;
    private final Map<String, Key> activeByTenant = new TreeMap<>();
    private final Optional<Instant> acceptUnkeyedBefore;

    /**
     * @param settings the engine's settings; their journal keys are used
     */
    @Inject
    public JournalKeys(EngineSettings settings) {
        this(settings.journal());
    }

    /**
     * @param settings the journal's keys
     */
    public JournalKeys(JournalSettings settings) {
        this.keys = settings.keys();
        this.acceptUnkeyedBefore = settings.acceptUnkeyedBefore();
        keys.values().stream().filter(Key::active).forEach(key -> activeByTenant.put(key.tenant(), key));
    }

    /**
     * Computes the seal a new record carries: keyed with the tenant's active key when there is one.
     *
     * @param unsigned the record (its own {@code hash} field is ignored)
     * @return the seal
     */
    public String seal(JournalRecord unsigned) {
        Optional<Key> key = activeKey(unsigned.tenant());
        return key.isPresent() ? keyedSeal(key.get(), unsigned) : HashChain.hash(unsigned);
    }

    /**
     * Checks a stored record's seal.
     *
     * @param r              the stored record
     * @param afterKeyedSeal whether an earlier entry of the same chain carries a keyed seal (then a plain one
     *                       is never accepted)
     * @return what is wrong, phrased to follow "entry N ", or empty when the seal holds
     */
    Optional<String> problem(JournalRecord r, boolean afterKeyedSeal) {
        String seal = r.hash();
        if (seal.startsWith(KEYED)) {
            int colon = seal.indexOf(':', KEYED.length());
            String keyId = colon < 0 ? "" : seal.substring(KEYED.length(), colon);
            Key key = keys.get(keyId);
            if (key == null || !serves(key, r.tenant())) {
                return Optional.of("is sealed with key '" + printable(keyId) + "', which is not configured for tenant '"
                        + r.tenant() + "' (a retired key must stay configured with active = false)");
            }
            return equal(keyedSeal(key, r), seal) ? Optional.empty()
                    : Optional.of("was altered: its content does not match its seal");
        }
        if (hasKeys(r.tenant())) {
            boolean legacy = !afterKeyedSeal && acceptUnkeyedBefore.isPresent()
                    && r.occurredAt().isBefore(acceptUnkeyedBefore.get());
            if (!legacy) {
                return Optional.of("is not sealed with the tenant's key: it was written or rewritten without it");
            }
        }
        return equal(HashChain.hash(r), seal) ? Optional.empty()
                : Optional.of("was altered: its content does not match its hash");
    }

    /**
     * Tells whether a seal is keyed.
     *
     * @param seal a stored seal
     * @return whether it is an HMAC seal
     */
    static boolean isKeyed(String seal) {
        return seal.startsWith(KEYED);
    }

    private boolean hasKeys(TenantId tenant) {
        return keys.values().stream().anyMatch(key -> serves(key, tenant));
    }

    private Optional<Key> activeKey(TenantId tenant) {
        Key own = activeByTenant.get(tenant.value());
        return Optional.ofNullable(own != null ? own : activeByTenant.get(JournalSettings.ANY_TENANT));
    }

    private static boolean serves(Key key, TenantId tenant) {
        return key.tenant().equals(JournalSettings.ANY_TENANT) || key.tenant().equals(tenant.value());
    }

    private static String keyedSeal(Key key, JournalRecord r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return KEYED + key.id() + ":" + HexFormat.of().formatHex(mac.doFinal(HashChain.input(r)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
