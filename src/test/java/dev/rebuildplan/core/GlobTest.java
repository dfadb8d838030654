package dev.rebuildplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} matches {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "package.json|package.json",
        "packages/**|packages/a",
        "packages/**|packages/a/b/c",
        "packages/|packages/a/b/c",
        "*.md|README.md",
        "docs/*.md|docs/guide.md",
        "a/**/b|a/b",
        "a/**/b|a/x/b",
        "a/**/b|a/x/y/z/b",
        "**/x|x",
        "**/x|a/x",
        "**/x|a/b/c/x",
        "**|any/path/at/all",
        "file?.txt|file1.txt",
        "services/{name}/**|services/flash/src/index.ts",
      })
  void matches_pathFitsPattern_true(String pattern, String path) {
    Glob glob = Glob.compile(pattern);

    boolean matched = glob.matches(path);

    assertTrue(matched);
  }

  @ParameterizedTest(name = "{0} does not match {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "package.json|services/flash/package.json",
        "package.json|package.json.bak",
        "packages/**|packages-old/x",
        "packages/|packages-old/x",
        "*.md|docs/guide.md",
        "docs/*.md|docs/sub/guide.md",
        "a/**/b|a/bb",
        "a/**/b|xa/b",
        "a/**/b|a/b/c",
        "**/x|a/xx",
        "**/x|ax",
        "file?.txt|file.txt",
        "file?.txt|file12.txt",
        "a?b|a/b",
        "services/{name}/**|services//x",
      })
  void matches_pathDoesNotFitPattern_false(String pattern, String path) {
    Glob glob = Glob.compile(pattern);

    boolean matched = glob.matches(path);

    assertFalse(matched);
  }

  @Test
  void matches_nameWithNewline_likeAnyOtherCharacter() {
    String path = "services/notify/new\nline.txt";

    assertTrue(Glob.compile("services/**").matches(path));
    assertTrue(Glob.compile("services/*/new*").matches(path));
    assertTrue(Glob.compile("services/{name}/**").matches(path));
    assertTrue(Glob.literal("services/").under().matches(path));
  }

  @Test
  void matches_folderItselfAgainstTrailingDoubleStar_false() {
    Glob glob = Glob.compile("packages/**");

    boolean matched = glob.matches("packages");

    assertFalse(matched);
  }

  @Test
  void matches_fileBesideCapturedFolders_false() {
    Glob glob = Glob.compile("services/{name}/**");

    boolean matched = glob.matches("services/README.md");

    assertFalse(matched);
  }

  @Test
  void matches_folderItselfAgainstTrailingSlash_false() {
    Glob glob = Glob.compile("packages/");

    boolean matched = glob.matches("packages");

    assertFalse(matched);
  }

  @Test
  void match_captureInPattern_returnsCapturedSegment() {
    Glob glob = Glob.compile("services/{name}/**");

    Optional<ImmutableMap<String, String>> captures = glob.match("services/flash/src/a.ts");

    assertEquals(Optional.of(ImmutableMap.of("name", "flash")), captures);
  }

  @Test
  void match_twoCaptures_returnsBoth() {
    Glob glob = Glob.compile("{group}/{name}.txt");

    Optional<ImmutableMap<String, String>> captures = glob.match("apps/readme.txt");

    assertEquals(Optional.of(ImmutableMap.of("group", "apps", "name", "readme")), captures);
  }

  @Test
  void match_noCaptureAndMatchingPath_returnsEmptyMap() {
    Glob glob = Glob.compile("packages/**");

    Optional<ImmutableMap<String, String>> captures = glob.match("packages/a");

    assertEquals(Optional.of(ImmutableMap.of()), captures);
  }

  @Test
  void match_pathDoesNotMatch_returnsEmptyOptional() {
    Glob glob = Glob.compile("services/{name}/**");

    Optional<ImmutableMap<String, String>> captures = glob.match("packages/utils/a.ts");

    assertEquals(Optional.empty(), captures);
  }

  @Test
  void captures_patternWithCaptures_listsThemInOrder() {
    Glob glob = Glob.compile("{b}/{a}/**");

    ImmutableList<String> captures = glob.captures();

    assertEquals(ImmutableList.of("b", "a"), captures);
  }

  @ParameterizedTest(name = "{0} is literal")
  @CsvSource(
      delimiter = '|',
      value = {
        "a+b.(c)|a+b.(c)|a+bb.(c)",
        "a+b.(c)|a+b.(c)|ab.c",
        "x[1].y|x[1].y|x1.y",
        "$HOME^|$HOME^|HOME",
        "back\\slash|back\\slash|backslash",
      })
  void matches_regexMetacharacters_areLiteral(String pattern, String same, String other) {
    Glob glob = Glob.compile(pattern);

    boolean matchesSame = glob.matches(same);
    boolean matchesOther = glob.matches(other);

    assertTrue(matchesSame);
    assertFalse(matchesOther);
  }

  @Test
  void matches_namesWithSpacesAndTabs_areLiteral() {
    Glob glob = Glob.compile("my docs/a\tb/*.txt");

    boolean matchesSame = glob.matches("my docs/a\tb/notes.txt");
    boolean matchesOther = glob.matches("my docs/a b/notes.txt");

    assertTrue(matchesSame);
    assertFalse(matchesOther);
  }

  @Test
  void matches_nonAsciiLetters_areLiteral() {
    Glob glob = Glob.compile("données/日本/ü?.txt");

    boolean matchesSame = glob.matches("données/日本/üx.txt");
    boolean matchesOther = glob.matches("donnees/日本/üx.txt");

    assertTrue(matchesSame);
    assertFalse(matchesOther);
  }

  @Test
  void matches_lettersOutsideBasicPlane_areLiteral() {
    Glob glob = Glob.compile("math/\uD835\uDC9C/**");

    boolean matched = glob.matches("math/\uD835\uDC9C/x");

    assertTrue(matched);
  }

  @Test
  void matches_questionMarkOnLetterOutsideBasicPlane_matchesOneLetter() {
    Glob glob = Glob.compile("?.txt");

    boolean matched = glob.matches("\uD835\uDC9C.txt");

    assertTrue(matched);
  }

  @Test
  void matches_captureOfNonAsciiFolder_capturesIt() {
    Glob glob = Glob.compile("services/{name}/**");

    Optional<ImmutableMap<String, String>> captures = glob.match("services/flâsh 2/x");

    assertEquals(Optional.of(ImmutableMap.of("name", "flâsh 2")), captures);
  }

  @ParameterizedTest(name = "literalPrefix of {0} is ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "package.json|package.json",
        "a/b/c.txt|a/b/c.txt",
        "packages/**|packages/",
        "packages/|packages/",
        "services/{name}/**|services/",
        "a/**/b|a/",
        "a/b*|a/",
        "a/b/?.txt|a/b/",
        "**/x|''",
        "*.md|''",
        "{name}/x|''",
        "**|''",
      })
  void literalPrefix_pattern_givesLeadingLiteralFolders(String pattern, String expected) {
    Glob glob = Glob.compile(pattern);

    String prefix = glob.literalPrefix();

    assertEquals(expected, prefix);
  }

  @ParameterizedTest(name = "{0} exact: {1}")
  @CsvSource({"package.json, true", "a/b/c.txt, true", "packages/, false", "*.md, false"})
  void isExactPath_pattern_trueOnlyWithoutWildcards(String pattern, boolean expected) {
    Glob glob = Glob.compile(pattern);

    boolean exact = glob.isExactPath();

    assertEquals(expected, exact);
  }

  @Test
  void toString_anyPattern_returnsPatternAsWritten() {
    Glob glob = Glob.compile("packages/");

    String text = glob.toString();

    assertEquals("packages/", text);
  }

  @Test
  void compile_empty_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile(""));

    assertEquals("empty pattern", e.getMessage());
  }

  @Test
  void compile_leadingSlash_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("/packages/**"));

    assertEquals(
        "'/packages/**' starts with '/'; patterns are relative to the rules' root", e.getMessage());
  }

  @Test
  void compile_emptyCapture_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("services/{}/**"));

    assertEquals(
        "'services/{}/**': a capture is written {name}, letters and digits only", e.getMessage());
  }

  @Test
  void compile_captureNameNotAlphanumeric_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("services/{my-name}/x"));

    assertTrue(e.getMessage().contains("a capture is written {name}"), e.getMessage());
  }

  @Test
  void compile_duplicateCapture_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("{name}/{name}/**"));

    assertEquals("'{name}/{name}/**' captures {name} twice", e.getMessage());
  }

  @Test
  void compile_unclosedBrace_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("services/{name/**"));

    assertTrue(e.getMessage().startsWith("'services/{name/**': "), e.getMessage());
  }

  @Test
  void compile_closingBraceWithoutOpening_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("services/name}/**"));

    assertEquals("'services/name}/**' has a '}' without its '{'", e.getMessage());
  }

  @Test
  void compile_doubleStarInsideSegment_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("a**b"));

    assertEquals("'a**b': '**' must be a whole path segment, as in 'a/**/b'", e.getMessage());
  }

  @Test
  void compile_emptySegment_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile("a//b"));

    assertEquals("'a//b' has an empty path segment ('//')", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"''", "/x", "{}", "{a}/{a}", "{a", "a}", "a**b", "a//b", "{a-b}"})
  void compile_malformed_messageIsOneLineWithoutJavaNames(String pattern) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Glob.compile(pattern));

    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    assertFalse(e.getMessage().contains("java."), e.getMessage());
  }
}
