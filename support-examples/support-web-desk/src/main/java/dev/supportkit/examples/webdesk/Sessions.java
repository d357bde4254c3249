package dev.supportkit.examples.webdesk;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions: a random 256-bit id in an {@code HttpOnly}, {@code SameSite=Strict} cookie (also
 * {@code Secure} when configured), each with its own CSRF token that every form and every state-changing API
 * call must carry. Idle sessions expire after eight hours. In memory: a restart logs everybody out.
 */
public final class Sessions {
    /** The session cookie's name. */
    public static final String COOKIE = "desk_session";
    private static final Duration IDLE = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final boolean secureCookies;

    /**
     * A session store.
     *
     * @param clock         the clock for expiry
     * @param secureCookies whether cookies are {@code Secure}
     */
    public Sessions(Clock clock, boolean secureCookies) {
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    /**
     * One logged-in person.
     */
    public static final class Session {
        private final String id;
        private final DeskUser user;
        private final String csrfToken;
        private volatile Locale language;
        private volatile Instant lastSeen;
        private volatile String flash;

        private Session(String id, DeskUser user, Instant now) {
            this.id = id;
            this.user = user;
            this.csrfToken = token();
            this.language = user.language();
            this.lastSeen = now;
        }

        /**
         * The person.
         *
         * @return the user
         */
        public DeskUser user() {
            return user;
        }

        /**
         * The token forms and API calls must send back.
         *
         * @return the CSRF token
         */
        public String csrfToken() {
            return csrfToken;
        }

        /**
         * The language of the pages: the user's, until they switch.
         *
         * @return the language
         */
        public Locale language() {
            return language;
        }

        /**
         * Switches the language for this session.
         *
         * @param value the language
         */
        public void language(Locale value) {
            language = value;
        }

        /**
         * Leaves a message for the next page.
         *
         * @param message the message
         */
        public void flash(String message) {
            flash = message;
        }

        /**
         * Takes the message left for this page.
         *
         * @return the message, once
         */
        public Optional<String> takeFlash() {
            String message = flash;
            flash = null;
            return Optional.ofNullable(message);
        }

        /**
         * Whether a token sent with a form or call is this session's, compared in constant time.
         *
         * @param sent the token sent, may be null
         * @return true when it matches
         */
        public boolean csrfMatches(String sent) {
            return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    csrfToken.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Opens a session for a person who has just logged in.
     *
     * @param user the person
     * @return the session
     */
    public Session open(DeskUser user) {
        Session session = new Session(token(), user, clock.instant());
        sessions.put(session.id, session);
        return session;
    }

    /**
     * The live session of a cookie value.
     *
     * @param id the cookie value, may be null
     * @return the session, if live
     */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null || session.lastSeen.plus(IDLE).isBefore(now)) {
            if (session != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /**
     * Ends a session.
     *
     * @param session the session
     */
    public void close(Session session) {
        sessions.remove(session.id);
    }

    /**
     * The {@code Set-Cookie} header value that carries a session.
     *
     * @param session the session
     * @return the header value
     */
    public String cookie(Session session) {
        return COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "");
    }

    /**
     * The {@code Set-Cookie} header value that removes the session cookie.
     *
     * @return the header value
     */
    public String expiredCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : "");
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
