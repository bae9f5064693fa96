package com.pulsevault.web.console;

import com.pulsevault.config.VaultConfig;
import com.pulsevault.settings.VaultSettings;
import com.pulsevault.web.problem.ProblemType;
import com.pulsevault.web.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/console/config}: what the console needs before anyone has signed in (so it needs no
 * token): the issuer to sign in at and the client to sign in as. Nothing secret: the client is public.
 */
@Path("console/config")
@RequestScoped
public class ConsoleConfigResource {

    @Inject
    VaultConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        VaultSettings settings = config.settings();
        if (!settings.consoleEnabled()) {
            return Problems.response(ProblemType.NOT_FOUND, "The console is switched off (" + VaultSettings.CONSOLE_ENABLED + ")");
        }
        String body = Json.createObjectBuilder()
                .add("issuer", settings.jwtIssuer().orElse(""))
                .add("clientId", settings.consoleClientId())
                .add("scope", "openid")
                .build().toString();
        return Response.ok(body).header("Cache-Control", "no-cache").build();
    }
}
