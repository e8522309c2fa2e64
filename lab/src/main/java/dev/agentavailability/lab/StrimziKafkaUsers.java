package dev.agentavailability.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentavailability.infra.EmbeddedKafka;
import dev.agentavailability.kafka.KafkaClients;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The {@code KafkaUser} resources of a Strimzi manifest (the production overlay's {@code kafka-users.yaml}) made
 * real on an embedded broker: each user a SCRAM-SHA-512 login with a password made now, and exactly the ACLs the
 * manifest gives it, as Strimzi's User Operator would. A lab started on them proves that the ACLs let each service
 * do its work, before a production cluster finds out.
 */
final class StrimziKafkaUsers {

    /** A user's login: its name and this run's password. */
    record Login(String user, String password) {
    }

    private StrimziKafkaUsers() {
    }

    /** Creates the users and ACLs of {@code manifest} on {@code kafka}; returns each user's login by name. */
    static Map<String, Login> apply(Path manifest, EmbeddedKafka kafka) throws IOException {
        Map<String, Login> logins = new LinkedHashMap<>();
        List<AclBinding> acls = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (!"KafkaUser".equals(document.path("kind").asText())) {
                    continue;
                }
                String user = document.at("/metadata/name").asText();
                String authentication = document.at("/spec/authentication/type").asText();
                if (!"scram-sha-512".equals(authentication)) {
                    throw new IllegalArgumentException(manifest + ": KafkaUser " + user + " has authentication '"
                            + authentication + "'; the lab makes scram-sha-512 users only");
                }
                byte[] secret = new byte[18];
                random.nextBytes(secret);
                logins.put(user, new Login(user, HexFormat.of().formatHex(secret)));
                for (JsonNode acl : document.at("/spec/authorization/acls")) {
                    acls.addAll(bindings(manifest, user, acl));
                }
            }
        }
        logins.values().forEach(login -> kafka.addScramUser(login.user(), login.password()));
        try (Admin admin = KafkaClients.bootstrap(kafka.bootstrapServers()).admin("lab-kafka-users",
                Duration.ofSeconds(30))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the ACLs of " + manifest, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the ACLs of " + manifest, e);
        }
        return logins;
    }

    /** One Strimzi ACL rule: a resource and its operations, allowed from any host (Strimzi's defaults). */
    private static List<AclBinding> bindings(Path manifest, String user, JsonNode acl) {
        JsonNode resource = acl.path("resource");
        ResourceType type = switch (resource.path("type").asText()) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException(manifest + ": KafkaUser " + user
                    + " has an ACL on an unknown resource type '" + resource.path("type").asText() + "'");
        };
        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
        PatternType pattern = "prefix".equals(resource.path("patternType").asText()) ? PatternType.PREFIXED
                : PatternType.LITERAL;
        AclPermissionType permission = "deny".equals(acl.path("type").asText()) ? AclPermissionType.DENY
                : AclPermissionType.ALLOW;
        String host = acl.path("host").asText("*");
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode operation : acl.path("operations")) {
            bindings.add(new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry("User:" + user,
                    host, operation(manifest, user, operation.asText()), permission)));
        }
        return bindings;
    }

    /** Strimzi's operation names (Read, Write, DescribeConfigs ...) as Kafka's. */
    private static AclOperation operation(Path manifest, String user, String name) {
        String constant = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return AclOperation.valueOf(constant);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(manifest + ": KafkaUser " + user + " has an unknown operation '"
                    + name + "'");
        }
    }
}
