package io.parameterportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core, the accessibility rules engine, from npm: installed under {@code target/axe} on first use
 * (never committed), run inside the page against WCAG 2.0–2.2 A and AA and axe's best practices. A
 * missing npm or registry fails the test, in CI and outside it: these checks are never skipped.
 */
final class Axe {

    static final String VERSION = "4.11.1";
    private static final Path PREFIX = Path.of("target", "axe");
    private static final Path SCRIPT = PREFIX.resolve("node_modules/axe-core/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
              .then(result => done(JSON.stringify(result.violations.map(v => ({
                  rule: v.id, impact: v.impact, help: v.help,
                  where: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary) })))))
              .catch(e => done(JSON.stringify([{ rule: 'axe-failed', impact: 'critical', help: String(e), where: [] }])));
            """;

    /** One rule broken, with the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> where) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "\n    " + String.join("\n    ", where);
        }
    }

    private static String source;

    private Axe() {
    }

    /** The violations on the page as it is now (open dialogs, error sentences and all). */
    static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        // Evaluated by the driver, not loaded by the page: the page's CSP (script-src 'self') stays as it is.
        page.executeScript(source() + "\n;window.axe = axe;");
        String json = (String) page.executeAsyncScript(RUN);
        try {
            return new ObjectMapper().readValue(json, new TypeReference<List<Violation>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("axe's answer was not the JSON expected: " + json, e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                install();
            }
            try {
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SCRIPT, e);
            }
        }
        return source;
    }

    private static void install() {
        String command = "npm install --prefix " + PREFIX + " --no-save --no-audit --no-fund axe-core@" + VERSION;
        try {
            Process npm = new ProcessBuilder(command.split(" ")).redirectErrorStream(true)
                    .redirectOutput(Files.createDirectories(PREFIX).resolve("npm.log").toFile()).start();
            if (!npm.waitFor(180, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new AssertionError("The accessibility checks need axe-core; `" + command + "` took over 3 minutes.");
            }
            if (npm.exitValue() != 0 || !Files.isRegularFile(SCRIPT)) {
                throw new AssertionError("The accessibility checks need axe-core; `" + command + "` failed (see "
                        + PREFIX.resolve("npm.log") + "). They are never skipped.");
            }
        } catch (IOException e) {
            throw new AssertionError("The accessibility checks need npm to install axe-core (`" + command
                    + "`); it could not run: " + e.getMessage() + ". Install Node.js and npm. They are never skipped.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while installing axe-core", e);
        }
    }
}
