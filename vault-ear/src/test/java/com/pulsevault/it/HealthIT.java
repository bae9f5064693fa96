package com.pulsevault.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MicroProfile Health (WildFly: management port; Payara: HTTP port). (Readiness going down with Redis: FinalizeIT.) */
class HealthIT extends VaultIT {

    @Test
    void livenessIsUp() {
        HttpResponse<String> r = Http.send("GET", Http.HEALTH + "live", null);
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("UP", checks(r).get("pulsevault"));
    }

    @Test
    void readinessChecksRedisTheMediaRootAndFfmpeg() throws Exception {
        FinalizeIT.await(() -> FinalizeIT.readinessStatus() == 200, "ready");
        Map<String, String> checks = checks(Http.send("GET", Http.HEALTH + "ready", null));
        assertEquals("UP", checks.get("redis"));
        assertEquals("UP", checks.get("media-root"));
        assertEquals("UP", checks.get("ffmpeg"));
    }

    static Map<String, String> checks(HttpResponse<String> r) {
        return Http.json(r).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }
}
