package com.pulsevault.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public keys beside the checkpoints: {@code checkpoint-key-<fingerprint>.pem}, one per key that signed. */
public final class CheckpointKeys {

    private CheckpointKeys() {
    }

    public static Path publicKeyFile(Path dir, String fingerprint) {
        return dir.resolve("checkpoint-key-" + fingerprint + ".pem");
    }

    /** Writes the key's public half beside the checkpoints (once). */
    public static void publish(Path dir, SigningKey key) throws IOException {
        Path file = publicKeyFile(dir, key.fingerprint());
        if (!Files.exists(file)) {
            Path temp = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(temp, key.publicKeyPem(), StandardCharsets.US_ASCII);
            com.pulsevault.storage.DurableFiles.moveAtomically(temp, file);
            com.pulsevault.storage.DurableFiles.fsyncDirectory(dir);
        }
    }
}
