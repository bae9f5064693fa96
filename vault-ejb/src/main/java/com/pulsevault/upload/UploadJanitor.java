package com.pulsevault.upload;

import com.pulsevault.audit.ActorReference;
import com.pulsevault.audit.AuditCategory;
import com.pulsevault.audit.AuditEntry;
import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Removes expired, unfinished uploads every {@code pulsevault.upload.cleanup-interval-seconds}. */
@Singleton
@Startup
@DependsOn("VaultConfig")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UploadJanitor {

    private static final Logger LOG = Logger.getLogger(UploadJanitor.class.getName());

    @Inject
    VaultConfig config;
    @Inject
    UploadStore uploads;
    @Inject
    AuditTrail audit;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = config.settings().uploadCleanupInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void sweep() {
        try {
            int removed = uploads.removeExpired(Instant.now());
            if (removed > 0) {
                audit.record(AuditCategory.UPLOAD, new AuditEntry("upload.expire", null, null, ActorReference.SYSTEM,
                        null, "success", removed + " expired upload(s) removed"));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "expired-upload sweep failed", e);
        }
    }
}
