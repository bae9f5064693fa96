package com.pulsevault.web.catalog;

import com.pulsevault.catalog.CatalogEntry;
import com.pulsevault.catalog.CatalogPage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/** A page of the catalog as lists and searches answer it: {@code {items:[…], next}}. */
final class PageJson {

    /** One factory: Json.createObjectBuilder() looks its provider up anew on every call (jakartaee/jsonp-api#154). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private PageJson() {
    }

    static String write(CatalogPage page) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (CatalogEntry e : page.items()) {
            items.add(JSON.createObjectBuilder()
                    .add("id", e.videoId())
                    .add("status", e.status())
                    .add("uploadedAt", e.uploadedAt().toString())
                    .add("duration", e.duration())
                    .add("renditions", e.renditions())
                    .add("title", text(e.title()))
                    .add("poster", text(e.poster())));
        }
        JsonObjectBuilder body = JSON.createObjectBuilder().add("items", items);
        body.add("next", page.next() == null ? JsonValue.NULL : PROVIDER.createValue(page.next().encode()));
        return body.build().toString();
    }

    private static JsonValue text(String s) {
        return s == null ? JsonValue.NULL : PROVIDER.createValue(s);
    }
}
