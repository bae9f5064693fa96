package com.pulsevault.audit;

import com.pulsevault.config.VaultConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Clock;

/** The deployment's audit trail: every module records events here. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrail {

    @Inject
    VaultConfig config;

    private AuditChain chain;
    private AuditVerifier verifier;
    private ActorReference actors;

    @PostConstruct
    void start() {
        chain = new AuditChain(config.settings().auditDir(), Clock.systemUTC());
        verifier = new AuditVerifier(config.settings().auditDir());
        actors = new ActorReference(config.hmacKey());
    }

    /** Durable before it returns. */
    public void record(AuditCategory category, AuditEntry entry) {
        chain.append(category, entry);
    }

    /** The pseudonym that stands for a user id in audit lines. */
    public String actorFor(String userId) {
        return actors.of(userId);
    }

    public VerificationReport verify(AuditCategory category, DayRange days) throws IOException {
        return verifier.verify(category, days);
    }

    /** Every event about the video from {@code from} (its upload day) to today, with each chain's verification. */
    public VideoHistory.Result history(String videoId, String uploadId, java.time.LocalDate from) throws IOException {
        return new VideoHistory(config.settings().auditDir()).of(videoId, uploadId, from,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }
}
