package com.pulsevault.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every {@code pulsevault.*} setting with its default, read through one lookup function
 * (MicroProfile Config in the server, a map in unit tests). Plain Java on purpose: it ships in the
 * EAR's lib/ so the health checks there can read the same settings as the EJBs.
 */
public final class VaultSettings {

    public static final String MEDIA_ROOT = "pulsevault.media.root";
    public static final String UPLOAD_DIR = "pulsevault.upload.dir";
    public static final String VIDEO_DIR = "pulsevault.video.dir";
    public static final String AUDIT_DIR = "pulsevault.audit.dir";
    public static final String HMAC_SECRET = "pulsevault.hmac.secret";
    public static final String HMAC_PREVIOUS_SECRET = "pulsevault.hmac.previous-secret";
    public static final String TOKEN_EXPIRY_SECONDS = "pulsevault.token.expiry-seconds";
    public static final String UPLOAD_MAX_SIZE = "pulsevault.upload.max-size";
    public static final String UPLOAD_EXPIRY_HOURS = "pulsevault.upload.expiry-hours";
    public static final String UPLOAD_CLEANUP_INTERVAL_SECONDS = "pulsevault.upload.cleanup-interval-seconds";
    public static final String REDIS_HOST = "pulsevault.redis.host";
    public static final String REDIS_PORT = "pulsevault.redis.port";
    public static final String REDIS_PASSWORD = "pulsevault.redis.password";
    public static final String REDIS_DB = "pulsevault.redis.db";
    public static final String QUEUE_RELAY_INTERVAL_SECONDS = "pulsevault.queue.relay-interval-seconds";
    public static final String TRUST_FORWARDED_HEADERS = "pulsevault.http.trust-forwarded-headers";
    public static final String CORS_ALLOWED_ORIGINS = "pulsevault.cors.allowed-origins";
    public static final String HEALTH_MIN_FREE_BYTES = "pulsevault.health.min-free-bytes";
    public static final String TRANSCODE_ENABLED = "pulsevault.transcode.enabled";
    public static final String TRANSCODE_CONCURRENCY = "pulsevault.transcode.concurrency";
    public static final String TRANSCODE_TIMEOUT_SECONDS = "pulsevault.transcode.timeout-seconds";
    public static final String TRANSCODE_MAX_ATTEMPTS = "pulsevault.transcode.max-attempts";
    public static final String TRANSCODE_RETRY_DELAY_SECONDS = "pulsevault.transcode.retry-delay-seconds";
    public static final String TRANSCODE_VISIBILITY_TIMEOUT_SECONDS = "pulsevault.transcode.visibility-timeout-seconds";
    public static final String FFMPEG_THREADS = "pulsevault.ffmpeg.threads";
    public static final String FFMPEG_PATH = "pulsevault.ffmpeg.path";
    public static final String FFPROBE_PATH = "pulsevault.ffprobe.path";
    public static final String RENDITIONS = "pulsevault.renditions";
    public static final String SEGMENT_SECONDS = "pulsevault.segment.seconds";
    public static final String RETENTION_MIN_DAYS = "pulsevault.retention.min-days";
    public static final String AUTH_ROLES_CLAIM = "pulsevault.auth.roles-claim";
    public static final String AUTH_TEAMS_CLAIM = "pulsevault.auth.teams-claim";
    public static final String CATALOG_DATASOURCE = "pulsevault.catalog.datasource";
    public static final String AUDIT_CHECKPOINT_SECONDS = "pulsevault.audit.checkpoint-seconds";
    public static final String AUDIT_SIGNING_KEY = "pulsevault.audit.signing-key";
    public static final String AUDIT_SIGNING_KEY_PASSWORD = "pulsevault.audit.signing-key-password";
    public static final String AUDIT_PREVIOUS_SIGNING_KEY = "pulsevault.audit.previous-signing-key";
    public static final String AUDIT_WITNESS_DIR = "pulsevault.audit.witness-dir";
    public static final String CONSOLE_ENABLED = "pulsevault.console.enabled";
    public static final String CONSOLE_CLIENT_ID = "pulsevault.console.client-id";
    public static final String DEFAULT_CATALOG_DATASOURCE = "java:comp/DefaultDataSource";
    /** MicroProfile JWT's own settings, which the vault cannot work without (checked at start, read by the server). */
    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    public static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String JWT_PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String JWT_AUDIENCES = "mp.jwt.verify.audiences";

    public static final String DEFAULT_MEDIA_ROOT = "/var/lib/pulsevault";
    public static final long DEFAULT_MAX_UPLOAD_SIZE = 10L * 1024 * 1024 * 1024;

