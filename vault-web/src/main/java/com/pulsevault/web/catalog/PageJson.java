package com.pulsevault.web.catalog;

import com.pulsevault.catalog.CatalogEntry;
import com.pulsevault.catalog.CatalogPage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** A page of the catalog as lists and searches answer it: {@code {items:[…], next}}. */
final class PageJson {

    private PageJson() {
    }

    static String write(CatalogPage page) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (CatalogEntry e : page.items()) {
            items.add(Json.createObjectBuilder()
                    .add("id", e.videoId())
                    .add("status", e.status())
                    .add("uploadedAt", e.uploadedAt().toString())
                    .add("duration", e.duration())
                    .add("renditions", e.renditions())
                    .add("title", text(e.title()))
                    .add("poster", text(e.poster())));
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("items", items);
        body.add("next", page.next() == null ? JsonValue.NULL : Json.createValue(page.next().encode()));
        return body.build().toString();
    }

    private static JsonValue text(String s) {
        return s == null ? JsonValue.NULL : Json.createValue(s);
    }
}
