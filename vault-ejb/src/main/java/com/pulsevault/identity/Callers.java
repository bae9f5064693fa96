package com.pulsevault.identity;

import com.pulsevault.audit.AuditTrail;
import com.pulsevault.config.VaultConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Function;

/** Makes the {@link Caller} of a request from its verified token, with the deployment's claim settings. */
@ApplicationScoped
public class Callers {

    @Inject
    VaultConfig config;
    @Inject
    AuditTrail audit;

    private TokenClaims claims;

    @PostConstruct
    void init() {
        claims = new TokenClaims(config.settings().rolesClaim(), config.settings().teamsClaim());
    }

    /**
     * @param claim  the verified token's claims by name
     * @param client the request's anonymised address
     */
    public Caller fromToken(Function<String, Object> claim, String client) {
        return claims.caller(claim, audit::actorFor, client);
    }
}
