package com.pulsevault.identity;

import com.pulsevault.audit.AuditTrail;
import com.pulsevault.audit.report.AuditReports;
import com.pulsevault.config.VaultConfig;
import com.pulsevault.media.MediaAccess;
import com.pulsevault.metadata.MetaJsonVideoRepository;
import com.pulsevault.metadata.MetadataStore;
import com.pulsevault.metrics.VaultMetrics;
import com.pulsevault.queue.TranscodeOperations;
import com.pulsevault.queue.TranscodeQueue;
import com.pulsevault.settings.VaultSettings;
import com.pulsevault.upload.DiskUploadStore;
import com.pulsevault.upload.FinalizeService;
import com.pulsevault.upload.UploadService;
import com.pulsevault.upload.UploadStore;
import com.pulsevault.video.VideoRepository;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vault's domain services, wired to each other over a media root in a temporary directory, as the
 * container wires them, but called directly: the role checks are the services' own, whatever resource
 * (or none) calls them. Only Redis is left out (a queue that records what it is asked).
 *
 * <p>Hand-wired by reflection rather than with an embedded container: the services are EJBs and CDI
 * beans of an EE server, and no SE container runs both with MicroProfile Config.
 */
public final class WiredServices {

    public final VaultConfig config;
    public final AuditTrail audit;
    public final UploadStore uploads;
    public final UploadService uploadService;
    public final FinalizeService finalizeService;
    public final MediaAccess media;
    public final AuditReports auditReports;
    public final TranscodeOperations operations;
    public final List<String> queued = new ArrayList<>();
    private final Path root;

    public WiredServices(Path root) throws Exception {
        this.root = root;
        Map<String, String> properties = Map.of(VaultSettings.MEDIA_ROOT, root.toString());
        VaultSettings settings = VaultSettings.from(name -> Optional.ofNullable(properties.get(name)));
        byte[] key = "test-hmac-secret-of-enough-length".getBytes(StandardCharsets.UTF_8);
        config = new VaultConfig() {
            @Override
            public VaultSettings settings() {
                return settings;
            }

            @Override
            public byte[] hmacKey() {
                return key.clone();
            }

            @Override
            public Optional<byte[]> previousHmacKey() {
                return Optional.empty();
            }
        };
        for (Path dir : List.of(settings.uploadDir(), settings.videoDir(), settings.auditDir())) {
            Files.createDirectories(dir);
        }
        VaultMetrics metrics = new VaultMetrics();
        set(metrics, "meters", instantiate("com.pulsevault.metrics.VaultMetrics$NoMeters"));
        TranscodeQueue queue = new TranscodeQueue() {
            @Override
            public void enqueue(String videoId) {
                queued.add(videoId);
            }

            @Override
            public void relayNow() {
            }

            @Override
            public long depth() {
                return queued.size();
            }

            @Override
            public int waitingInOutbox() {
                return 0;
            }

            @Override
            public Map<String, String> deadLetters() {
                return Map.of();
            }

            @Override
            public Map<String, String> failures() {
                return Map.of();
            }
        };
        uploads = new DiskUploadStore(settings.uploadDir(), 1 << 20, Duration.ofHours(1), Clock.systemUTC(), Runnable::run);
        VideoRepository videos = new MetaJsonVideoRepository(settings.videoDir());
        audit = wire(new AuditTrail(), config);
        Guard guard = wire(new Guard(), audit);
        uploadService = wire(new UploadService(), uploads, audit, guard, metrics);
        finalizeService = wire(new FinalizeService(), config, uploads, audit, queue, metrics, guard, videos);
        media = wire(new MediaAccess(), config, audit, metrics, guard, videos);
        auditReports = wire(new AuditReports(), audit, guard);
        operations = wire(new TranscodeOperations(), queue, audit, guard);
    }

    /** A video as finalize leaves it, with an owner and teams, and a poster to sign. */
    public String video(String owner, String... teams) throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        var teamArray = Json.createArrayBuilder();
        for (String team : teams) {
            teamArray.add(team);
        }
        JsonObject doc = Json.createObjectBuilder().add("schema", 1).add("videoId", id).add("status", "transcoded")
                .add("owner", owner).add("teams", teamArray).build();
        MetadataStore store = new MetadataStore(config.settings().videoDir());
        Files.createDirectories(store.directoryOf(id));
        store.create(id, doc);
        Files.write(store.directoryOf(id).resolve("poster.jpg"), new byte[]{1, 2, 3});
        return id;
    }

    /** Today's audit lines of a category. */
    public String auditLog(String category) throws Exception {
        Path log = root.resolve("audit").resolve(category + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Sets each {@code @Inject} field from the dependency of its type, then runs {@code @PostConstruct}. */
    private static <T> T wire(T bean, Object... dependencies) throws Exception {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Inject.class)) {
                    for (Object dependency : dependencies) {
                        if (field.getType().isInstance(dependency)) {
                            field.setAccessible(true);
                            field.set(bean, dependency);
                        }
                    }
                }
            }
        }
        for (Method method : bean.getClass().getDeclaredMethods()) {
            if (method.isAnnotationPresent(PostConstruct.class)) {
                method.setAccessible(true);
                method.invoke(bean);
            }
        }
        return bean;
    }

    private static void set(Object bean, String name, Object value) throws Exception {
        Field field = bean.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(bean, value);
    }

    private static Object instantiate(String className) throws Exception {
        var constructor = Class.forName(className).getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
