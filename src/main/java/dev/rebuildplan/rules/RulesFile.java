package dev.rebuildplan.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.common.collect.ImmutableList;
import dev.rebuildplan.core.ImageGraph;
import dev.rebuildplan.core.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a rules file (YAML, or JSON when it ends in {@code .json}) or a built-in rule set, and
 * checks it. Every problem becomes a {@link RulesException} naming the file, the line and column,
 * the property and what is wrong.
 */
public final class RulesFile {
  /** The rules file looked for at the repository's top when none is given. */
  public static final String DEFAULT_NAME = ".rebuild-plan.yaml";

  /** The built-in rule set used when the repository has no rules file. */
  public static final String DEFAULT_BUILT_IN = "augmentos-cloud";

  private static final String BUILT_IN_FOLDER = "/rules/";

  private RulesFile() {}

  /**
   * Finds the rules: {@code --rules} as a file or a built-in name, else {@code .rebuild-plan.yaml}
   * at the repository's top, else the built-in default rooted at the working folder.
   */
  public static Rules find(Optional<String> option, Path repoTop, Path workDir)
      throws RulesException {
    Optional<Rules> configured = findConfigured(option, repoTop, workDir);
    return configured.isPresent()
        ? configured.get()
        : loadBuiltIn(DEFAULT_BUILT_IN, repoTop, workDir);
  }

  /**
   * Finds the rules the user configured: {@code --rules} as a file or a built-in name, else {@code
   * .rebuild-plan.yaml} at the repository's top; empty when there are none.
   */
  public static Optional<Rules> findConfigured(Optional<String> option, Path repoTop, Path workDir)
      throws RulesException {
    return findConfigured(option, repoTop, workDir, RepoFiles.workTree(repoTop));
  }

