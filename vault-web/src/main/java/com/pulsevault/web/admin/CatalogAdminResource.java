package com.pulsevault.web.admin;

import com.pulsevault.catalog.Catalog;
import com.pulsevault.web.auth.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/** {@code POST /api/v1/admin/catalog/rebuild} (admin): the catalog index emptied and filled again from meta.json. */
@Path("admin/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogAdminResource {

    @Inject
    Catalog catalog;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("rebuild")
    public Response rebuild() {
        catalog.rebuild(caller.get());
        return Response.accepted(state()).build();
    }

    @GET
    public Response status() {
        catalog.requireOperator(caller.get());
        return Response.ok(state()).build();
    }

    private String state() {
        return Json.createObjectBuilder().add("index", catalog.state().name().toLowerCase(Locale.ROOT)).build().toString();
    }
}
