package dev.agentavailability.lab;

import dev.agentavailability.contract.access.Credentials;
import dev.agentavailability.contract.access.LabLogins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lab user per role, with passwords made at each start (never stored in the repository), written to a
 * properties file only its owner can read; the services read it through {@code QUARKUS_CONFIG_LOCATIONS}.
 */
public final class LabUsers {

    /** A user: name, password, role, and the ICM agent id an agent user stands for (else null). */
    public record User(String name, String password, String role, Integer icmAgentId) {

        public Credentials credentials() {
            return Credentials.basic(name, password);
        }
    }

    private final List<User> ordered;
    private final Map<String, User> users;
    private final Path file;

    private LabUsers(List<User> ordered, Path file) {
        this.ordered = List.copyOf(ordered);
        this.users = new LinkedHashMap<>();
        ordered.forEach(user -> users.put(user.name(), user));
        this.file = file;
    }

    /** Makes the users and writes their file in {@code dir}. */
    public static LabUsers create(Path dir) throws IOException {
        SecureRandom random = new SecureRandom();
        Map<String, User> users = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of("# Lab users of this run (bin/lab makes new ones each start)"));
        for (LabLogins login : LabLogins.values()) {
            byte[] secret = new byte[12];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            users.put(login.user(), new User(login.user(), password, login.role(), login.icmAgentId()));
            lines.addAll(login.properties(password));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("lab-users.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return new LabUsers(new ArrayList<>(users.values()), file);
    }

    /** The environment that gives a service these users and the lab's open metrics and API documents. */
    public Map<String, String> serviceEnvironment() {
        return Map.of("QUARKUS_CONFIG_LOCATIONS", file.toUri().toString(),
                "AVAILABILITY_SECURITY_TOKENS_ONLY", "false",
                "AVAILABILITY_SECURITY_METRICS_POLICY", "permit");
    }

    public User user(String name) {
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("no lab user " + name);
        }
        return user;
    }

    public User admin() {
        return user(LabLogins.ADMIN.user());
    }

    /** The ece-listener user: acts for every agent, as the simulator does. */
    public User listener() {
        return user(LabLogins.LISTENER.user());
    }

    public List<User> all() {
        return ordered;
    }

    public Path file() {
        return file;
    }
}
