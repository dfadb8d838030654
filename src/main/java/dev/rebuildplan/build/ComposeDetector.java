package dev.rebuildplan.build;

import com.google.common.collect.ImmutableList;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Chooses between the Compose v2 plugin ({@code docker compose}) and the v1 standalone {@code
 * docker-compose}: v2 when {@code docker compose version} answers, else v1 when it is on PATH.
 */
public final class ComposeDetector {
  private final ProcessLauncher launcher;
  private final Map<String, String> environment;

  public ComposeDetector(ProcessLauncher launcher, Map<String, String> environment) {
    this.launcher = launcher;
    this.environment = environment;
  }

  /**
   * Returns the command to call compose with.
   *
   * @throws ComposeUnavailableException with a one-line message when neither form is available
   */
  public ComposeCommand detect(ComposeCommand wanted, Path dir) throws ComposeUnavailableException {
    String docker = wanted.executable().get(0);
    if (answers(ImmutableList.of(docker, "compose", "version"), dir)) {
      return wanted;
    }
    Path v1 = findOnPath("docker-compose");
    if (v1 != null) {
      return wanted.withExecutable(ImmutableList.of(v1.toString()));
    }
    throw new ComposeUnavailableException(
        "'"
            + docker
            + " compose version' failed and no docker-compose is on PATH; install the"
            + " Docker Compose v2 plugin, or pass --docker PATH");
  }

  private boolean answers(ImmutableList<String> args, Path dir) {
    StringWriter ignored = new StringWriter();
    try {
      return launcher.start(args, dir, ignored, ignored).waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Path findOnPath(String name) {
    String path = environment.getOrDefault("PATH", "");
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(folder, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
