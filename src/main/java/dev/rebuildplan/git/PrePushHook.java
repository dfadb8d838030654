package dev.rebuildplan.git;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;

/**
 * The pre-push hook that runs {@code rebuild-plan pre-push}, in the folder git really takes hooks
 * from ({@code core.hooksPath}, else the common git folder's {@code hooks}). A pre-push hook that
 * was there before is kept beside it as {@value #KEPT} and still runs first, with the same input.
 */
public final class PrePushHook {
  static final String KEPT = "pre-push.before-rebuild-plan";
  private static final String MARKER = "# rebuild-plan pre-push hook";

  private final Path hooksDir;

  private PrePushHook(Path hooksDir) {
    this.hooksDir = hooksDir;
  }

  /** The hook of the repository's hooks folder, honouring {@code core.hooksPath}. */
  public static PrePushHook of(Repository repository) {
    String configured = repository.getConfig().getString("core", null, "hooksPath");
    Path dir;
    if (configured == null || configured.isBlank()) {
      dir = repository.getCommonDirectory().toPath().resolve("hooks");
    } else {
      // git resolves a relative hooksPath against the work tree's top, as hooks run there.
      Path path =
          Path.of(
              configured.startsWith("~/")
                  ? System.getProperty("user.home") + configured.substring(1)
                  : configured);
      dir = repository.getWorkTree().toPath().resolve(path);
    }
    return new PrePushHook(dir.toAbsolutePath().normalize());
  }

  public Path file() {
    return hooksDir.resolve("pre-push");
  }

  /**
   * Writes the hook; returns what was done, one line. Installing what is already there changes
   * nothing.
   *
   * @param launcher the absolute path of the launcher to call, empty for {@code rebuild-plan} on
   *     PATH
   * @throws GitException when an earlier hook would be lost, or a file cannot be written
   */
  public String install(Optional<String> launcher, boolean build) throws GitException {
    String script = script(launcher, build);
    Path hook = file();
    try {
      Files.createDirectories(hooksDir);
      String kept = "";
      if (Files.exists(hook)) {
        String current = Files.readString(hook, UTF_8);
        if (current.equals(script)) {
          return "the pre-push hook is already installed in " + hooksDir + "; nothing changed";
        }
        if (!current.contains(MARKER)) {
          keepExisting(hook);
          kept = "; the pre-push hook that was there is kept as " + KEPT + " and runs first";
        }
      }
      Files.writeString(hook, script, UTF_8);
      Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
      return "installed the pre-push hook in " + hook + kept;
    } catch (IOException e) {
      throw new GitException("cannot write the pre-push hook " + hook + ": " + e.getMessage(), e);
    }
  }

  private void keepExisting(Path hook) throws IOException, GitException {
    Path kept = hooksDir.resolve(KEPT);
    if (Files.exists(kept)) {
      throw new GitException(
          hook
              + " is not rebuild-plan's, and "
              + KEPT
              + " exists already;"
              + " move one of them away, then install again");
    }
    Files.move(hook, kept, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Removes what {@link #install} wrote and puts a kept hook back; returns what was done. With no
   * rebuild-plan hook there (none at all, or someone else's), changes nothing and says so.
   *
   * @throws GitException when a file cannot be read, removed or moved back
   */
  public String uninstall() throws GitException {
    Path hook = file();
    Path kept = hooksDir.resolve(KEPT);
    try {
      if (!Files.exists(hook)) {
        return "no rebuild-plan hook in " + hooksDir + "; nothing to remove";
      }
      if (!Files.readString(hook, UTF_8).contains(MARKER)) {
        return "no rebuild-plan hook in "
            + hooksDir
            + " (its pre-push hook is not rebuild-plan's and stays); nothing to remove";
      }
      Files.delete(hook);
      if (Files.exists(kept)) {
        Files.move(kept, hook, StandardCopyOption.ATOMIC_MOVE);
        return "removed the rebuild-plan pre-push hook; the earlier hook is back as " + hook;
      }
      return "removed the rebuild-plan pre-push hook " + hook;
    } catch (IOException e) {
      throw new GitException("cannot remove the pre-push hook " + hook + ": " + e.getMessage(), e);
    }
  }

  static String script(Optional<String> launcher, boolean build) {
    return "#!/bin/sh\n"
        + MARKER
        + ", written by `rebuild-plan hook install`;\n"
        + "# `rebuild-plan hook uninstall` removes it. Skip it once with: git push --no-verify\n"
        + "launcher="
        + shellQuote(launcher.orElse(""))
        + "\n"
        + "if [ -z \"$launcher\" ] || [ ! -x \"$launcher\" ]; then launcher=rebuild-plan; fi\n"
        + "if ! command -v \"$launcher\" >/dev/null 2>&1; then\n"
        + "  echo \"error: rebuild-plan is not on PATH and $launcher is gone; reinstall the hook"
        + " (rebuild-plan hook install), or push with git push --no-verify\" >&2\n"
        + "  exit 1\n"
        + "fi\n"
        + "# git writes the pushed refs on stdin once; both hooks need them, so keep a copy.\n"
        + "input=$(mktemp) || exit 1\n"
        + "trap 'rm -f \"$input\"' EXIT\n"
        + "cat >\"$input\"\n"
        + "kept=\"$(dirname \"$0\")/"
        + KEPT
        + "\"\n"
        + "if [ -x \"$kept\" ]; then\n"
        + "  \"$kept\" \"$@\" <\"$input\" || exit $?\n"
        + "fi\n"
        + "\"$launcher\" pre-push"
        + (build ? " --build" : "")
        + " \"$@\" <\"$input\"\n";
  }

  private static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
