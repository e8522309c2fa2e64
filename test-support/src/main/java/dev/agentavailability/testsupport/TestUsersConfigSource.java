package dev.agentavailability.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Gives a service under test the {@link TestUsers}, as the lab's generated users file gives them to a lab. */
public class TestUsersConfigSource implements ConfigSource {

    private static final Map<String, String> PROPERTIES = properties();

    private static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (TestUsers user : TestUsers.values()) {
            for (String line : user.properties()) {
                properties.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return Map.copyOf(properties);
    }

    @Override
    public Map<String, String> getProperties() {
        return PROPERTIES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "test-users";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250): a test profile can still change a user.
        return 200;
    }
}
