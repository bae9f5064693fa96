package com.pulsevault.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** The tus checksum extension: {@code Upload-Checksum: <algorithm> <base64 digest>} for one chunk. */
public record ExpectedChecksum(Algorithm algorithm, byte[] digest) {

    public enum Algorithm {
        SHA1("sha1", "SHA-1"), MD5("md5", "MD5"), SHA256("sha256", "SHA-256");

        private final String tusName;
        private final String jcaName;

        Algorithm(String tusName, String jcaName) {
            this.tusName = tusName;
            this.jcaName = jcaName;
        }

        public String tusName() {
            return tusName;
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(jcaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The value of Tus-Checksum-Algorithm. */
    public static String supportedAlgorithms() {
        return "sha1,md5,sha256";
    }

    /** @throws InvalidUploadException for an unknown algorithm or a malformed header */
    public static ExpectedChecksum parse(String header) {
        String[] parts = header.trim().split(" ");
        if (parts.length != 2) {
            throw new InvalidUploadException("Upload-Checksum must be '<algorithm> <base64 digest>'");
        }
        Algorithm algorithm = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "sha1" -> Algorithm.SHA1;
            case "md5" -> Algorithm.MD5;
            case "sha256" -> Algorithm.SHA256;
            default -> throw new InvalidUploadException("Upload-Checksum algorithm is not supported; use one of " + supportedAlgorithms());
        };
        try {
            return new ExpectedChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new InvalidUploadException("Upload-Checksum digest is not valid base64");
        }
    }
}
