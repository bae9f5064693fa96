package com.pulsevault.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Everything the vault serves over HTTP lives under {@code <context root>/api/v1}. */
@ApplicationPath("/api/v1")
public class VaultApplication extends Application {
}
