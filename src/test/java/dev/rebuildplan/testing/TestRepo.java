package dev.rebuildplan.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real git repository in a temporary folder, driven by the git command line with author, dates,
 * HOME and configuration pinned, so that tests see what users' repositories look like.
 */
public final class TestRepo {
  private final Path dir;
  private final Path home;
  private int tick;

  private TestRepo(Path dir, Path home) {
    this.dir = dir;
    this.home = home;
  }

  /** Creates an empty repository on branch main in {@code dir}. */
  public static TestRepo init(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path home = Files.createTempDirectory("rebuild-plan-home");
    TestRepo repo = new TestRepo(dir, home);
    repo.git("init", "-q", "-b", "main");
    return repo;
  }

  /** A repository of the reference layout with one commit on main. */
  public static TestRepo referenceLayout(Path dir) throws IOException {
    TestRepo repo = init(dir);
    repo.write("package.json", "{\"workspaces\": [\"packages/*\", \"services/*\"]}\n")
        .write("bun.lock", "lock 1\n")
        .write("README.md", "# monorepo\n")
        .write("docs/guide.md", "guide\n");
    for (String pkg : List.of("utils", "sdk", "types")) {
      repo.write("packages/" + pkg + "/index.ts", "export const " + pkg + " = 1;\n");
    }
    for (String service :
        List.of("cloud", "dashboard-manager", "flash", "live-captions", "miraai", "notify")) {
      repo.write("services/" + service + "/package.json", "{\"name\": \"" + service + "\"}\n")
          .write("services/" + service + "/src/index.ts", "console.log('" + service + "');\n");
    }
    return repo.commit("initial layout");
  }

  /** A bare clone of this repository in {@code dir}, to stand for a remote. */
  public TestRepo bareClone(Path dir) throws IOException {
    run(dir.getParent(), List.of("git", "clone", "-q", "--bare", dir().toString(), dir.toString()));
    return new TestRepo(dir, home);
  }

  /** {@code git clone [options] file://<this> dir}: a clone whose origin is this repository. */
  public TestRepo cloneTo(Path dir, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "clone", "-q"));
    command.addAll(List.of(options));
    command.add(url());
    command.add(dir.toString());
    run(dir.getParent(), command);
    return new TestRepo(dir, home);
  }

  /** This repository as a {@code file://} URL, so that git uses its real transport. */
  public String url() {
    return "file://" + dir.toAbsolutePath();
  }

  /** The pinned environment as a fresh map, for tools the test starts itself. */
  public Map<String, String> environment() {
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    environment(env);
    return env;
  }

  public Path dir() {
    return dir;
  }

  public TestRepo write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, UTF_8);
    return this;
  }

  public TestRepo append(String path, String content) throws IOException {
    return write(path, read(path) + content);
  }

  public String read(String path) throws IOException {
    return Files.readString(dir.resolve(path), UTF_8);
  }

  public TestRepo delete(String path) throws IOException {
    git("rm", "-q", "-r", "--", path);
    return this;
  }

  public TestRepo move(String from, String to) throws IOException {
    Files.createDirectories(dir.resolve(to).getParent());
    git("mv", "--", from, to);
    return this;
  }

  /** Stages everything and commits. */
  public TestRepo commit(String message) throws IOException {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return this;
  }

  public TestRepo branch(String name) throws IOException {
    git("checkout", "-q", "-b", name);
    return this;
  }

  public TestRepo checkout(String name) throws IOException {
    git("checkout", "-q", name);
    return this;
  }

  public TestRepo merge(String branch) throws IOException {
    git("merge", "-q", "--no-ff", "--no-edit", branch);
    return this;
  }

  /** Adds another repository as a submodule at {@code path} (not committed yet). */
  public TestRepo addSubmodule(TestRepo library, String path) throws IOException {
    git(
        "-c",
        "protocol.file.allow=always",
        "submodule",
        "add",
        "-q",
        library.dir().toUri().toString(),
        path);
    return this;
  }

  /** Moves the submodule at {@code path} to the library's HEAD (not committed yet). */
  public TestRepo bumpSubmodule(TestRepo library, String path) throws IOException {
    TestRepo submodule = new TestRepo(dir.resolve(path), home);
    submodule.git("fetch", "-q", "origin");
    submodule.git("checkout", "-q", library.sha("HEAD"));
    return this;
  }

  public String sha(String revision) throws IOException {
    return git("rev-parse", revision).strip();
  }

  /** Runs git in the repository and returns its standard output; fails on a non-zero exit. */
  public String git(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    return run(dir, command);
  }

  /** Runs a command with this repository's pinned git environment. */
  public String run(Path workDir, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.redirectErrorStream(true);
    environment(builder.environment());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(command + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }

  /** The pinned environment: a private HOME, no system config, fixed identity, advancing dates. */
  public void environment(Map<String, String> env) {
    String date = "2026-01-01T00:00:" + String.format("%02d", Math.min(59, tick++)) + "Z";
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", home.resolve("gitconfig").toString());
    env.put("GIT_AUTHOR_NAME", "Test Author");
    env.put("GIT_AUTHOR_EMAIL", "author@example.invalid");
    env.put("GIT_COMMITTER_NAME", "Test Author");
    env.put("GIT_COMMITTER_EMAIL", "author@example.invalid");
    env.put("GIT_AUTHOR_DATE", date);
    env.put("GIT_COMMITTER_DATE", date);
    env.remove("GIT_DIR");
    env.remove("GIT_WORK_TREE");
  }
}
