package com.pulsevault.audit;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.health.WitnessState;
import com.pulsevault.settings.VaultSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Signs a checkpoint of every audit chain at start, every {@code pulsevault.audit.checkpoint-seconds} (idle
 * or not) and at shutdown, and hands each to the witness. A witness that cannot be written never holds
 * anything up: its checkpoints are delivered at the next one, and readiness says it is behind meanwhile.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class.getName());

    @Inject
    VaultConfig config;
    @Inject
    WitnessState witness;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private SigningKey key;
    private SigningKey previous;
    private CheckpointLog log;
    private String node;
    private ScheduledFuture<?> periodic;
    private volatile Checkpoint lastWritten;

    @PostConstruct
    void start() {
        VaultSettings s = config.settings();
        try {
            key = SigningKey.resolve(s.signingKey(), s.signingKeyPassword(), s.generatedSigningKeyFile());
            previous = previousKey(s);
            CheckpointKeys.publish(s.auditDir(), key);
            Files.writeString(s.auditDir().resolve("checkpoint-public-key.pem"), key.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException("audit checkpoints: the signing key is not usable", e);
        }
        log = new CheckpointLog(s.auditDir());
        node = ManagementFactory.getRuntimeMXBean().getName(); // pid@host: tells nodes (and restarts) apart
        long seconds = s.checkpointInterval().getSeconds();
        periodic = scheduler.scheduleAtFixedRate(this::checkpointQuietly, 0, seconds, TimeUnit.SECONDS);
    }

    /** The key that signed before this one: configured, or the generated one a configured key replaces. */
    private static SigningKey previousKey(VaultSettings s) throws IOException {
        if (s.previousSigningKey().isPresent()) {
            return SigningKey.read(s.previousSigningKey().get(), Optional.empty());
        }
        if (s.signingKey().isPresent() && Files.exists(s.generatedSigningKeyFile())) {
            return SigningKey.read(s.generatedSigningKeyFile(), Optional.empty());
        }
        return null;
    }

    @PreDestroy
    void stop() {
        periodic.cancel(false);
        checkpointQuietly();
    }

    /** Writes a checkpoint now and hands it to the witness (also what an operator's request does). */
    public Checkpoint checkpoint() throws IOException {
        Checkpoint c = log.write(Instant.now(), node, config.settings().checkpointInterval().getSeconds(), key, previous, lastWritten);
        lastWritten = c;
        deliver();
        return c;
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (IOException | RuntimeException e) {
            LOG.warning("audit checkpoint failed: " + e.getMessage());
        }
    }

    private void deliver() {
        Optional<Path> dir = config.settings().witnessDir();
        if (dir.isEmpty()) {
            return;
        }
        try {
            log.deliver(dir.get());
            witness.delivered();
        } catch (IOException e) {
            if (witness.behind(Instant.now())) {
                LOG.warning("The audit witness " + dir.get() + " cannot be written (" + e.getMessage()
                        + "): checkpoints are kept and delivered when it is back");
            }
        }
    }

    public PublicKey publicKey() {
        return key.publicKey();
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    public List<String> lines(java.time.LocalDate from) throws IOException {
        return log.lines(from);
    }

    public List<CheckpointVerifier.Finding> verify() throws IOException {
        Optional<Path> witnessDir = config.settings().witnessDir();
        List<CheckpointVerifier.Finding> findings = new java.util.ArrayList<>(new CheckpointVerifier(config.settings().auditDir())
                .verify(key.publicKey(), witnessDir.filter(Files::isDirectory), Instant.now()));
        if (witnessDir.isPresent() && !Files.isDirectory(witnessDir.get())) {
            findings.add(new CheckpointVerifier.Finding("witness-unavailable", CheckpointVerifier.Severity.WARNING,
                    witnessDir.get().toString(), 0, "the witness's copy could not be read: a rolled-back checkpoint log would not show"));
        }
        return findings;
    }
}
