package io.parameterportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Keeps what the browser showed: on a failed test, {@code target/browser-screenshots/<test>.png}
 * (and the page's HTML next to it); on request, a named shot such as the signed-in page. The runs
 * against the packaged jar write to {@code target/browser-screenshots/jar/} instead.
 */
final class BrowserScreenshots implements TestWatcher {

    private static final Path ROOT = Path.of("target", "browser-screenshots");

    private final Supplier<WebDriver> driver;

    BrowserScreenshots(Supplier<WebDriver> driver) {
        this.driver = driver;
    }

    static Path directoryFor(Class<?> testClass) {
        return testClass.isAnnotationPresent(QuarkusIntegrationTest.class) ? ROOT.resolve("jar") : ROOT;
    }

    /** Saves the current page as {@code <directory>/<name>.png} and returns the file. */
    Path save(Class<?> testClass, String name) {
        WebDriver current = driver.get();
        if (!(current instanceof TakesScreenshot camera)) {
            throw new IllegalStateException("no browser to take a screenshot with");
        }
        try {
            Path directory = Files.createDirectories(directoryFor(testClass));
            Path file = directory.resolve(name + ".png");
            return Files.write(file, camera.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver.get() == null) {
            return; // the browser never started; the failure says why
        }
        String name = context.getRequiredTestMethod().getName();
        try {
            Path file = save(context.getRequiredTestClass(), name);
            Files.writeString(file.resolveSibling(name + ".html"),
                    "<!-- " + driver.get().getCurrentUrl() + " -->\n" + driver.get().getPageSource(),
                    StandardCharsets.UTF_8);
            System.err.println("Browser screenshot of the failed test " + name + ": " + file.toAbsolutePath());
        } catch (RuntimeException | IOException e) {
            System.err.println("No browser screenshot of the failed test " + name + ": " + e);
        }
    }
}
