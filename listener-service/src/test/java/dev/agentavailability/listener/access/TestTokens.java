package dev.agentavailability.listener.access;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An identity provider for tests: an RSA key this build makes, a public key the service is told of, and signed
 * tokens. The key lives in a file so that the test profile and the test (which may be loaded by different class
 * loaders) sign and verify with the same one.
 */
final class TestTokens {

    static final String ISSUER = "https://idp.test/realms/contact-center";
    private static final Path DIR = Path.of("target", "test-idp");

    private TestTokens() {
    }

    /** The public key as {@code mp.jwt.verify.publickey} takes it (base64 X.509). */
    static String publicKey() {
        return read("public.b64");
    }

    static JwtClaimsBuilder claims(String subject, String... groups) {
        return Jwt.issuer(ISSUER).upn(subject).groups(java.util.Set.of(groups)).expiresIn(300);
    }

    static String sign(JwtClaimsBuilder claims) {
        return claims.sign(privateKey());
    }

    /** A token for the same claims signed by a key the service does not know. */
    static String signWithAnotherKey(JwtClaimsBuilder claims) {
        return claims.sign(generate().getPrivate());
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(read("private.b64"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String read(String name) {
        try {
            if (!Files.exists(DIR.resolve("public.b64"))) {
                KeyPair pair = generate();
                Files.createDirectories(DIR);
                write("private.b64", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                write("public.b64", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            }
            return Files.readString(DIR.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String name, String text) throws IOException {
        Path temp = Files.createTempFile(DIR, name, ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, DIR.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
