package io.parameterportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The code flow's cross-site rule for the API, without an app: JSON POSTs from the portal's own origin only. */
class SameOriginPostsTest {

    private static final URI PUBLIC_URL = URI.create("https://portal.example.com");
    private static final String OWN_ORIGIN = "https://portal.example.com";
    private static final MediaType JSON = new MediaType("application", "json");

    @Test
    void onlyTheApisPostsAreJudged() {
        assertThat(SameOriginPosts.judges("POST", "/api/session")).isTrue();
        assertThat(SameOriginPosts.judges("POST", "/api/parameter")).isTrue();
        assertThat(SameOriginPosts.judges("GET", "/api/session")).isFalse();
        assertThat(SameOriginPosts.judges("PUT", "/api/session")).isFalse();
        assertThat(SameOriginPosts.judges("POST", "/signin")).isFalse();
        assertThat(SameOriginPosts.judges("POST", "/apix")).isFalse();
    }

    @Test
    void jsonFromThePortalsOwnPagesIsServed() {
        assertThat(SameOriginPosts.refusal(JSON, "same-origin", OWN_ORIGIN, PUBLIC_URL)).isEmpty();
        assertThat(SameOriginPosts.refusal(new MediaType("application", "json", "utf-8"), "same-origin", null, PUBLIC_URL)).isEmpty();
        assertThat(SameOriginPosts.refusal(JSON, null, OWN_ORIGIN, PUBLIC_URL)).as("Origin without Sec-Fetch-Site").isEmpty();
        assertThat(SameOriginPosts.refusal(JSON, null, "http://127.0.0.1:8080", URI.create("http://127.0.0.1:8080/")))
                .as("local mode's own loopback origin").isEmpty();
    }

    @Test
    void anythingButJsonIsRefused() {
        MediaType[] notJson = { null, MediaType.TEXT_PLAIN_TYPE, MediaType.APPLICATION_FORM_URLENCODED_TYPE,
            MediaType.MULTIPART_FORM_DATA_TYPE, new MediaType("application", "*"), MediaType.WILDCARD_TYPE, MediaType.APPLICATION_XML_TYPE };
        for (MediaType type : notJson) {
            assertCrossSite(SameOriginPosts.refusal(type, "same-origin", OWN_ORIGIN, PUBLIC_URL), "application/json only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "cross-site", "same-site", "none" })
    void aPostFromAnotherSiteIsRefusedNamingWhatTheBrowserSaid(String site) {
        assertCrossSite(SameOriginPosts.refusal(JSON, site, null, PUBLIC_URL), "(Sec-Fetch-Site: " + site + ")");
        assertCrossSite(SameOriginPosts.refusal(JSON, site, OWN_ORIGIN, PUBLIC_URL), "(Sec-Fetch-Site: " + site + ")");
    }

    @Test
    void aSecFetchSiteNoBrowserSendsIsNotRepeated() {
        for (String odd : new String[] { "<script>", "Cross-Site", "a-value-far-too-long", "" }) {
            Optional<Problem> refusal = SameOriginPosts.refusal(JSON, odd, null, PUBLIC_URL);
            assertCrossSite(refusal, "(Sec-Fetch-Site: unexpected)");
        }
    }

    @Test
    void aPostFromAnotherOriginIsRefused() {
        Map<String, URI> foreign = Map.of(
                "https://attacker.example", PUBLIC_URL,
                "http://portal.example.com", PUBLIC_URL,
                "https://portal.example.com:8443", PUBLIC_URL,
                "null", PUBLIC_URL,
                "http://127.0.0.1:8081", URI.create("http://127.0.0.1:8080/"));
        foreign.forEach((origin, ownBase) ->
                assertCrossSite(SameOriginPosts.refusal(JSON, null, origin, ownBase), "not requests from another origin"));
        assertCrossSite(SameOriginPosts.refusal(JSON, "same-origin", "https://attacker.example", PUBLIC_URL),
                "not requests from another origin");
    }

    private static void assertCrossSite(Optional<Problem> refusal, String detail) {
        assertThat(refusal).hasValueSatisfying(problem -> {
            assertThat(problem.status()).isEqualTo(403);
            assertThat(problem.reason()).isEqualTo("CROSS_SITE");
            assertThat(problem.detail()).contains(detail);
        });
    }
}
