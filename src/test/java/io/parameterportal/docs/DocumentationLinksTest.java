package io.parameterportal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every relative link in the README and the Markdown under docs/, deploy/ and bench/ reaches a file, and its anchor a heading. */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+)$", Pattern.MULTILINE);

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> pages = markdownPages();
        assertThat(pages).as("README.md and docs/").contains(Path.of("README.md"), Path.of("docs/configuration.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto: — not ours to check offline
                }
                checked++;
                String problem = problemWith(page, target);
                if (problem != null) {
                    broken.add(page + " → " + target + ": " + problem);
                }
            }
        }
        assertThat(checked).as("relative links checked").isGreaterThan(20);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    @Test
    void noPageReferencesADesignDocumentOutsideTheRepository() throws IOException {
        for (Path page : markdownPages()) {
            assertThat(Files.readString(page)).as(page.toString()).doesNotContain("DESIGN.md", "DESIGN's", "../shared");
        }
    }

    private static String problemWith(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor == null || Files.isDirectory(resolved) || !resolved.toString().endsWith(".md")) {
            return null;
        }
        return anchorsOf(resolved).contains(anchor) ? null : "no heading with anchor #" + anchor;
    }

    /** GitHub's anchors: lower case, punctuation dropped but '-' and '_', spaces to '-'. */
    static Set<String> anchorsOf(Path page) {
        try {
            Matcher heading = HEADING.matcher(Files.readString(page));
            Set<String> anchors = new java.util.HashSet<>();
            while (heading.find()) {
                anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        for (String dir : List.of("docs", "deploy", "bench")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                pages.addAll(files.filter(f -> f.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
            }
        }
        return pages;
    }
}
