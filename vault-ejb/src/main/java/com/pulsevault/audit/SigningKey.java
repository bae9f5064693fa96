package com.pulsevault.audit;

import com.pulsevault.storage.DurableFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An Ed25519 key pair that signs audit checkpoints (the JDK's own Ed25519: no library). Read from a PKCS#8
 * file (PEM or DER) or a PKCS#12 keystore, or generated once and kept 0600 under {@code secrets/}.
 * Its fingerprint (SHA-256 of the public key's X.509 encoding, hex) names it in every checkpoint.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());
    static final String ALGORITHM = "Ed25519";

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 Ed25519 signature of {@code text} (UTF-8). */
    public String sign(String text) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public static boolean verifies(PublicKey key, String text, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String publicKeyPem() {
        return pem(publicKey);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A public key from a PEM ("BEGIN PUBLIC KEY") or DER X.509 file. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(Files.readAllBytes(file), "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * The configured key (PKCS#8, PEM or DER; or PKCS#12 with {@code password}), or the generated one.
     *
     * @param generated where a generated key is kept (created 0600 the first time, with a warning)
     */
    public static SigningKey resolve(Optional<Path> configured, Optional<String> password, Path generated) throws IOException {
        if (configured.isPresent()) {
            return read(configured.get(), password);
        }
        if (Files.exists(generated)) {
            return read(generated, Optional.empty());
        }
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(generated.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temp = generated.resolveSibling(generated.getFileName() + ".new");
        Files.deleteIfExists(temp);
        // 0600 from the start: the private key is never readable by others, not even briefly
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        try (var ch = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        DurableFiles.moveAtomically(temp, generated);
        DurableFiles.fsyncDirectory(generated.getParent());
        SigningKey key = new SigningKey(pair.getPrivate(), pair.getPublic());
        LOG.warning("No pulsevault.audit.signing-key is configured: generated an Ed25519 key for audit checkpoints in "
                + generated + " (mode 0600), fingerprint " + key.fingerprint() + ". Give its public key to the auditors"
                + " (GET /audit/public-key) and keep a copy of the private key with the other secrets.");
        return key;
    }

    static SigningKey read(Path file, Optional<String> password) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return fromKeystore(bytes, password.orElse("").toCharArray(), file);
            }
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(der(bytes, "PRIVATE KEY")));
            return new SigningKey(privateKey, publicOf(privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 private key in PKCS#8 or PKCS#12: " + e.getMessage(), e);
        }
    }

    private static SigningKey fromKeystore(byte[] bytes, char[] password, Path file) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            ks.load(in, password);
        }
        for (Enumeration<String> aliases = ks.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            Key key = ks.getKey(alias, password);
            Certificate cert = ks.getCertificate(alias);
            if (key instanceof PrivateKey pk && (ALGORITHM.equalsIgnoreCase(pk.getAlgorithm()) || "EdDSA".equalsIgnoreCase(pk.getAlgorithm()))) {
                return new SigningKey(pk, cert != null ? cert.getPublicKey() : publicOf(pk));
            }
        }
        throw new IOException(file + " holds no Ed25519 private key");
    }

    /** Ed25519's public key from its private key: the JDK computes it when it signs, so derive it from a signature check. */
    private static PublicKey publicOf(PrivateKey privateKey) throws GeneralSecurityException {
        // a PKCS#8 v2 file may carry the public key; the JDK's KeyFactory does not expose it, so rebuild it
        // from the private scalar with the JDK's own key generator, seeded by the key's bytes
        byte[] seed = ((java.security.interfaces.EdECPrivateKey) privateKey).getBytes().orElseThrow();
        KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
        g.initialize(java.security.spec.NamedParameterSpec.ED25519, new FixedRandom(seed));
        KeyPair pair = g.generateKeyPair();
        if (!java.util.Arrays.equals(((java.security.interfaces.EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return pair.getPublic();
    }

    /** Hands out the given bytes once: the key generator then makes the key pair of that private key. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(out.length, bytes.length));
        }
    }

    private static byte[] der(byte[] bytes, String label) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        int at = text.indexOf(begin);
        if (at < 0) {
            return bytes; // DER already
        }
        int end = text.indexOf("-----END " + label + "-----", at);
        if (end < 0) {
            throw new IllegalArgumentException("no END " + label + " line");
        }
        return Base64.getMimeDecoder().decode(text.substring(at + begin.length(), end));
    }
}
