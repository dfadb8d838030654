package dev.rebuildplan.compose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Compose's rules for project names: lower-case letters, digits, '-' and '_'. */
final class ProjectNames {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern OUTSIDE_ALPHABET = Pattern.compile("[^a-z0-9_-]");
  private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[_-]+");

  private ProjectNames() {}

  /**
   * Picks the project name by Compose's precedence: the given name, {@code COMPOSE_PROJECT_NAME},
   * the {@code name} key, then the project folder's name. A given name must be valid as is; the
   * others are normalized.
   */
  static String choose(
      ComposeInvocation invocation,
      String nameKey,
      String directory,
      List<ComposeProblem> problems) {
    Optional<String> given = givenName(invocation);
    if (given.isPresent()) {
      if (!isValid(given.get())) {
        problems.add(ComposeProblem.inFile(directory, invalidMessage(given.get())));
      }
      return given.get();
    }
    String fromKey = normalize(nameKey);
    if (!fromKey.isEmpty()) {
      return fromKey;
    }
    String fromFolder = normalize(folderName(invocation, directory));
    if (fromFolder.isEmpty()) {
      problems.add(
          ComposeProblem.inFile(
              directory, "no project name: set 'name' in the compose file or give a project name"));
    }
    return fromFolder;
  }

  /**
   * Returns {@code raw} lower-cased, without the characters outside the alphabet and without
   * leading '-' and '_', as Compose derives a name from a folder or the {@code name} key.
   */
  static String normalize(String raw) {
    String kept = OUTSIDE_ALPHABET.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("");
    return LEADING_SEPARATORS.matcher(kept).replaceFirst("");
  }

  /** Returns whether {@code name} may be given as is, as {@code -p} names must be. */
  static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }

  private static Optional<String> givenName(ComposeInvocation invocation) {
    return invocation
        .projectName()
        .or(() -> Optional.ofNullable(invocation.environment().get("COMPOSE_PROJECT_NAME")))
        .filter(name -> !name.isEmpty());
  }

  private static String folderName(ComposeInvocation invocation, String directory) {
    return directory.equals(RepoPaths.ROOT)
        ? invocation.repositoryFolderName()
        : RepoPaths.baseName(directory);
  }

  private static String invalidMessage(String name) {
    return "project name '"
        + name
        + "' must contain only lower-case letters, digits, '-' and '_', and start with a letter"
        + " or digit";
  }
}
