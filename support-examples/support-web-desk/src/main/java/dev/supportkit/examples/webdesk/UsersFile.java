package dev.supportkit.examples.webdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users file: a small YAML list mapping logins to SupportKit actors. It is an example of the mapping an
 * embedder replaces with their own identity provider (LDAP, OpenID Connect, …): SupportKit itself never
 * authenticates anybody, it only authorises the {@link dev.supportkit.api.Actor} it is given.
 *
 * <pre>
 * tenant: nordtel-service
 * users:
 *   - login: irina                       # = the representative's id in the directory
 *     name: Irina Petrova
 *     password: pbkdf2-sha256$210000$…   # java … Passwords &lt;password&gt;
 *     role: CUSTOMER_REPRESENTATIVE
 *     organization: romashka             # customers only
 *     language: ru                       # ru or en
 * </pre>
 */
public final class UsersFile {
    private final Map<String, DeskUser> users;

    private UsersFile(Map<String, DeskUser> users) {
        this.users = Map.copyOf(users);
    }

    /**
     * Reads a users file.
     *
     * @param path the YAML file
     * @return the users
     * @throws IllegalArgumentException naming every bad entry and field
     */
    public static UsersFile read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + path, e);
        }
    }

    /**
     * Reads the demo users shipped with the desk (all with the password {@code demo}).
     *
     * @return the demo users
     */
    public static UsersFile demo() {
        try (InputStream in = UsersFile.class.getResourceAsStream("/webdesk/demo-users.yaml")) {
            if (in == null) {
                throw new IllegalStateException("webdesk/demo-users.yaml is missing from the class path");
            }
            return read(in, "demo-users.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UsersFile read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<String> problems = new ArrayList<>();
        String tenantText = root == null ? "" : root.path("tenant").asText("");
        if (tenantText.isBlank()) {
            problems.add("tenant [required]: the users file names its tenant");
        }
        Map<String, DeskUser> users = new LinkedHashMap<>();
        JsonNode list = root == null ? null : root.get("users");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("users [required]: the users file lists at least one user");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String at = "users[" + i + "]";
                String login = node.path("login").asText("");
                String password = node.path("password").asText("");
                String roleText = node.path("role").asText("");
                String org = node.path("organization").asText("");
                String group = node.path("group").asText("");
                String language = node.path("language").asText("en");
                Role role = null;
                if (!login.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                    problems.add(at + ".login [pattern]: 1 to 64 of a-z, 0-9, '.', '_', '-'");
                } else if (users.containsKey(login)) {
                    problems.add(at + ".login [unique]: '" + login + "' is listed twice");
                }
                if (!password.startsWith(Passwords.SCHEME + "$")) {
                    problems.add(at + ".password [hash]: a " + Passwords.SCHEME + " hash (run Passwords), never a clear password");
                }
                try {
                    role = Role.valueOf(roleText);
                    if (role == Role.SYSTEM) {
                        problems.add(at + ".role [allowed]: nobody logs in as SYSTEM");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(at + ".role [allowed]: one of " + List.of(Role.values()));
                }
                if (role == Role.CUSTOMER_REPRESENTATIVE && org.isBlank()) {
                    problems.add(at + ".organization [required]: a customer names their organisation");
                }
                if (!language.equals("ru") && !language.equals("en")) {
                    problems.add(at + ".language [allowed]: ru or en");
                }
                if (problems.isEmpty()) {
                    TenantId tenant = TenantId.of(tenantText);
                    users.put(login, new DeskUser(login, node.path("name").asText(login), password, role, tenant,
                            org.isBlank() ? Optional.empty() : Optional.of(OrganizationId.of(org)),
                            group.isBlank() ? Optional.empty() : Optional.of(GroupId.of(group)),
                            Locale.forLanguageTag(language)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("users file " + source + ": " + String.join("; ", problems));
        }
        return new UsersFile(users);
    }

    /**
     * Checks a login and password.
     *
     * @param login    the login
     * @param password the password
     * @return the user when both match
     */
    public Optional<DeskUser> authenticate(String login, String password) {
        DeskUser user = login == null ? null : users.get(login);
        if (user == null || password == null) {
            // the same work for an unknown login, so timing does not tell which logins exist
            Passwords.matches(password == null ? "" : password, DUMMY);
            return Optional.empty();
        }
        return Passwords.matches(password, user.passwordHash()) ? Optional.of(user) : Optional.empty();
    }

    /**
     * A user by login.
     *
     * @param login the login
     * @return the user, if listed
     */
    public Optional<DeskUser> user(String login) {
        return Optional.ofNullable(users.get(login));
    }

    /**
     * Every user, ordered by login.
     *
     * @return the users
     */
    public List<DeskUser> all() {
        return users.values().stream().sorted(java.util.Comparator.comparing(DeskUser::login)).toList();
    }

    private static final String DUMMY = Passwords.hash("not a password of anybody");
}
