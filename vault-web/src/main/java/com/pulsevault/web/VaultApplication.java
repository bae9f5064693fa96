package com.pulsevault.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Everything the vault serves over HTTP lives under {@code <context root>/api/v1}. Bearer tokens are
 * verified by the server's MicroProfile JWT (issuer, keys and audience from {@code mp.jwt.verify.*});
 * which requests need one is decided by {@link com.pulsevault.web.auth.AuthenticationFilter}.
 * {@code @ApplicationScoped} because Payara finds {@code @LoginConfig} only on a CDI bean.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "pulsevault")
@ApplicationScoped
public class VaultApplication extends Application {
}
