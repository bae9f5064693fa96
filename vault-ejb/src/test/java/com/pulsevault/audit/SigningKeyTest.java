package com.pulsevault.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkpoint signing key in the forms a hospital's key management hands out. */
class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aPkcs12KeystoreMadeByKeytoolIsRead() throws Exception {
        Path store = dir.resolve("audit.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-keyalg", "Ed25519", "-alias", "audit", "-dname", "CN=PulseVault audit",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "s3cret-pw", "-validity", "365")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        SigningKey key = SigningKey.resolve(Optional.of(store), Optional.of("s3cret-pw"), dir.resolve("unused"));
        assertTrue(SigningKey.verifies(key.publicKey(), "checkpoint", key.sign("checkpoint")));
        assertTrue(Files.notExists(dir.resolve("unused")), "no key is generated when one is configured");
    }

    @Test
    void aPkcs8PemKeyIsReadWithItsPublicKey() throws Exception {
        SigningKey generated = SigningKey.resolve(Optional.empty(), Optional.empty(), dir.resolve("k.pem"));
        SigningKey read = SigningKey.resolve(Optional.of(dir.resolve("k.pem")), Optional.empty(), dir.resolve("unused"));
        assertEquals(generated.fingerprint(), read.fingerprint());
    }

    @Test
    void aFileThatIsNoKeyIsRefusedNamingIt() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a key");
        IOException e = assertThrows(IOException.class, () -> SigningKey.resolve(Optional.of(junk), Optional.empty(), dir.resolve("unused")));
        assertTrue(e.getMessage().contains("junk.pem"), e.getMessage());
    }

    @Test
    void thePublicKeyRoundTripsThroughItsPem() throws Exception {
        SigningKey key = CheckpointVerifierTest.newKey();
        Path pem = Files.writeString(dir.resolve("pub.pem"), key.publicKeyPem());
        assertEquals(key.fingerprint(), SigningKey.fingerprint(SigningKey.readPublicKey(pem)));
    }
}