    private final Path mediaRoot;
    private final Path uploadDir;
    private final Path videoDir;
    private final Path auditDir;
    private final Optional<String> hmacSecret;
    private final Optional<String> hmacPreviousSecret;
    private final int tokenExpirySeconds;
    private final long maxUploadSize;
    private final Duration uploadExpiry;
    private final Duration uploadCleanupInterval;
    private final String redisHost;
    private final int redisPort;
    private final Optional<String> redisPassword;
    private final int redisDb;
    private final Duration queueRelayInterval;
    private final boolean trustForwardedHeaders;
    private final List<String> corsAllowedOrigins;
    private final long healthMinFreeBytes;
    private final boolean transcodeEnabled;
    private final int transcodeConcurrency;
    private final Duration transcodeTimeout;
    private final int transcodeMaxAttempts;
    private final Duration transcodeRetryDelay;
    private final Duration transcodeVisibilityTimeout;
    private final int ffmpegThreads;
    private final String ffmpegPath;
    private final String ffprobePath;
    private final List<String> renditions;
    private final int segmentSeconds;
    private final Duration minRetention;
    private final String rolesClaim;
    private final String teamsClaim;
    private final String catalogDatasource;
    private final boolean consoleEnabled;
    private final Duration checkpointInterval;
    private final Optional<Path> signingKey;
    private final Optional<String> signingKeyPassword;
    private final Optional<Path> previousSigningKey;
    private final Optional<Path> witnessDir;
    private final String consoleClientId;
    private final Optional<String> jwtIssuer;
    private final Optional<String> jwtAudiences;
    private final boolean jwtKeyConfigured;

