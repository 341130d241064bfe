package io.parameterportal.browser;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The browser scenarios against the packaged jar, run by failsafe in {@code ./mvnw verify}: the jar
 * starts with the prod profile, made local mode on loopback by {@link LocalModeJarProfile} (its
 * overrides reach the jar's command line as {@code -D} options).
 *
 * <p>A surefire run picked by a package pattern ({@code -Dtest='io.parameterportal.browser.**'})
 * would also select this class, in the test phase where no current jar exists and while the
 * {@code @QuarkusTest} app holds the test port; {@code native.image.path} is set only in failsafe's
 * configuration (pom.xml), so there the class is reported as disabled, with the reason below.
 */
@QuarkusIntegrationTest
@TestProfile(LocalModeJarProfile.class)
@EnabledIfSystemProperty(named = "native.image.path", matches = ".+",
        disabledReason = "tests the packaged jar: runs under failsafe in ./mvnw verify, not in surefire's test phase")
public class BrowserSignInIT extends BrowserSignInTest {
}
