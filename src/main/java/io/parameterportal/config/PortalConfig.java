package io.parameterportal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every {@code portal.*} setting. Environment names follow Quarkus' mapping
 * ({@code PORTAL_USER_POOL_ID} is {@code portal.user-pool-id}); the README's table mirrors this file.
 * Settings that only {@code aws} mode needs are optional here and checked by {@link PortalConfigParts}, which also
 * resolves the {@link CognitoPool}, the {@link CognitoEndpoints} and the {@link ParameterScope} from them once.
 */
@ConfigMapping(prefix = "portal")
public interface PortalConfig {

    /** {@code aws}: real Cognito and SSM. {@code local}: the embedded stand-ins, no AWS account. No default in prod. */
    Mode mode();

    /** Region of the pools and the parameter; set from {@code AWS_REGION}. */
    Optional<String> region();

    /** Cognito user pool id, e.g. {@code ap-northeast-1_AbCdEf123}. */
    Optional<String> userPoolId();

    /** App client id of the user pool: a public client (no secret) allowing the grant of {@link #oauthFlow()}. */
    Optional<String> clientId();

    /** Cognito identity pool id, e.g. {@code ap-northeast-1:1111…}. */
    Optional<String> identityPoolId();

    /**
     * Host of the hosted UI, e.g. {@code fa-012.auth.ap-northeast-1.amazoncognito.com}, reached over https. For an
     * emulator or a test it may carry an explicit {@code http://} or {@code https://} scheme (and port), e.g.
     * {@code http://127.0.0.1:18500}, which is then used as is.
     */
    Optional<String> hostedUiDomain();

    /** Name of the SSM parameter shown after sign-in (the tutorial's one). */
    Optional<String> parameterName();

    /**
     * SSM paths (comma-separated, each starting with {@code /}) whose parameters are listed after sign-in:
     * every parameter under each path that the user's role may read, recursively and not decrypted (a
     * SecureString's value is read only through {@code /api/parameter}). Reveal and history take only the
     * tutorial's parameter and names under these paths. Local
     * mode lists {@code /portal/public,/portal/ops} unless set; aws mode lists none unless set.
     */
    Optional<List<String>> parameterPaths();

    /** Most parameters listed per path (SSM answers 10 per page); the listing says when it stopped short. */
    @WithDefault("100")
    int pathMaxParameters();

    /** One endpoint replacing cognito-idp (JWKS), cognito-identity and ssm, e.g. a moto server. */
    Optional<URI> awsEndpoint();

    /**
     * The app's public origin, e.g. {@code https://portal.example.com}: {@code redirect_uri} and {@code logout_uri}
     * are built from it alone. Required in aws mode; in local mode, unset means the loopback origin the browser used.
     */
    Optional<URI> publicUrl();

    /**
     * How the hosted UI hands the sign-in over: {@code implicit} (the seed's flow, id token in the URL fragment) or
     * {@code code} (authorization code + PKCE S256, redeemed by the service's OAuth client, quarkus-oidc, which keeps
     * the tokens in an encrypted session cookie; recommended by RFC 9700 and the browser-based-apps BCP).
     */
    @WithDefault("implicit")
    OAuthFlow oauthFlow();

    /**
     * Code flow: the key that encrypts the session cookie (id and refresh token) and the sign-in's state cookie
     * (state, nonce, PKCE verifier), at least 32 characters. Every instance behind the load balancer needs the same
     * one, so that any of them reads the others' cookies: take it from a secret store. Required in aws mode with
     * {@code oauth-flow=code}; local mode makes a random one per start (sessions end with the process).
     */
    Optional<String> sessionSecret();

    /** Upper bound of every AWS call (including the SDK's retries), of a JWKS fetch and of a token-endpoint call. */
    @WithDefault("3s")
    Duration upstreamTimeout();

    /**
     * Longest time a client may take to send a whole request, headers and body: a client that declares
     * a body and then trickles or withholds it is cut off, so slow clients cannot hold connections open.
     */
    @WithDefault("30s")
    Duration requestReadTimeout();

    /** Id-token checks. */
    Token token();

    /** Whether the embedded stand-ins serve Cognito and SSM. */
    default boolean localMode() {
        return mode() == Mode.LOCAL;
    }

    /** The code flow: the service is the OAuth client and keeps a session. */
    default boolean codeFlow() {
        return oauthFlow() == OAuthFlow.CODE;
    }

    /** Identity-pool credentials, kept per token (and role) for its repeat views. */
    CredentialCache credentialCache();

    /** A user's parameter values (per token and role), kept for repeat views; off by default. */
    ValueCache valueCache();

    /** The embedded stand-ins of {@code local} mode. */
    Local local();

    enum Mode {
        AWS,
        LOCAL
    }

    /** The OAuth 2.0 grant the Sign In link asks the hosted UI for. */
    enum OAuthFlow {
        /** {@code response_type=token}: the tokens come back in the URL fragment of {@code /signin}. */
        IMPLICIT,
        /** {@code response_type=code} with PKCE S256: a one-time code in the query, redeemed by the service, which keeps a session. */
        CODE
    }

