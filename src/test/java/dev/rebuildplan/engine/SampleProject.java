package dev.rebuildplan.engine;

import dev.rebuildplan.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A small project of the reference layout in a real git repository: a base image {@code
 * augmentos-cloud-base} holding {@code packages/} and three services built FROM it, each with a RUN
 * step that copies a marker the base's own RUN step wrote. Image and compose project names carry a
 * prefix unique to the project, so tests never see each other's images.
 */
final class SampleProject {
  static final String BASE = "augmentos-cloud-base";
  static final List<String> SERVICES = List.of("cloud", "flash", "notify");

  /** A label on every image of a project (services inherit it), valued with its prefix. */
  static final String LABEL = "dev.rebuildplan.it";

  private final TestRepo repo;
  private final String prefix;

  private SampleProject(TestRepo repo, String prefix) {
    this.repo = repo;
    this.prefix = prefix;
  }

  /** The project, committed on main; {@code baseSteps} are extra Dockerfile lines for the base. */
  static SampleProject create(Path dir, String... baseSteps) throws IOException {
    String prefix = "rpit-" + UUID.randomUUID().toString().substring(0, 8);
    SampleProject project = new SampleProject(TestRepo.init(dir), prefix);
    project.writeSources().writeBaseDockerfile(baseSteps).writeServices().writeComposeAndRules();
    // The base's only content, a static busybox: no registry is reachable. Untracked (ignored).
    Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"));
    project.repo.commit("sample project");
    return project;
  }

  private SampleProject writeSources() throws IOException {
    repo.write(".gitignore", "/busybox\n")
        .write("package.json", "{\"workspaces\": [\"packages/*\", \"services/*\"]}\n")
        .write("bun.lock", "lock 1\n")
        .write("packages/utils/index.ts", "export const utils = 1;\n");
    return this;
  }

  SampleProject writeBaseDockerfile(String... extraSteps) throws IOException {
    repo.write(
        "Dockerfile",
        "FROM scratch\n"
            + "LABEL "
            + LABEL
            + "="
            + prefix
            + "\n"
            + "COPY busybox /bin/busybox\n"
            + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n"
            + String.join("", Stream.of(extraSteps).map(step -> step + "\n").toList())
            + "COPY package.json bun.lock /app/\n"
            + "COPY packages /app/packages\n"
            + "RUN cat /proc/sys/kernel/random/uuid > /base-marker\n");
    return this;
  }

  private SampleProject writeServices() throws IOException {
    for (String service : SERVICES) {
      repo.write("services/" + service + "/src/index.ts", "console.log('" + service + "');\n")
          .write(
              "services/" + service + "/Dockerfile",
              "FROM "
                  + image(BASE)
                  + "\n"
                  + "COPY services/"
                  + service
                  + " /app/services/"
                  + service
                  + "\n"
                  + "RUN cp /base-marker /app/base-marker\n");
    }
    return this;
  }

  private void writeComposeAndRules() throws IOException {
    StringBuilder compose = new StringBuilder("services:\n");
    compose.append(service(BASE, "Dockerfile"));
    for (String service : SERVICES) {
      compose.append(service(service, "services/" + service + "/Dockerfile"));
    }
    repo.write("docker-compose.yml", compose.toString())
        .write(
            ".rebuild-plan.yaml",
            "images:\n"
                + "  "
                + BASE
                + ": {}\n"
                + String.join(
                    "",
                    SERVICES.stream()
                        .map(service -> "  " + service + ": {from: " + BASE + "}\n")
                        .toList())
                + "rules:\n"
                + "  - match: [packages/**, package.json, bun.lock, Dockerfile]\n"
                + "    images: "
                + BASE
                + "\n"
                + "  - match: services/{name}/**\n"
                + "    images: \"{name}\"\n"
                + "compose:\n"
                + "  project: "
                + prefix
                + "\n");
  }

  private String service(String name, String dockerfile) {
    // network: none, because the private engine has no bridge for build containers.
    return "  "
        + name
        + ":\n"
        + "    image: "
        + image(name)
        + "\n"
        + "    build: {context: ., dockerfile: "
        + dockerfile
        + ", network: none}\n";
  }

  /** The full image name (with tag) of a compose service of this project. */
  String image(String service) {
    return prefix + "-" + service + ":latest";
  }

  /** The prefix of every image name of this project. */
  String prefix() {
    return prefix;
  }

  TestRepo repo() {
    return repo;
  }

  Path dir() {
    return repo.dir();
  }

  /** Builds every image the way rebuild-plan would, base first, without rebuild-plan. */
  void buildAllInStages(Engine engine) {
    buildWithCompose(engine, BASE);
    buildWithCompose(engine, SERVICES.toArray(String[]::new));
  }

  private void buildWithCompose(Engine engine, String... services) {
    Engine.Output output = engine.compose(dir(), buildArgs(services));
    if (output.exitCode() != 0) {
      throw new AssertionError("setting up: " + output);
    }
  }

  /** Removes every image of this project, old versions included. */
  void removeImages(Engine engine) {
    engine.removeImages(LABEL, prefix);
  }

  /** The arguments of {@code docker compose ... build SERVICES} for this project. */
  String[] buildArgs(String... services) {
    List<String> args = new ArrayList<>(List.of("-p", prefix, "build"));
    args.addAll(List.of(services));
    return args.toArray(String[]::new);
  }
}
