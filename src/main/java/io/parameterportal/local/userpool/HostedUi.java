package io.parameterportal.local.userpool;

import java.net.URI;

import jakarta.inject.Singleton;

import io.parameterportal.config.PortalConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The local stand-in of Cognito's hosted UI: {@code /oauth2/authorize} sends the browser on to {@code /login}, which shows
 * a sign-in form and, for the right password, sends the browser back to the app — with tokens in the
 * fragment (implicit grant) or a one-time code in the query (code grant, redeemed at {@link LocalTokenEndpoint});
 * {@code /logout} sends it back to the app's sign-out page. A request that names another client or another
 * address gets an error page, never a redirect; bad PKCE parameters go back to the app as
 * {@code ?error=invalid_request}, as on Cognito ({@link LocalAppClient}).
 */
@Singleton
public record HostedUi(LocalAppClient client, LocalUsers users, LocalUserPool userPool, LocalAuthorizationCodes codes) {

    public static final String SIGN_IN_PATH = PortalConfig.Local.PREFIX + "/login";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(SignInRequest request, String action, String username, String error);

        static native TemplateInstance error(String message);
    }

    /** {@code GET /oauth2/authorize}: as on Cognito, on to the sign-in page with the same parameters. */
    public void authorize(RoutingContext context) {
        String query = context.request().query();
        redirect(context, SIGN_IN_PATH + (query == null ? "" : "?" + query));
    }

    /** {@code GET /login}: the form, carrying the app's OAuth parameters in hidden fields. */
    public void showSignIn(RoutingContext context) {
        guarded(context, () -> {
            SignInRequest request = SignInRequest.from(context.request().params());
            client.checkSignIn(request, requestBase(context.request()));
            page(context, 200, Templates.login(request, SIGN_IN_PATH, "", ""));
        });
    }

    /** {@code POST /login}: the form's answer. */
    public void signIn(RoutingContext context) {
        HttpServerRequest http = context.request();
        guarded(context, () -> {
            SignInRequest request = SignInRequest.from(http.formAttributes());
            client.checkSignIn(request, requestBase(http));
            String username = http.getFormAttribute("username");
            String shownName = username == null ? "" : username;
            users.authenticate(username, http.getFormAttribute("password")).ifPresentOrElse(
                    user -> {
                        if (users.isEnabled(user.username())) {
                            redirect(context, request.codeGrant()
                                    ? request.redirectWithCode(codes.issue(user, userPool.authenticate(), request))
                                    : request.redirectWith(userPool.signIn(user, request.scope(), request.nonce())));
                        } else {
                            page(context, 200, Templates.login(request, SIGN_IN_PATH, shownName, "User is disabled."));
                        }
                    },
                    () -> page(context, 200, Templates.login(request, SIGN_IN_PATH, shownName,
                            "Incorrect username or password.")));
        });
    }

    /** {@code GET /logout}: there is no hosted-UI session to end here, only the way back to the app. */
    public void signOut(RoutingContext context) {
        HttpServerRequest http = context.request();
        String logoutUri = http.getParam("logout_uri");
        guarded(context, () -> {
            client.checkSignOut(http.getParam("client_id"), logoutUri, requestBase(http));
            redirect(context, logoutUri);
        });
    }

    private static void guarded(RoutingContext context, Runnable action) {
        try {
            action.run();
        } catch (HostedUiException e) {
            page(context, 400, Templates.error(e.getMessage()));
        } catch (SignInRedirectedError e) {
            redirect(context, e.location());
        }
    }

    /** The origin the browser used, as the app's own links see it (forwarded headers included). */
    private static URI requestBase(HttpServerRequest http) {
        String absolute = http.absoluteURI();
        if (absolute == null) {
            throw new HostedUiException("The request's address cannot be read.");
        }
        URI uri = URI.create(absolute);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
    }

    private static void page(RoutingContext context, int status, TemplateInstance page) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .end(page.render());
    }

    private static void redirect(RoutingContext context, String location) {
        context.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, location).end();
    }
}
