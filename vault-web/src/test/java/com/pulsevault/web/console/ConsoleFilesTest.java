package com.pulsevault.web.console;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which paths are console files, and the policy they are served with. */
class ConsoleFilesTest {

    @Test
    void theContextRootIsThePage() {
        assertEquals(Optional.of("/index.html"), ConsoleFiles.fileFor(""));
        assertEquals(Optional.of("/index.html"), ConsoleFiles.fileFor("/"));
        assertEquals(Optional.of("/index.html"), ConsoleFiles.fileFor("/index.html"));
    }

    @Test
    void scriptsStylesAndImagesOfTheBuildAreServed() {
        assertEquals(Optional.of("/app/main.js"), ConsoleFiles.fileFor("/app/main.js"));
        assertEquals(Optional.of("/app/pages/library.js"), ConsoleFiles.fileFor("/app/pages/library.js"));
        assertEquals(Optional.of("/vendor/hls.min.js"), ConsoleFiles.fileFor("/vendor/hls.min.js"));
        assertEquals(Optional.of("/app/console.css"), ConsoleFiles.fileFor("/app/console.css"));
    }

    @Test
    void nothingElseOfTheWebModuleIsServed() {
        assertFalse(ConsoleFiles.fileFor("/WEB-INF/web.xml").isPresent());
        assertFalse(ConsoleFiles.fileFor("/META-INF/MANIFEST.MF").isPresent());
        assertFalse(ConsoleFiles.fileFor("/app").isPresent());
        assertFalse(ConsoleFiles.fileFor("/app/").isPresent());
        assertFalse(ConsoleFiles.fileFor("/app/../WEB-INF/beans.xml").isPresent());
        assertFalse(ConsoleFiles.fileFor("/app/x.html").isPresent());
        assertFalse(ConsoleFiles.fileFor("/app/.hidden.js").isPresent());
        assertFalse(ConsoleFiles.fileFor("/index.htm").isPresent());
        assertFalse(ConsoleFiles.fileFor("/auth-error").isPresent());
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndNoOtherHostThanTheIssuer() {
        String csp = ConsoleFiles.headers("https://idp.example:8443/realms/hospital").get("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'self';"), csp);
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("connect-src 'self' https://idp.example:8443;"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    }

    @Test
    void anIssuerThatIsNoHttpUrlAddsNoSource() {
        assertTrue(ConsoleFiles.headers("").get("Content-Security-Policy").contains("connect-src 'self';"));
        assertTrue(ConsoleFiles.headers("javascript:alert(1)").get("Content-Security-Policy").contains("connect-src 'self';"));
    }
}
