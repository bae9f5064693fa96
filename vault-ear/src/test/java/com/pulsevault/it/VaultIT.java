package com.pulsevault.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.file.Path;

/**
 * Black-box tests of the real EAR in a real WildFly or Payara (started once per run by Arquillian;
 * see {@link AppServer}), with a private redis-server. Tests talk HTTP and look at the media root the way an operator would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class VaultIT {

    public static final Path MEDIA_ROOT = Path.of(System.getProperty("vault.media.root"));

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("vault.ear")));
    }

    @BeforeAll
    static void redisRunning() {
        TestRedis.ensureRunning();
    }
}