    private VaultSettings(Function<String, Optional<String>> lookup) {
        Values v = new Values(lookup);
        mediaRoot = v.path(MEDIA_ROOT, Path.of(DEFAULT_MEDIA_ROOT));
        uploadDir = v.path(UPLOAD_DIR, mediaRoot.resolve("uploads"));
        videoDir = v.path(VIDEO_DIR, mediaRoot.resolve("videos"));
        auditDir = v.path(AUDIT_DIR, mediaRoot.resolve("audit"));
        hmacSecret = v.text(HMAC_SECRET);
        hmacPreviousSecret = v.text(HMAC_PREVIOUS_SECRET);
        tokenExpirySeconds = (int) v.positive(TOKEN_EXPIRY_SECONDS, 300);
        maxUploadSize = v.positive(UPLOAD_MAX_SIZE, DEFAULT_MAX_UPLOAD_SIZE);
        uploadExpiry = Duration.ofHours(v.positive(UPLOAD_EXPIRY_HOURS, 24));
        uploadCleanupInterval = Duration.ofSeconds(v.positive(UPLOAD_CLEANUP_INTERVAL_SECONDS, 900));
        redisHost = v.text(REDIS_HOST).orElse("localhost");
        redisPort = (int) v.positive(REDIS_PORT, 6379);
        redisPassword = v.text(REDIS_PASSWORD);
        redisDb = (int) v.number(REDIS_DB, 0);
        queueRelayInterval = Duration.ofSeconds(v.positive(QUEUE_RELAY_INTERVAL_SECONDS, 5));
        trustForwardedHeaders = v.bool(TRUST_FORWARDED_HEADERS, false);
        corsAllowedOrigins = v.text(CORS_ALLOWED_ORIGINS)
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList())
                .orElse(List.of());
        healthMinFreeBytes = v.number(HEALTH_MIN_FREE_BYTES, 1024L * 1024 * 1024);
        transcodeEnabled = v.bool(TRANSCODE_ENABLED, true);
        transcodeConcurrency = (int) v.positive(TRANSCODE_CONCURRENCY, 1);
        transcodeTimeout = Duration.ofSeconds(v.positive(TRANSCODE_TIMEOUT_SECONDS, 3600));
        transcodeMaxAttempts = (int) v.positive(TRANSCODE_MAX_ATTEMPTS, 3);
        transcodeRetryDelay = Duration.ofSeconds(v.positive(TRANSCODE_RETRY_DELAY_SECONDS, 30));
        transcodeVisibilityTimeout = Duration.ofSeconds(v.positive(TRANSCODE_VISIBILITY_TIMEOUT_SECONDS, 300));
        ffmpegThreads = (int) v.number(FFMPEG_THREADS, 0);
        ffmpegPath = v.text(FFMPEG_PATH).orElse("ffmpeg");
        ffprobePath = v.text(FFPROBE_PATH).orElse("ffprobe");
        renditions = v.text(RENDITIONS).orElse("240p,360p,480p,720p,1080p").lines()
                .flatMap(l -> Arrays.stream(l.split(","))).map(String::trim).filter(r -> !r.isEmpty()).toList();
        segmentSeconds = (int) v.positive(SEGMENT_SECONDS, 4);
        long retentionDays = v.number(RETENTION_MIN_DAYS, 0);
        if (retentionDays < 0) {
            throw new SettingsException(RETENTION_MIN_DAYS, "must be 0 or more days, was " + retentionDays);
        }
        minRetention = Duration.ofDays(retentionDays);
        rolesClaim = v.claimPath(AUTH_ROLES_CLAIM, "groups");
        teamsClaim = v.claimPath(AUTH_TEAMS_CLAIM, "teams");
        catalogDatasource = v.text(CATALOG_DATASOURCE).orElse(DEFAULT_CATALOG_DATASOURCE);
        consoleEnabled = v.bool(CONSOLE_ENABLED, true);
        checkpointInterval = Duration.ofSeconds(v.positive(AUDIT_CHECKPOINT_SECONDS, 300));
        signingKey = v.text(AUDIT_SIGNING_KEY).map(Path::of);
        signingKeyPassword = v.text(AUDIT_SIGNING_KEY_PASSWORD);
        previousSigningKey = v.text(AUDIT_PREVIOUS_SIGNING_KEY).map(Path::of);
        witnessDir = v.text(AUDIT_WITNESS_DIR).map(x -> Path.of(x).toAbsolutePath().normalize());
        consoleClientId = v.text(CONSOLE_CLIENT_ID).orElse("pulsevault-console");
        jwtIssuer = v.text(JWT_ISSUER);
        jwtAudiences = v.text(JWT_AUDIENCES);
        jwtKeyConfigured = v.text(JWT_PUBLIC_KEY_LOCATION).isPresent() || v.text(JWT_PUBLIC_KEY).isPresent();
    }

    /**
     * The deployment refuses to start without what MicroProfile JWT needs to verify tokens, naming the
     * missing property, rather than answer every request with a 401 (or, on Payara, a 500).
     */
    public void requireTokenVerification() {
        if (jwtIssuer.isEmpty()) {
            throw new SettingsException(JWT_ISSUER, "is not set: the vault cannot verify access tokens without the"
                    + " issuer of the hospital's identity provider (e.g. https://idp.example/realms/hospital)");
        }
        if (!jwtKeyConfigured) {
            throw new SettingsException(JWT_PUBLIC_KEY_LOCATION, "is not set: the vault cannot verify access tokens"
                    + " without the identity provider's keys (its JWKS URL, e.g. <issuer>/protocol/openid-connect/certs)");
        }
        if (rolesClaim.equals(teamsClaim)) {
            throw new SettingsException(AUTH_TEAMS_CLAIM, "names the same claim as " + AUTH_ROLES_CLAIM
                    + " (" + rolesClaim + "): every role would also be a team");
        }
    }

    /**
     * Without an audience, a token the issuer made for any other client of the realm is accepted too:
     * allowed (some providers put no audience in access tokens), but said loudly at start.
     */
    public Optional<String> tokenVerificationWarning() {
        return jwtAudiences.isPresent() ? Optional.empty() : Optional.of(JWT_AUDIENCES + " is not set: access tokens the"
                + " identity provider issued for any of its clients are accepted. Set it to the audience the provider"
                + " puts in tokens meant for the vault (Keycloak: an audience mapper; Entra ID: the application ID URI)");
    }

    /** @throws SettingsException naming the property whose value is unusable */
    public static VaultSettings from(Function<String, Optional<String>> lookup) {
        return new VaultSettings(lookup);
    }

    public Path mediaRoot() { return mediaRoot; }
    public Path uploadDir() { return uploadDir; }
    public Path videoDir() { return videoDir; }
    public Path auditDir() { return auditDir; }
    /** Durable transcode jobs waiting for Redis. */
    public Path outboxDir() { return mediaRoot.resolve("outbox"); }
    /** Where a generated HMAC secret is kept when none is configured. */
    public Path generatedSecretFile() { return mediaRoot.resolve("secrets").resolve("hmac.key"); }
    public Optional<String> hmacSecret() { return hmacSecret; }
    /** While set, media tokens signed with it stay valid (key rotation). */
    public Optional<String> hmacPreviousSecret() { return hmacPreviousSecret; }
    public int tokenExpirySeconds() { return tokenExpirySeconds; }
    public long maxUploadSize() { return maxUploadSize; }
    public Duration uploadExpiry() { return uploadExpiry; }
    public Duration uploadCleanupInterval() { return uploadCleanupInterval; }
    public String redisHost() { return redisHost; }
    public int redisPort() { return redisPort; }
    public Optional<String> redisPassword() { return redisPassword; }
    public int redisDb() { return redisDb; }
    public Duration queueRelayInterval() { return queueRelayInterval; }
    public boolean trustForwardedHeaders() { return trustForwardedHeaders; }
    public List<String> corsAllowedOrigins() { return corsAllowedOrigins; }
    public long healthMinFreeBytes() { return healthMinFreeBytes; }
    public boolean transcodeEnabled() { return transcodeEnabled; }
    public int transcodeConcurrency() { return transcodeConcurrency; }
    public Duration transcodeTimeout() { return transcodeTimeout; }
    public int transcodeMaxAttempts() { return transcodeMaxAttempts; }
    /** Back-off before the second attempt; doubled for each attempt after that. */
    public Duration transcodeRetryDelay() { return transcodeRetryDelay; }
    /** How long a job may go without a heartbeat before another worker takes it over. */
    public Duration transcodeVisibilityTimeout() { return transcodeVisibilityTimeout; }
    /** 0 lets ffmpeg choose. */
    public int ffmpegThreads() { return ffmpegThreads; }
    /** A path, or a bare name looked up on PATH. */
    public String ffmpegPath() { return ffmpegPath; }
    public String ffprobePath() { return ffprobePath; }
    /** Rung names such as "720p", tallest last or in any order. */
    public List<String> renditions() { return renditions; }
    public int segmentSeconds() { return segmentSeconds; }
    /** Where the token carries the caller's roles: a claim name, dots stepping into objects. */
    /** How long after its upload a video may not be deleted (0: no minimum). */
    public Duration minRetention() { return minRetention; }
    public String rolesClaim() { return rolesClaim; }
    /** Where the token carries the caller's teams. */
    public String teamsClaim() { return teamsClaim; }
    /** The JNDI name of the datasource that holds the catalog index. */
    public String catalogDatasource() { return catalogDatasource; }
    /** How often the audit chains are checkpointed (signed), idle or not. */
    public Duration checkpointInterval() { return checkpointInterval; }
    /** The Ed25519 key that signs checkpoints (PKCS#8 or PKCS#12); none: the generated one. */
    public Optional<Path> signingKey() { return signingKey; }
    public Optional<String> signingKeyPassword() { return signingKeyPassword; }
    /** The key that signed checkpoints before {@link #signingKey()}: it endorses the first checkpoint under the new key. */
    public Optional<Path> previousSigningKey() { return previousSigningKey; }
    /** Where a copy of every checkpoint goes (a mount another team owns). */
    public Optional<Path> witnessDir() { return witnessDir; }
    /** Where a generated checkpoint signing key is kept when none is configured. */
    public Path generatedSigningKeyFile() { return mediaRoot.resolve("secrets").resolve("audit-signing.key"); }
    /** Whether the web console is served at the context root. */
    public boolean consoleEnabled() { return consoleEnabled; }
    /** The OpenID Connect client the console signs in with (public, authorization code + PKCE). */
    public String consoleClientId() { return consoleClientId; }
    /** The expected token issuer (for classifying refused tokens; the server verifies it). */
    public Optional<String> jwtIssuer() { return jwtIssuer; }
    public Optional<String> jwtAudiences() { return jwtAudiences; }

    private record Values(Function<String, Optional<String>> lookup) {
        Optional<String> text(String name) {
            return lookup.apply(name).map(String::trim).filter(s -> !s.isEmpty());
        }

        Path path(String name, Path fallback) {
            return text(name).map(Path::of).orElse(fallback).toAbsolutePath().normalize();
        }

        long number(String name, long fallback) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            try {
                return Long.parseLong(raw.get());
            } catch (NumberFormatException e) {
                throw new SettingsException(name, "is not a whole number: " + raw.get());
            }
        }

        long positive(String name, long fallback) {
            long value = number(name, fallback);
            if (value <= 0) {
                throw new SettingsException(name, "must be greater than 0, was " + value);
            }
            return value;
        }

        String claimPath(String name, String fallback) {
            String value = text(name).orElse(fallback);
            if (!value.matches("[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*")) {
                throw new SettingsException(name, "is not a claim name (dots step into objects, as in realm_access.roles): " + value);
            }
            return value;
        }

        boolean bool(String name, boolean fallback) {
            Optional<String> raw = text(name);
            if (raw.isEmpty()) {
                return fallback;
            }
            return switch (raw.get().toLowerCase()) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new SettingsException(name, "is not true or false: " + raw.get());
            };
        }
    }
}