  /**
   * As {@link #findConfigured(Optional, Path, Path)}, reading {@code .rebuild-plan.yaml} and
   * checking {@code root} in the given files (a revision's); a {@code --rules} file is read from
   * disk.
   */
  public static Optional<Rules> findConfigured(
      Optional<String> option, Path repoTop, Path workDir, RepoFiles files) throws RulesException {
    if (option.isPresent()) {
      Path file = workDir.resolve(option.get());
      if (Files.isRegularFile(file)) {
        return Optional.of(load(file, repoTop, workDir, files));
      }
      if (builtInExists(option.get())) {
        return Optional.of(loadBuiltIn(option.get(), repoTop, workDir));
      }
      throw new RulesException(
          "--rules "
              + option.get()
              + ": no such file and no built-in rule set of that name;"
              + " built in: "
              + DEFAULT_BUILT_IN);
    }
    Optional<String> text;
    try {
      text = files.read(DEFAULT_NAME);
    } catch (IOException e) {
      throw new RulesException(DEFAULT_NAME + ": cannot read: " + e.getMessage());
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    InputStream in = new java.io.ByteArrayInputStream(text.get().getBytes(StandardCharsets.UTF_8));
    return Optional.of(parse(in, DEFAULT_NAME, false, repoTop, repoTop.toAbsolutePath(), files));
  }

  /** Loads a rules file; rule paths are relative to its folder, or to the {@code root} it sets. */
  public static Rules load(Path file, Path repoTop) throws RulesException {
    return load(file, repoTop, repoTop);
  }

  /**
   * Loads a rules file. Rule paths are relative to its folder when it lies in the repository, else
   * (a shared rules file kept elsewhere) to the working folder, as for a built-in rule set; a
   * {@code root} it sets is relative to that folder.
   */
  public static Rules load(Path file, Path repoTop, Path workDir) throws RulesException {
    return load(file, repoTop, workDir, RepoFiles.workTree(repoTop));
  }

  private static Rules load(Path file, Path repoTop, Path workDir, RepoFiles files)
      throws RulesException {
    String display = display(file, repoTop);
    try (InputStream in = Files.newInputStream(file)) {
      Path folder = file.toAbsolutePath().normalize().getParent();
      Path top = repoTop.toAbsolutePath().normalize();
      Path base = folder.startsWith(top) ? folder : workDir.toAbsolutePath().normalize();
      return parse(in, display, isJson(file), repoTop, base, files);
    } catch (NoSuchFileException e) {
      throw new RulesException(display + ": no such file");
    } catch (IOException e) {
      throw new RulesException(display + ": cannot read: " + e.getMessage());
    }
  }

  /** Loads a built-in rule set by name; rule paths are relative to the working folder. */
  public static Rules loadBuiltIn(String name, Path repoTop, Path workDir) throws RulesException {
    try (InputStream in = RulesFile.class.getResourceAsStream(BUILT_IN_FOLDER + name + ".yaml")) {
      if (in == null) {
        throw new RulesException("no built-in rule set named '" + name + "'");
      }
      return parse(
          in,
          name + " (built in)",
          false,
          repoTop,
          workDir.toAbsolutePath().normalize(),
          RepoFiles.workTree(repoTop));
    } catch (IOException e) {
      throw new RulesException(name + " (built in): cannot read: " + e.getMessage());
    }
  }

  private static boolean builtInExists(String name) {
    return name.matches("[a-z0-9][a-z0-9-]*")
        && RulesFile.class.getResource(BUILT_IN_FOLDER + name + ".yaml") != null;
  }

  private static Rules parse(
      InputStream in, String display, boolean json, Path repoTop, Path folder, RepoFiles files)
      throws RulesException {
    RulesSpec spec = read(in, display, json);
    Path rootDir = resolveRoot(spec, display, repoTop, folder);
    String root = toRootPrefix(repoTop, rootDir);
    checkRootExists(spec, display, root, files);
    ImageGraph graph = RulesCompiler.toGraph(spec, display);
    RuleSet ruleSet =
        new RuleSet(
            root,
            RulesCompiler.toRules(spec, display, graph),
            RulesCompiler.toIgnores(spec, display),
            RulesCompiler.toPolicy(spec, display));
    List<String> composeFiles = spec.compose == null ? List.of() : spec.compose.files;
    Optional<String> project =
        spec.compose == null ? Optional.empty() : Optional.ofNullable(spec.compose.project);
    return new Rules(display, ruleSet, graph, ImmutableList.copyOf(composeFiles), project, rootDir);
  }

  private static RulesSpec read(InputStream in, String display, boolean json)
      throws RulesException {
    ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try (JsonParser parser = mapper.createParser(in)) {
      // An empty or comments-only file has no token at all; readValue would call that a
      // top-level type mismatch ("expected a mapping") instead of saying the file is empty.
      RulesSpec spec =
          parser.nextToken() == null ? null : mapper.readValue(parser, RulesSpec.class);
      if (spec == null) {
        throw new RulesException(display + ": the file is empty; declare 'images' and 'rules'");
      }
      return spec;
    } catch (JsonProcessingException e) {
      throw new RulesException(RulesErrors.describe(display, e));
    } catch (IOException e) {
      throw new RulesException(display + ": cannot read: " + e.getMessage());
    }
  }

  /** A root that names no folder would match nothing, silently: a typo must be an error. */
  private static void checkRootExists(RulesSpec spec, String display, String root, RepoFiles files)
      throws RulesException {
    if (spec.root == null || spec.root.value() == null) {
      return;
    }
    boolean exists;
    try {
      exists = files.isFolder(root);
    } catch (IOException e) {
      throw new RulesException(display + ": cannot check root: " + e.getMessage());
    }
    if (!exists) {
      throw new RulesException(
          at(display, spec.root)
              + "root: '"
              + spec.root.value()
              + "' is not a folder of the repository; fix the name, relative to the rules file");
    }
  }

  private static Path resolveRoot(RulesSpec spec, String display, Path repoTop, Path folder)
      throws RulesException {
    Path top = repoTop.toAbsolutePath().normalize();
    Path base = folder.startsWith(top) ? folder : top;
    if (spec.root == null || spec.root.value() == null) {
      return base;
    }
    String value = spec.root.value();
    Path root = base.resolve(value).normalize();
    if (Path.of(value).isAbsolute() || !root.startsWith(top)) {
      throw new RulesException(
          at(display, spec.root)
              + "root: '"
              + value
              + "' is outside the repository; give a folder inside it,"
              + " relative to the rules file");
    }
    return root;
  }

  private static String toRootPrefix(Path repoTop, Path rootDir) {
    String relative = repoTop.toAbsolutePath().normalize().relativize(rootDir).toString();
    relative = relative.replace('\\', '/');
    return relative.isEmpty() ? "" : relative + "/";
  }

  static String at(String display, Located<?> located) {
    return located == null
        ? display + ": "
        : display + ":" + located.line() + ":" + located.column() + ": ";
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static String display(Path file, Path repoTop) {
    Path absolute = file.toAbsolutePath().normalize();
    Path top = repoTop.toAbsolutePath().normalize();
    return absolute.startsWith(top) ? top.relativize(absolute).toString() : absolute.toString();
  }
}
