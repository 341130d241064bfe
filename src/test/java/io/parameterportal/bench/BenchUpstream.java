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
 * The benchmark's upstream, in its own process: the AWS stand-in on a given port (0: any free one), plus
 * request bodies for the load tools — {@code first-view.txt} (one new user per line),
 * {@code repeat-view.json} (one user, again and again), {@code invalid.json} (an id token signed by a
 * stranger's key) and, when asked, {@code unknown-kid.txt} (well-formed tokens, each naming a key id
 * the pool does not publish, one body per line: {@code bench/jwks-attack.sh}). The stand-in is also the hosted UI
 * of the code flow (the app's {@code PORTAL_HOSTED_UI_DOMAIN}): {@code /oauth2/authorize} signs the bench user in at
 * once and {@code /oauth2/token} redeems the code for tokens signed with the pool's key ({@link AwsStandIn}), which is
 * how {@code bench/signin.py} signs in for the session variant of {@code bench/run.sh}.
 *
 * <p>Usage: {@code BenchUpstream <port> <output dir> <first-view users> [unknown-kid tokens]}; runs
 * until killed. Faults are switched over HTTP ({@code /_fault}, see {@link AwsStandIn}).
 */
public final class BenchUpstream {

    private BenchUpstream() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int firstViewUsers = Integer.parseInt(args[2]);

        AwsStandIn aws = new AwsStandIn();
        // The path the listing variants (d, e) of bench/run.sh list: two pages of SSM's 10, half of them SecureStrings.
        aws.pathHoldsSecureStrings("/bench/listed", 20);
        List<String> firstViews = new ArrayList<>();
        for (int i = 0; i < firstViewUsers; i++) {
            firstViews.add(body(aws.idToken(UUID.randomUUID().toString(), "Bench User " + i)));
        }
        Files.write(out.resolve("first-view.txt"), firstViews);
        String repeat = aws.idToken("bench-repeat", "Bench Repeat");
        Files.writeString(out.resolve("repeat-view.json"), body(repeat));
        Files.writeString(out.resolve("invalid.json"), body(signedByStranger(aws)));
        // Show and History of the repeat user (variant d configures /bench/listed): p02 is a SecureString.
        Files.writeString(out.resolve("reveal.json"), "{\"name\":\"/bench/listed/p02\",\"idToken\":\"" + repeat + "\"}");
        Files.writeString(out.resolve("history.json"), "{\"name\":\"/bench/listed/p01\",\"idToken\":\"" + repeat + "\"}");
        int unknownKids = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        if (unknownKids > 0) {
            Files.write(out.resolve("unknown-kid.txt"), unknownKidTokens(aws, unknownKids));
        }

        aws.start(port);
        System.out.println("bench upstream ready on " + aws.endpoint());
        Thread.currentThread().join();
    }

    private static String body(String token) {
        return "{\"idToken\":\"" + token + "\"}";
    }

    /** One stranger's key under a new kid each time: every token names a key the pool never published. */
    private static List<String> unknownKidTokens(AwsStandIn aws, int count) throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            stranger.setKeyId("unknown-" + UUID.randomUUID());
            bodies.add(body(AwsStandIn.signWith(aws.idClaims("intruder-" + i, "Intruder"), stranger,
                    AlgorithmIdentifiers.RSA_USING_SHA256)));
        }
        return bodies;
    }

    private static String signedByStranger(AwsStandIn aws) throws Exception {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(aws.poolKey().getKeyId());
        return AwsStandIn.signWith(aws.idClaims("intruder", "Intruder"), stranger, AlgorithmIdentifiers.RSA_USING_SHA256);
    }
}
