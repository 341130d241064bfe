package io.parameterportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;

import io.parameterportal.testing.AwsStandIn;

/**
 * The benchmark's upstream, in its own process: the AWS stand-in on a given port, plus request bodies
 * for the load tools — {@code first-view.txt} (one new user per line), {@code repeat-view.json} (one
 * user, again and again) and {@code invalid.json} (an id token signed by a stranger's key). The stand-in also
 * serves the hosted UI's token endpoint: {@code GET /_codes?n=N} issues N codes of new users, one code-flow body
 * per line, each redeemed once at {@code POST /oauth2/token} (the app's {@code PORTAL_HOSTED_UI_DOMAIN}).
 *
 * <p>Usage: {@code BenchUpstream <port> <output dir> <first-view users>}; runs until killed.
 */
public final class BenchUpstream {

    private BenchUpstream() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int firstViewUsers = Integer.parseInt(args[2]);

        AwsStandIn aws = new AwsStandIn();
        List<String> firstViews = new ArrayList<>();
        for (int i = 0; i < firstViewUsers; i++) {
            firstViews.add(body(aws.idToken(UUID.randomUUID().toString(), "Bench User " + i)));
        }
        Files.write(out.resolve("first-view.txt"), firstViews);
        Files.writeString(out.resolve("repeat-view.json"), body(aws.idToken("bench-repeat", "Bench Repeat")));
        Files.writeString(out.resolve("invalid.json"), body(signedByStranger(aws)));

        aws.start(port);
        System.out.println("bench upstream ready on " + aws.endpoint());
        Thread.currentThread().join();
    }

    private static String body(String token) {
        return "{\"idToken\":\"" + token + "\"}";
    }

    private static String signedByStranger(AwsStandIn aws) throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(aws.poolKey().getKeyId());
        return AwsStandIn.signWith(aws.idClaims("intruder", "Intruder"), stranger, AlgorithmIdentifiers.RSA_USING_SHA256);
    }
}
