package dev.rebuildplan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rebuildplan.core.Glob;
import dev.rebuildplan.core.UnmatchedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RulesFileTest {
  private static final String IMAGES = "images:\n  base: {}\n  svc: {from: base}\n";

  private static final String VALID_YAML =
      """
      version: 1
      images:
        base: {}
        svc: {from: base}
        db: {build: false}
      rules:
        - match: [packages/**, package.json]
          images: base
        - match: services/{name}/**
          images: "{name}"
      ignore: ["**/*.md", docs/]
      unmatched: error
      compose:
        files: [compose.yaml, compose.dev.yaml]
        project: demo
      """;

  private static final String VALID_JSON =
      """
      {
        "version": 1,
        "images": {
          "base": {},
          "svc": {"from": "base"},
          "db": {"build": false}
        },
        "rules": [
          {"match": ["packages/**", "package.json"], "images": "base"},
          {"match": "services/{name}/**", "images": "{name}"}
        ],
        "ignore": ["**/*.md", "docs/"],
        "unmatched": "error",
        "compose": {"files": ["compose.yaml", "compose.dev.yaml"], "project": "demo"}
      }
      """;

  @TempDir Path repoTop;

  private Path write(String relative, String text) throws IOException {
    Path file = repoTop.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private String loadError(String relative, String text) throws IOException {
    Path file = write(relative, text);
    return assertThrows(RulesException.class, () -> RulesFile.load(file, repoTop)).getMessage();
  }

  @Test
  void load_validYaml_readsEverything() throws Exception {
    Path file = write("rules.yaml", VALID_YAML);

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals("rules.yaml", rules.source());
    assertEquals(Set.of("base", "db", "svc"), rules.graph().names());
    assertEquals(Set.of("base"), rules.graph().parents("svc"));
    assertFalse(rules.graph().image("db").built());
    assertEquals(
        List.of("packages/**", "package.json", "services/{name}/**"),
        rules.ruleSet().rules().stream().map(Object::toString).toList());
    assertEquals(List.of("base"), rules.ruleSet().rules().get(0).images());
    assertEquals(
        List.of("**/*.md", "docs/"),
        rules.ruleSet().ignores().stream().map(Glob::toString).toList());
    assertEquals(UnmatchedPolicy.ERROR, rules.ruleSet().unmatched());
    assertEquals(List.of("compose.yaml", "compose.dev.yaml"), rules.composeFiles());
    assertEquals(Optional.of("demo"), rules.composeProject());
    assertEquals("", rules.ruleSet().root());
    assertEquals(repoTop.toAbsolutePath().normalize(), rules.projectDir());
  }

  @Test
  void load_sameRulesAsJson_sameResult() throws Exception {
    Rules yaml = RulesFile.load(write("rules.yaml", VALID_YAML), repoTop);
    Path file = write("rules.json", VALID_JSON);

    Rules json = RulesFile.load(file, repoTop);

    assertEquals("rules.json", json.source());
    assertEquals(yaml.graph().names(), json.graph().names());
    assertEquals(yaml.ruleSet().rules().toString(), json.ruleSet().rules().toString());
    assertEquals(
        yaml.ruleSet().rules().stream().map(rule -> rule.images()).toList(),
        json.ruleSet().rules().stream().map(rule -> rule.images()).toList());
    assertEquals(yaml.ruleSet().ignores().toString(), json.ruleSet().ignores().toString());
    assertEquals(yaml.ruleSet().unmatched(), json.ruleSet().unmatched());
    assertEquals(yaml.composeFiles(), json.composeFiles());
    assertEquals(yaml.composeProject(), json.composeProject());
  }

  @Test
  void load_minimalFile_defaultsApply() throws Exception {
    Path file = write("rules.yaml", "images:\n  app: {}\n");

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals(List.of(), rules.ruleSet().rules());
    assertEquals(List.of(), rules.ruleSet().ignores());
    assertEquals(UnmatchedPolicy.IGNORE, rules.ruleSet().unmatched());
    assertEquals(List.of(), rules.composeFiles());
    assertEquals(Optional.empty(), rules.composeProject());
  }

  @Test
  void load_keysWithoutValues_readAsEmpty() throws Exception {
    Path file = write("rules.yaml", "images:\n  app:\n  web: {from: }\nrules:\nignore:\n");

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals(Set.of("app", "web"), rules.graph().names());
    assertEquals(List.of(), rules.ruleSet().rules());
    assertEquals(List.of(), rules.ruleSet().ignores());
  }

  @Test
  void load_unmatchedInCapitals_accepted() throws Exception {
    Path file = write("rules.yaml", IMAGES + "unmatched: ALL\n");

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals(UnmatchedPolicy.ALL, rules.ruleSet().unmatched());
  }

  @Test
  void load_unknownTopLevelKey_namesKeyAndKnownKeys() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "versio: 1\n");

    assertTrue(
        message.matches(
            "rules\\.yaml:4:\\d+: versio: unknown key; known keys here: compose, ignore, images,"
                + " root, rules, unmatched, version"),
        message);
  }

  @Test
  void load_unknownKeyInImage_namesPropertyPath() throws Exception {
    String message = loadError("rules.yaml", "images:\n  base: {}\n  svc:\n    frm: base\n");

    assertTrue(
        message.matches(
            "rules\\.yaml:4:\\d+: images\\.svc\\.frm: unknown key; known keys here: build, from"),
        message);
  }

  @Test
  void load_unknownKeyInJson_namesLineAndColumn() throws Exception {
    String message = loadError("rules.json", "{\"images\": {\"a\": {}},\n \"foo\": 1}");

    assertTrue(message.startsWith("rules.json:2:"), message);
    assertTrue(message.contains(": foo: unknown key; known keys here: "), message);
  }

  @Test
  void load_fromUndeclaredImage_rejected() throws Exception {
    String message = loadError("rules.yaml", "images:\n  base: {}\n  svc:\n    from: nope\n");

    assertEquals(
        "rules.yaml:4:5: images.svc.from: 'nope' is not a declared image; declare it under"
            + " 'images' or fix the name",
        message);
  }

  @Test
  void load_stockImageBuiltFromAnother_rejected() throws Exception {
    String message = loadError("rules.yaml", "images:\n  b: {}\n  a: {build: false, from: b}\n");

    assertEquals(
        "rules.yaml:3:6: images.a: a stock image (build: false) cannot be built FROM another image",
        message);
  }

  @Test
  void load_ruleWithoutMatch_rejected() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "rules:\n  - images: base\n");

    assertEquals(
        "rules.yaml:5:5: rules[0].match: missing; give the glob(s) this rule matches", message);
  }

  @Test
  void load_ruleWithoutImages_rejected() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "rules:\n  - match: x/**\n");

    assertEquals(
        "rules.yaml:5:5: rules[0].images: missing; name the image(s) the paths affect", message);
  }

  @Test
  void load_ruleNamingUndeclaredImage_rejected() throws Exception {
    String message =
        loadError(
            "rules.yaml",
            IMAGES
                + "rules:\n  - match: a/**\n    images: base\n  - match: x/**\n    images: nope\n");

    assertEquals(
        "rules.yaml:7:5: rules[1].images: 'nope' is not a declared image; declare it under 'images'",
        message);
  }

  @Test
  void load_ruleWithBadGlob_rejected() throws Exception {
    String message =
        loadError("rules.yaml", IMAGES + "rules:\n  - match: a**b\n    images: base\n");

    assertEquals(
        "rules.yaml:5:5: rules[0].match: 'a**b': '**' must be a whole path segment, as in 'a/**/b'",
        message);
  }

  @Test
  void load_ruleUsingUncapturedName_rejected() throws Exception {
    String message =
        loadError("rules.yaml", IMAGES + "rules:\n  - match: x/**\n    images: '{name}'\n");

    assertTrue(message.startsWith("rules.yaml:5:5: rules[0].match: "), message);
    assertTrue(message.contains("uses {name}, which 'x/**' does not capture"), message);
  }

  @Test
  void load_badIgnoreGlob_namesIndex() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "ignore: [docs/, /x]\n");

    assertEquals(
        "rules.yaml:4:17: ignore[1]: '/x' starts with '/'; patterns are relative to the rules'"
            + " root",
        message);
  }

  @Test
  void load_unmatchedSometimes_listsValidValues() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "unmatched: sometimes\n");

    assertEquals(
        "rules.yaml:4:12: unmatched: 'sometimes' is not one of ignore, all, error", message);
  }

  @Test
  void load_fromCycle_namesCycle() throws Exception {
    String message = loadError("rules.yaml", "images:\n  x: {}\n  a: {from: b}\n  b: {from: a}\n");

    assertEquals("rules.yaml:3:6: images.a: FROM cycle: a -> b -> a", message);
  }

  @Test
  void load_selfCycle_namesCycle() throws Exception {
    String message = loadError("rules.yaml", "images:\n  a: {from: a}\n");

    assertEquals("rules.yaml:2:6: images.a: FROM cycle: a -> a", message);
  }

  @Test
  void load_noImages_allowedForTheComposeFileToDeclareThem() throws Exception {
    Path file = write("rules.yaml", "images: {}\n");

    Rules rules = RulesFile.load(file, repoTop);

    assertTrue(rules.graph().names().isEmpty());
  }

  @Test
  void load_imagesAsList_saysMappingExpected() throws Exception {
    String message = loadError("rules.yaml", "images: [a, b]\n");

    assertEquals("rules.yaml:1:9: images: expected a mapping of keys to values", message);
  }

  @Test
  void load_buildNotBoolean_namesValue() throws Exception {
    String message = loadError("rules.yaml", "images:\n  a: {build: maybe}\n");

    assertEquals("rules.yaml:2:14: images.a.build: 'maybe' is not a valid value", message);
  }

  @Test
  void load_invalidYamlSyntax_saysWhatIsWrong() throws Exception {
    String message = loadError("rules.yaml", "images:\n  a: {}\n b: x\n");

    assertEquals(
        "rules.yaml:3:2: not valid YAML: expected <block end>, but found '<block mapping start>'",
        message);
  }

  @Test
  void load_unclosedQuoteInsideRule_saysNotValidYaml() throws Exception {
    String message = loadError("rules.yaml", "images:\n  a: {}\nrules:\n  - match: \"x\n");

    assertEquals("rules.yaml:5:1: not valid YAML: found unexpected end of stream", message);
  }

  @Test
  void load_tabIndentation_saysNotValidYaml() throws Exception {
    String message = loadError("rules.yaml", "images:\n  a: {}\n\tb: {}\n");

    assertTrue(message.startsWith("rules.yaml:3:1: not valid YAML: "), message);
    assertTrue(message.contains("TAB"), message);
  }

  @Test
  void load_invalidJson_saysNotValid() throws Exception {
    String message = loadError("rules.json", "{\"images\": {\"a\": {}},");

    assertTrue(message.startsWith("rules.json:1:"), message);
    assertTrue(message.contains(": not valid YAML or JSON: "), message);
  }

  @Test
  void load_duplicateKey_rejected() throws Exception {
    String message = loadError("rules.yaml", "images:\n  a: {}\nimages:\n  b: {}\n");

    assertEquals("rules.yaml:3:7: not valid YAML or JSON: Duplicate field 'images'", message);
  }

  @Test
  void load_emptyFile_saysEmpty() throws Exception {
    String message = loadError("rules.yaml", "");

    assertEquals("rules.yaml: the file is empty; declare 'images' and 'rules'", message);
  }

  @Test
  void load_commentsOnly_saysEmpty() throws Exception {
    String message = loadError("rules.yaml", "# nothing yet\n");

    assertEquals("rules.yaml: the file is empty; declare 'images' and 'rules'", message);
  }

  @Test
  void load_topLevelList_saysMappingExpected() throws Exception {
    String message = loadError("rules.yaml", "- a\n- b\n");

    assertEquals("rules.yaml:1:1: (top level): expected a mapping of keys to values", message);
  }

  @Test
  void load_rootEscapingRepository_rejected() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "root: ../..\n");

    assertEquals(
        "rules.yaml:4:7: root: '../..' is outside the repository; give a folder inside it,"
            + " relative to the rules file",
        message);
  }

  @Test
  void load_rootAbsolute_rejected() throws Exception {
    String message = loadError("rules.yaml", IMAGES + "root: " + repoTop.toAbsolutePath() + "\n");

    assertTrue(message.startsWith("rules.yaml:4:7: root: '"), message);
    assertTrue(message.contains("is outside the repository"), message);
  }

  @Test
  void load_missingFile_saysNoSuchFile() {
    Path file = repoTop.resolve("nope.yaml");

    RulesException e = assertThrows(RulesException.class, () -> RulesFile.load(file, repoTop));

    assertEquals("nope.yaml: no such file", e.getMessage());
  }

  @Test
  void load_rootSet_rulesRelativeToRoot() throws Exception {
    Path file = write("rules.yaml", IMAGES + "root: augmentos_cloud\n");
    Files.createDirectories(repoTop.resolve("augmentos_cloud"));

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals("augmentos_cloud/", rules.ruleSet().root());
    assertEquals(
        repoTop.resolve("augmentos_cloud").toAbsolutePath().normalize(), rules.projectDir());
  }

  @Test
  void load_rootNamingNoFolder_failsWithLineAndProperty() throws Exception {
    Path file = write("rules.yaml", IMAGES + "root: pakages-typo\n");

    RulesException e = assertThrows(RulesException.class, () -> RulesFile.load(file, repoTop));

    assertTrue(
        e.getMessage()
            .matches(
                "rules\\.yaml:\\d+:\\d+: root: 'pakages-typo' is not a folder of the"
                    + " repository; fix the name, relative to the rules file"),
        e.getMessage());
  }

  @Test
  void load_fileInSubfolder_rulesRelativeToItsFolder() throws Exception {
    Path file = write("augmentos_cloud/.rebuild-plan.yaml", IMAGES);

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals("augmentos_cloud/.rebuild-plan.yaml", rules.source());
    assertEquals("augmentos_cloud/", rules.ruleSet().root());
  }

  @Test
  void load_fileInSubfolderWithRoot_rootRelativeToThatFolder() throws Exception {
    Path file = write("config/rules.yaml", IMAGES + "root: ../cloud/app\n");
    Files.createDirectories(repoTop.resolve("cloud/app"));

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals("cloud/app/", rules.ruleSet().root());
  }

  @Test
  void load_fileInSubfolderWithRootDotDot_rootIsRepositoryTop() throws Exception {
    Path file = write("config/rules.yaml", IMAGES + "root: ..\n");

    Rules rules = RulesFile.load(file, repoTop);

    assertEquals("", rules.ruleSet().root());
  }

  @Test
  void loadBuiltIn_reference_declaresBaseAndServices() throws Exception {
    Rules rules = RulesFile.loadBuiltIn("augmentos-cloud", repoTop, repoTop);

    assertEquals("augmentos-cloud (built in)", rules.source());
    assertEquals(
        Set.of(
            "augmentos-cloud-base",
            "cloud",
            "dashboard-manager",
            "flash",
            "live-captions",
            "miraai",
            "notify",
            "mongodb"),
        rules.graph().names());
    assertEquals("", rules.ruleSet().root());
  }

  @Test
  void loadBuiltIn_workDirInSubfolder_rootIsWorkDir() throws Exception {
    Path workDir = Files.createDirectories(repoTop.resolve("augmentos_cloud"));

    Rules rules = RulesFile.loadBuiltIn("augmentos-cloud", repoTop, workDir);

    assertEquals("augmentos_cloud/", rules.ruleSet().root());
  }

  @Test
  void loadBuiltIn_unknownName_rejected() {
    RulesException e =
        assertThrows(RulesException.class, () -> RulesFile.loadBuiltIn("nope", repoTop, repoTop));

    assertEquals("no built-in rule set named 'nope'", e.getMessage());
  }

  @Test
  void find_optionNamesFile_loadsIt() throws Exception {
    write("cfg/my-rules.yaml", IMAGES);

    Rules rules = RulesFile.find(Optional.of("cfg/my-rules.yaml"), repoTop, repoTop);

    assertEquals("cfg/my-rules.yaml", rules.source());
    assertEquals("cfg/", rules.ruleSet().root());
  }

  @Test
  void find_optionFileRelativeToWorkDir_loadsIt() throws Exception {
    write("sub/my-rules.yaml", IMAGES);
    Path workDir = repoTop.resolve("sub");

    Rules rules = RulesFile.find(Optional.of("my-rules.yaml"), repoTop, workDir);

    assertEquals("sub/my-rules.yaml", rules.source());
  }

  @Test
  void find_optionNamesBuiltIn_loadsBuiltIn() throws Exception {
    write(RulesFile.DEFAULT_NAME, IMAGES);

    Rules rules = RulesFile.find(Optional.of("augmentos-cloud"), repoTop, repoTop);

    assertEquals("augmentos-cloud (built in)", rules.source());
  }

  @Test
  void find_optionUnknownName_listsBuiltIns() {
    RulesException e =
        assertThrows(
            RulesException.class, () -> RulesFile.find(Optional.of("nope"), repoTop, repoTop));

    assertEquals(
        "--rules nope: no such file and no built-in rule set of that name; built in:"
            + " augmentos-cloud",
        e.getMessage());
  }

  @Test
  void find_noOptionAndRulesFileAtTop_loadsIt() throws Exception {
    write(".rebuild-plan.yaml", IMAGES);
    Path workDir = Files.createDirectories(repoTop.resolve("sub"));

    Rules rules = RulesFile.find(Optional.empty(), repoTop, workDir);

    assertEquals(".rebuild-plan.yaml", rules.source());
    assertEquals(Set.of("base", "svc"), rules.graph().names());
    assertEquals("", rules.ruleSet().root());
  }

  @Test
  void find_noOptionAndNoRulesFile_loadsDefaultBuiltIn() throws Exception {
    Rules rules = RulesFile.find(Optional.empty(), repoTop, repoTop);

    assertEquals("augmentos-cloud (built in)", rules.source());
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("rules.yaml", IMAGES + "versio: 1\n"),
        Arguments.of("rules.yaml", "images:\n  svc:\n    frm: x\n"),
        Arguments.of("rules.yaml", "images:\n  svc: {from: nope}\n"),
        Arguments.of("rules.yaml", IMAGES + "rules:\n  - images: base\n"),
        Arguments.of("rules.yaml", IMAGES + "rules:\n  - match: x/**\n    images: nope\n"),
        Arguments.of("rules.yaml", IMAGES + "rules:\n  - match: '{}'\n    images: base\n"),
        Arguments.of("rules.yaml", IMAGES + "rules: foo\n"),
        Arguments.of("rules.yaml", IMAGES + "rules:\n  - match: {x: 1}\n    images: base\n"),
        Arguments.of("rules.yaml", IMAGES + "version: x\n"),
        Arguments.of("rules.yaml", IMAGES + "unmatched: [a]\n"),
        Arguments.of("rules.yaml", IMAGES + "unmatched: sometimes\n"),
        Arguments.of("rules.yaml", "images:\n  a: {from: b}\n  b: {from: a}\n"),
        Arguments.of("rules.yaml", "images:\n  a: {from: [b\n"),
        Arguments.of("rules.yaml", "images:\n  a: {}\n b: x\n"),
        Arguments.of("rules.yaml", "images:\n  a: {}\nimages:\n  b: {}\n"),
        Arguments.of("rules.yaml", ""),
        Arguments.of("rules.yaml", "just text\n"),
        Arguments.of("rules.yaml", IMAGES + "root: ../..\n"),
        Arguments.of("rules.json", "{\"images\": {\"a\": {}},"),
        Arguments.of("rules.json", "{\"images\": {\"a\": {\"build\": \"maybe\"}}}"),
        Arguments.of("rules.json", "[1, 2]"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void load_anyBadFile_oneLineMessageWithoutJavaNames(String name, String text) throws Exception {
    String message = loadError(name, text);

    assertTrue(message.startsWith(name + ":"), message);
    assertFalse(message.contains("\n"), message);
    assertFalse(message.contains("\r"), message);
    assertFalse(message.contains("Exception"), message);
    assertFalse(message.contains("java."), message);
    assertFalse(message.contains("dev.rebuildplan"), message);
    assertFalse(message.contains("RulesSpec"), message);
    assertFalse(message.contains("Located"), message);
    assertFalse(message.contains("`"), message);
  }
}
