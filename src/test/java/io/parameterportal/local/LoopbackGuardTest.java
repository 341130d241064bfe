package io.parameterportal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "LOCALHOST", "127.0.0.1", "127.1.2.254", "::1", "[::1]", "0:0:0:0:0:0:0:1",
            "::ffff:127.0.0.1", "[127.0.0.1]" })
    void loopbackHostsAreAccepted(String host) {
        assertThat(LoopbackGuard.isLoopback(host)).isTrue();
        assertThatCode(() -> LoopbackGuard.requireLoopback(host, false)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.com", "localhost.example.com",
            "127.0.0.256", "127.0.0", "128.0.0.1", "[::2]", "::1]", "[127.0.0.1", "::1::1" })
    void otherHostsAreRefusedWithAMessageSayingWhatToSet(String host) {
        assertThat(LoopbackGuard.isLoopback(host)).isFalse();
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(host, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUARKUS_HTTP_HOST=127.0.0.1")
                .hasMessageContaining("PORTAL_LOCAL_ALLOW_REMOTE=true");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.0.0.0", "192.168.1.10" })
    void remoteHostsAreAcceptedWhenForced(String host) {
        assertThatCode(() -> LoopbackGuard.requireLoopback(host, true)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127.0.0.1", "[::1]", "portal.lan", "Portal.LAN" })
    void loopbackAndAllowedHostsAreAdmitted(String host) {
        assertThat(LoopbackGuard.admits(host, Set.of("portal.lan"))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "rebound.attacker.example", "portal.lan.attacker.example", "0.0.0.0" })
    void otherHostsAreNotAdmitted(String host) {
        assertThat(LoopbackGuard.admits(host, Set.of("portal.lan"))).isFalse();
    }
}
