package io.parameterportal.browser;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The browser scenarios against the packaged jar, run by failsafe in {@code ./mvnw verify}: the jar
 * starts with the prod profile, made local mode on loopback by {@link JarProfiles.LocalMode} (its
 * overrides reach the jar's command line as {@code -D} options).
 */
@QuarkusIntegrationTest
@TestProfile(JarProfiles.LocalMode.class)
public class BrowserSignInIT extends BrowserSignInTest {
}
