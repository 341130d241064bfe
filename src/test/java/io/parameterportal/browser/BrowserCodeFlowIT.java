package io.parameterportal.browser;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The code-flow browser scenarios against the packaged jar (prod profile, local mode on loopback, code flow). */
@QuarkusIntegrationTest
@TestProfile(JarProfiles.CodeFlow.class)
public class BrowserCodeFlowIT extends BrowserCodeFlowTest {
}
