package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerIgnoreTest {
  private static final String PROJECT_IGNORE =
      """
      # build output and dependencies
      **/node_modules
      **/dist
      Dockerfile*
      docker-compose*
      .env*
      """;

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "node_modules/x/index.js, true",
    "packages/cloud/node_modules/y/package.json, true",
    "node_modules, true",
    "packages/cloud/dist/index.js, true",
    "dist/a.js, true",
    "packages/cloud/distribution/a.js, false",
    "Dockerfile, true",
    "Dockerfile copy.dev, true",
    "packages/cloud/Dockerfile, false",
    "docker-compose.yml, true",
    "docker-compose.dev.yml, true",
    ".env, true",
    ".env.production, true",
    "packages/cloud/.env, false",
    "packages/cloud/src/index.ts, false",
    "package.json, false",
    "bun.lock, false",
    "# build output and dependencies, false",
  })
  void isIgnored_projectIgnoreFile_followsDockerRules(String path, boolean expected) {
    DockerIgnore ignore = DockerIgnore.parse(PROJECT_IGNORE);

    boolean ignored = ignore.isIgnored(path);

    assertEquals(expected, ignored);
  }

  @ParameterizedTest(name = "[{0}] {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/build | build/x | true",
        "./build | build/x | true",
        "build/ | build/x | true",
        "build/../out | out/x | true",
        "a//b | a/b | true",
        "  build   | build | true",
        "*.md | README.md | true",
        "*.md | docs/README.md | false",
        "*/*.md | docs/README.md | true",
        "doc? | docs/a | true",
        "[a-c].txt | b.txt | true",
        "[a-c].txt | d.txt | false",
        "**/*.go | a/b/c.go | true",
        "a/**/b | a/b | true",
        "a/**/b | a/x/y/b/z | true",
        "src | src/deep/file.ts | true",
        "src | srcs/file.ts | false",
        "' #notcomment' | #notcomment | true",
      })
  void isIgnored_pattern_matchesPathOrAParent(String pattern, String path, boolean expected) {
    DockerIgnore ignore = DockerIgnore.parse(pattern);

    boolean ignored = ignore.isIgnored(path);

    assertEquals(expected, ignored);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "docs/a.md, true",
    "docs/keep.md, false",
    "docs/sub/keep.md, true",
    "node_modules/x, true",
    "node_modules/keep/x, false",
    "node_modules/keep/again/x, true",
    "README.md, true",
    "IMPORTANT.md, false",
  })
  void isIgnored_exceptions_lastMatchingLineWins(String path, boolean expected) {
    DockerIgnore ignore =
        DockerIgnore.parse(
            """
            docs
            !docs/keep.md
            node_modules
            !node_modules/keep
            node_modules/keep/again
            *.md
            !IMPORTANT.md
            """);

    boolean ignored = ignore.isIgnored(path);

    assertEquals(expected, ignored);
  }

  @Test
  void isIgnored_exceptionBeforeExclusion_isOverridden() {
    DockerIgnore ignore = DockerIgnore.parse("!keep.md\n*.md\n");

    boolean ignored = ignore.isIgnored("keep.md");

    assertTrue(ignored);
  }

  @Test
  void isIgnored_commentBlankAndBomLines_areSkipped() {
    DockerIgnore ignore = DockerIgnore.parse("\uFEFF# only comments\r\n\r\n   \r\n");

    assertTrue(ignore.rules().isEmpty());
    assertFalse(ignore.isIgnored("anything"));
  }

  @Test
  void isIgnored_contextRoot_isNeverIgnored() {
    DockerIgnore ignore = DockerIgnore.parse("**");

    assertFalse(ignore.isIgnored("."));
    assertTrue(ignore.isIgnored("a/b"));
  }

  @Test
  void parse_malformedPatterns_becomeProblemsAndIgnoreNothing() {
    DockerIgnore ignore = DockerIgnore.parse("docker/.dockerignore", "ok\n[abc\n!\n");

    assertEquals(ImmutableList.of(2, 3), ignore.problems().stream().map(Problem::line).toList());
    assertEquals("docker/.dockerignore", ignore.problems().get(0).file());
    assertTrue(ignore.isIgnored("ok"));
    assertFalse(ignore.isIgnored("[abc"));
  }

  @Test
  void empty_anyPath_isNotIgnored() {
    DockerIgnore ignore = DockerIgnore.empty();

    assertFalse(ignore.isIgnored("node_modules/x"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Dockerfile | Dockerfile.dockerignore",
        "./Dockerfile | Dockerfile.dockerignore",
        "Dockerfile copy.dev | Dockerfile copy.dev.dockerignore",
        "packages/cloud/Dockerfile.dev | packages/cloud/Dockerfile.dev.dockerignore",
      })
  void candidateFiles_dockerfilePath_specificFileFirst(String dockerfile, String specific) {
    ImmutableList<String> candidates = DockerIgnore.candidateFiles(dockerfile);

    assertEquals(ImmutableList.of(specific, ".dockerignore"), candidates);
  }

  // Guards the QA report that names holding a newline never matched: wildcards match it here.
  @Test
  void isIgnored_nameWithNewline_matchesWildcards() {
    assertTrue(DockerIgnore.parse("**/*.log\n").isIgnored("a\nb/c\nd.log"));
    assertTrue(DockerIgnore.parse("a?b\n").isIgnored("a\nb"));
    assertTrue(DockerIgnore.parse("a*\n").isIgnored("a\nb/x"));
  }
}
