package dev.rebuildplan.docker;

import java.util.Locale;

/**
 * The parts of a {@code RUN --mount=...} that matter for inputs.
 *
 * @param type {@code bind} (the default), {@code cache}, {@code secret}, {@code ssh} or {@code
 *     tmpfs}
 * @param source the path mounted, {@code .} (everything) when not given
 * @param from the stage or image mounted from, empty for the build context
 */
record RunMount(String type, String source, String from) {

  /** Reads the comma-separated {@code key=value} list of a {@code --mount} flag. */
  static RunMount parse(String options) {
    String type = "bind";
    String source = ".";
    String from = "";
    for (String option : options.split(",")) {
      int equals = option.indexOf('=');
      String key = equals < 0 ? option : option.substring(0, equals).toLowerCase(Locale.ROOT);
      String value = equals < 0 ? "" : option.substring(equals + 1);
      switch (key) {
        case "type" -> type = value.toLowerCase(Locale.ROOT);
        case "source", "src" -> source = value;
        case "from" -> from = value;
        default -> {} // target, readonly, id, sharing, mode...: no effect on inputs
      }
    }
    return new RunMount(type, source, from);
  }

  boolean isBind() {
    return type.equals("bind");
  }
}