    interface Token {
        /** Tolerated clock difference for {@code exp}, {@code nbf} and {@code iat}. */
        @WithDefault("30s")
        Duration clockSkew();

        /** A token with an unknown {@code kid} refetches the JWKS at most this often. */
        @WithDefault("10s")
        Duration jwksRefetchInterval();

        /** Most tokens whose verdict is kept until they expire, so that a repeat view skips the RSA check; 0 keeps none. */
        @WithDefault("10000")
        int cacheMaxSize();
    }

    interface CredentialCache {
        /** Most tokens whose credentials are kept; the least recently used are dropped beyond it. */
        @WithDefault("10000")
        int maxSize();

        /**
         * Longest reuse of a token's identity-pool credentials before the token is traded again: a
         * revoked, signed-out or disabled user loses access through the portal within this time.
         */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface ValueCache {
        /**
         * How long a user's values are served from memory: repeat views within it make no AWS call, and
         * a changed value or policy shows up to this much later. {@code 0s} (the default) keeps nothing.
         */
        @WithDefault("0s")
        Duration ttl();

        /** Most views (token and role) whose values are kept; the least recently used are dropped beyond it. */
        @WithDefault("1000")
        int maxSize();
    }

    interface Local {
        /** Where local mode's stand-ins live on the app's own origin. */
        String PREFIX = "/local";

        /** The writer of a local parameter version that names none. */
        String LOCAL_ADMIN = "arn:aws:iam::000000000000:user/local-admin";

        /**
         * Local mode serves a demo sign-in with known passwords: it refuses to bind a non-loopback HTTP host
         * unless this is true. It only lifts the bind check: requests must still name an allowed host.
         */
        @WithDefault("false")
        boolean allowRemote();

        /**
         * Host names besides the loopback ones ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) that
         * local mode answers, comma-separated, e.g. {@code portal.lan}; compared without the port, ignoring case.
         * Any other Host gets 421, so that a page whose own name resolves to this machine (DNS rebinding)
         * cannot drive the demo sign-in.
         */
        Optional<List<String>> allowedHosts();

        /** The local user pool's users by username, e.g. {@code portal.local.users.demo.password=demo}. */
        Map<String, User> users();

        /** The local user pool's groups by name, each carrying an IAM role, as Cognito groups do. */
        Map<String, Group> groups();

        /**
         * The local IAM roles by name ({@code arn:aws:iam::000000000000:role/<name>}), each with what it allows,
         * e.g. {@code portal.local.roles.PortalOpsRole.allow."ssm\\:GetParametersByPath"=arn:aws:ssm:*:*:parameter/portal/ops}
         * (in a properties file the action's colon is escaped).
         */
        Map<String, Role> roles();

        /** The identity pool's authenticated role: the role of a user whose token names none (a user in no group). */
        @WithDefault("PortalAuthenticatedRole")
        String authenticatedRole();

        /**
         * The local Parameter Store by name, e.g. {@code portal.local.parameters."/portal/motd".value=Hello};
         * names with dots or slashes need quotes in properties.
         */
        Map<String, Parameter> parameters();

        interface User {
            /** Sign-in password, compared as given: demo data, never a real secret. */
            String password();

            /** The {@code name} attribute, shown after sign-in. */
            String name();

            /** The {@code email} attribute, written into the id token as verified. */
            String email();

            /** A disabled user cannot sign in, and the local identity pool refuses their tokens, as Cognito does. */
            @WithDefault("true")
            boolean enabled();

            /** The groups the user is in; their roles go into the id token's {@code cognito:roles}. */
            Optional<List<String>> groups();
        }

        interface Group {
            /** Name of the group's role in {@code portal.local.roles}. */
            String role();

            /** Cognito's precedence: the lowest number names the user's {@code cognito:preferred_role}. */
            @WithDefault("0")
            int precedence();
        }

        interface Role {
            /**
             * IAM actions (e.g. {@code ssm:GetParameter}, {@code kms:Decrypt}) to the resource ARNs they are
             * allowed on, IAM wildcards {@code *} and {@code ?} included; everything else is implicitly denied.
             */
            Map<String, List<String>> allow();
        }

        /**
         * One version of a local parameter: its value, type, labels, writer and description.
         */
        interface Version {
            /** The version's value. */
            String value();

            /** {@code String}, {@code StringList} or {@code SecureString} (encrypted with the local KMS key). */
            @WithDefault("String")
            String type();

            /** The labels on the version (comma-separated), e.g. {@code prod}: GetParameter takes {@code name:label}. */
            Optional<List<String>> labels();

            /** Who wrote the version, as SSM's {@code LastModifiedUser} names them (an IAM ARN). */
            @WithDefault(LOCAL_ADMIN)
            String lastModifiedUser();

            /** The parameter's description as of the version. */
            Optional<String> description();
        }

        /**
         * A local parameter: its current version (the members of {@link Version}), and its earlier ones in
         * {@link #history()}, e.g. {@code portal.local.parameters."/portal/db".history[0].value=old} (version 1;
         * the current value is the version after the last earlier one).
         */
        interface Parameter extends Version {
            /** Earlier versions, oldest first: {@code history[0]} is version 1. Each was written a day before the next. */
            Optional<List<Version>> history();
        }
    }
}
