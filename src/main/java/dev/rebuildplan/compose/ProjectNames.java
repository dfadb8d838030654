package dev.rebuildplan.compose;

import java.util.regex.Pattern;

/** Compose's rules for project names: lower-case letters, digits, '-' and '_'. */
final class ProjectNames {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern OUTSIDE_ALPHABET = Pattern.compile("[^a-z0-9_-]");
  private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[_-]+");

  private ProjectNames() {}

  /**
   * Returns {@code raw} lower-cased, without the characters outside the alphabet and without
   * leading '-' and '_', as Compose derives a name from a folder or the {@code name} key.
   */
  static String normalize(String raw) {
    String kept = OUTSIDE_ALPHABET.matcher(raw.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    return LEADING_SEPARATORS.matcher(kept).replaceFirst("");
  }

  /** Returns whether {@code name} may be given as is, as {@code -p} names must be. */
  static boolean isValid(String name) {
    return VALID.matcher(name).matches();
  }
}
