package dev.agentavailability.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker's SASL_SSL listener, as production brokers open it: TLS with a key pair made for this start (a
 * self-signed certificate for 127.0.0.1 and localhost) and SCRAM-SHA-512 logins. Clients trust the certificate
 * through {@link #truststore()}, a PKCS12 file as Strimzi's cluster CA secret gives one.
 *
 * @param port               the listener's port on 127.0.0.1
 * @param truststore         a PKCS12 truststore holding the broker's certificate
 * @param truststorePassword its password (made for this start)
 */
public record SecureListener(int port, Path truststore, String truststorePassword) {

    static final String NAME = "SASL_SSL";
    static final String MECHANISM = "SCRAM-SHA-512";
    private static final String KEYSTORE = "broker.p12";

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * What a client needs to connect as {@code user}: the properties of a Kafka client properties file, or, with
     * {@code KAFKA_} and upper case, a service's environment.
     */
    public Map<String, String> clientProperties(String user, String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers());
        properties.put("security.protocol", NAME);
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        properties.put("ssl.truststore.type", "PKCS12");
        properties.put("ssl.truststore.location", truststore.toString());
        properties.put("ssl.truststore.password", truststorePassword);
        return properties;
    }

    /** The broker properties of this listener; its key store is beside the truststore, with the same password. */
    Map<String, String> brokerProperties() {
        String prefix = "listener.name." + NAME.toLowerCase() + ".";
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "sasl.enabled.mechanisms", MECHANISM);
        p.put(prefix + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "ssl.keystore.type", "PKCS12");
        p.put(prefix + "ssl.keystore.location", truststore.resolveSibling(KEYSTORE).toString());
        p.put(prefix + "ssl.keystore.password", truststorePassword);
        p.put(prefix + "ssl.key.password", truststorePassword);
        return p;
    }

    /**
     * Makes a key pair and certificate in {@code dir} with the JDK's keytool (the JDK has no API for a certificate)
     * and returns the listener with its truststore.
     */
    static SecureListener create(Path dir, int port) {
        String password = randomPassword();
        Path keystore = dir.resolve(KEYSTORE);
        Path certificate = dir.resolve("broker.pem");
        Path truststore = dir.resolve("truststore.p12");
        try {
            InfraSupport.deleteRecursively(dir);
            Files.createDirectories(dir);
            keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
            keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", password,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype",
                    "PKCS12", "-keystore", truststore.toString(), "-storepass", password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the TLS key store of the Kafka broker in " + dir, e);
        }
        return new SecureListener(port, truststore, password);
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
