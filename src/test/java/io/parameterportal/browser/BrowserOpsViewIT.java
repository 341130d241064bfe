package io.parameterportal.browser;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The ops view's scenarios against the packaged jar (prod profile, local mode on loopback). */
@QuarkusIntegrationTest
@TestProfile(JarProfiles.LocalMode.class)
public class BrowserOpsViewIT extends BrowserOpsViewTest {
}
