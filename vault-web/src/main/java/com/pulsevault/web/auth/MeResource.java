package com.pulsevault.web.auth;

import com.pulsevault.identity.AccessRules;
import com.pulsevault.identity.Caller;
import com.pulsevault.identity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/me}: who the vault takes the caller to be, and what kinds of thing it may do, so a
 * client (the console) shows only those. The API still decides each request.
 */
@Path("me")
@RequestScoped
public class MeResource {

    @Inject
    CurrentCaller current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        Caller caller = current.get();
        JsonArrayBuilder roles = Json.createArrayBuilder();
        caller.roles().stream().map(Role::claimValue).sorted().forEach(roles::add);
        JsonArrayBuilder teams = Json.createArrayBuilder();
        caller.teams().stream().sorted().forEach(teams::add);
        String body = Json.createObjectBuilder()
                .add("actor", caller.actor())
                .add("roles", roles)
                .add("teams", teams)
                .add("may", Json.createObjectBuilder()
                        .add("watch", caller.hasAny(AccessRules.MEDIA))
                        .add("upload", caller.hasAny(AccessRules.UPLOADING))
                        .add("audit", caller.hasAny(AccessRules.AUDIT))
                        .add("operate", caller.hasAny(AccessRules.OPERATIONS))
                        .add("legalHold", caller.has(Role.ADMIN)))
                .build().toString();
        return Response.ok(body).header("Cache-Control", "private, no-store").build();
    }
}
