package dev.rebuildplan.testing;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A git repository of the real AugmentOS cloud shape, with a history that walks through the traps
 * of issue 4 one commit at a time. Every Dockerfile builds offline on an engine with no registry
 * and no network: the base is {@code FROM scratch} plus a static busybox kept in the repository.
 *
 * <pre>
 * augmentos_cloud/                   the compose project; build context "." for every service
 *   docker-compose.yml               the one in use
 *   docker-compose.{dev,staging}.yml, Dockerfile, Dockerfile.dev, "Dockerfile copy.dev"  unused
 *   Dockerfile.base                  augmentos-cloud-base, FROM scratch
 *   Dockerfile.{cloud,dashboard-manager,live-captions}   FROM augmentos-cloud-base:latest
 *   Dockerfile.notify                FROM augmentos-cloud-base as runner, no COPY
 *   .dockerignore                    node_modules, dist, Dockerfile*, docker-compose*, .env*
 *   packages/{config,types,utils,sdk,agents}   shared packages, copied by the base
 *   packages/cloud, packages/apps/SERVICE       service folders
 * </pre>
 */
public final class AugmentOsHistory {
  public static final String FOLDER = "augmentos_cloud";
  public static final String BASE = "augmentos-cloud-base";

  private static final List<String> SHARED = List.of("config", "types", "utils", "sdk", "agents");
  private static final List<String> APPS = List.of("dashboard-manager", "live-captions", "notify");
  private static final String TPA_CONFIG = "packages/apps/live-captions/tpa_config.json";

  /** The commits of the history, oldest first; each names the state it walks into. */
  public enum Step {
    INITIAL,
    SHARED_PACKAGE_EDIT,
    SERVICE_EDIT,
    CROSS_SERVICE_FILE_EDIT,
    IGNORED_FILES_EDIT,
    UNUSED_DOCKER_FILES_EDIT,
    PORTS_AND_ENVIRONMENT_EDIT,
    README_EDIT_NOT_COPIED,
    BUILD_ARG_EDIT,
    UNUSED_BUILD_ARG_ADDED,
    SERVICE_ADDED,
    SERVICE_REMOVED,
    BASE_SWITCHES_TO_COPY_ALL,
    README_EDIT_COPIED,
    IGNORED_FILES_EDIT_AFTER_COPY_ALL,
    COMPOSE_AND_UNUSED_FILES_EDIT_AFTER_COPY_ALL,
    DOCKERIGNORE_EDIT_AFTER_COPY_ALL
  }

  private final TestRepo repo;
  private final ImmutableMap<Step, String> commits;

  private AugmentOsHistory(TestRepo repo, Map<Step, String> commits) {
    this.repo = repo;
    this.commits = ImmutableMap.copyOf(commits);
  }

  /**
   * Creates the repository in {@code dir} and commits every step.
   *
   * @param busybox a static busybox to build the base from; any file will do where nothing builds
   */
  public static AugmentOsHistory create(Path dir, Path busybox) throws IOException {
    TestRepo repo = TestRepo.init(dir);
    Map<Step, String> commits = new EnumMap<>(Step.class);
    Writer writer = new Writer(repo, busybox);
    for (Step step : Step.values()) {
      writer.walkInto(step);
      repo.commit(step.name().toLowerCase().replace('_', ' '));
      commits.put(step, repo.sha("HEAD"));
    }
    return new AugmentOsHistory(repo, commits);
  }

  public TestRepo repo() {
    return repo;
  }

  /** The compose project's folder in the work tree. */
  public Path projectDir() {
    return repo.dir().resolve(FOLDER);
  }

  public String commit(Step step) {
    return commits.get(step);
  }

  /** Writes each step's changes into the work tree. */
  private static final class Writer {
    private final TestRepo repo;
    private final Path busybox;

    Writer(TestRepo repo, Path busybox) {
      this.repo = repo;
      this.busybox = busybox;
    }

    void walkInto(Step step) throws IOException {
      switch (step) {
        case INITIAL -> initial();
        case SHARED_PACKAGE_EDIT -> append("packages/utils/src/index.ts", "// utils 2\n");
        case SERVICE_EDIT -> append("packages/apps/dashboard-manager/src/index.ts", "// 2\n");
        case CROSS_SERVICE_FILE_EDIT -> write(TPA_CONFIG, "{\"name\": \"live-captions 2\"}\n");
        case IGNORED_FILES_EDIT -> {
          append("packages/cloud/node_modules/left-pad/index.js", "// 2\n");
          append("packages/utils/dist/index.js", "// 2\n");
          append(".env", "MONGO_URL=mongodb://mongodb:27017/2\n");
        }
        case UNUSED_DOCKER_FILES_EDIT -> {
          append("Dockerfile", "# 2\n");
          append("Dockerfile.dev", "# 2\n");
          append("Dockerfile copy.dev", "# 2\n");
          append("docker-compose.dev.yml", "# 2\n");
          append("docker-compose.staging.yml", "# 2\n");
        }
        case PORTS_AND_ENVIRONMENT_EDIT -> {
          replace("docker-compose.yml", "\"8002:80\"", "\"8003:80\"");
          replace("docker-compose.yml", "NODE_ENV=production", "NODE_ENV=staging");
        }
        case README_EDIT_NOT_COPIED -> append("README.md", "More words.\n");
        case BUILD_ARG_EDIT ->
            replace(
                "docker-compose.yml",
                "      dockerfile: Dockerfile.cloud\n",
                "      dockerfile: Dockerfile.cloud\n      args:\n        BUILD_ENV: staging\n");
        case UNUSED_BUILD_ARG_ADDED ->
            replace(
                "docker-compose.yml",
                "      dockerfile: Dockerfile.live-captions\n",
                "      dockerfile: Dockerfile.live-captions\n      args:\n        UNUSED: x\n");
        case SERVICE_ADDED -> {
          app("miraai");
          append("docker-compose.yml", service("miraai"));
        }
        case SERVICE_REMOVED -> {
          // The service leaves compose and its Dockerfile goes; its folder stays, as the base
          // still copies its package.json.
          replace("docker-compose.yml", service("dashboard-manager"), "");
          repo.delete(FOLDER + "/Dockerfile.dashboard-manager");
        }
        case BASE_SWITCHES_TO_COPY_ALL -> write("Dockerfile.base", baseDockerfile(true));
        case README_EDIT_COPIED -> append("README.md", "Even more words.\n");
        case IGNORED_FILES_EDIT_AFTER_COPY_ALL -> {
          append(".env", "DEBUG=1\n");
          write(".env.local", "SECRET=x\n");
          append("packages/cloud/dist/index.js", "// 2\n");
          append("packages/cloud/node_modules/left-pad/index.js", "// 3\n");
          write("node_modules/typescript/index.js", "// hoisted\n");
          write("dist/bundle.js", "// bundle\n");
        }
        case COMPOSE_AND_UNUSED_FILES_EDIT_AFTER_COPY_ALL -> {
          replace("docker-compose.yml", "NODE_ENV=staging", "NODE_ENV=production");
          append("Dockerfile copy.dev", "# 3\n");
          append("docker-compose.staging.yml", "# 3\n");
        }
        // COPY . . copies the ignore file itself: every image changes.
        case DOCKERIGNORE_EDIT_AFTER_COPY_ALL -> append(".dockerignore", "*.log\n");
      }
    }

    private void initial() throws IOException {
      repo.write("README.md", "# AugmentOS\n");
      Files.createDirectories(repo.dir().resolve(FOLDER + "/tools"));
      Files.copy(busybox, repo.dir().resolve(FOLDER + "/tools/busybox"));
      repo.dir().resolve(FOLDER + "/tools/busybox").toFile().setExecutable(true);
      write("README.md", "# AugmentOS cloud\n");
      write("package.json", "{\"workspaces\": [\"packages/*\", \"packages/apps/*\"]}\n");
      write("bun.lock", "lock 1\n");
      write(".env", "MONGO_URL=mongodb://mongodb:27017\n");
      write(".dockerignore", "**/node_modules\n**/dist\nDockerfile*\ndocker-compose*\n.env*\n");
      for (String pkg : SHARED) {
        write("packages/" + pkg + "/package.json", "{\"name\": \"@augmentos/" + pkg + "\"}\n");
        write("packages/" + pkg + "/src/index.ts", "// " + pkg + "\n");
      }
      write("packages/utils/dist/index.js", "// built utils\n");
      write("packages/cloud/package.json", "{\"name\": \"cloud\"}\n");
      write("packages/cloud/src/index.ts", "// cloud\n");
      write("packages/cloud/node_modules/left-pad/index.js", "// left-pad\n");
      write("packages/cloud/dist/index.js", "// built cloud\n");
      for (String app : APPS) {
        app(app);
      }
      write(TPA_CONFIG, "{\"name\": \"live-captions\"}\n");
      write("Dockerfile.base", baseDockerfile(false));
      write("Dockerfile.cloud", cloudDockerfile());
      write("Dockerfile.notify", runnerDockerfile());
      write("docker-compose.yml", compose());
      write("Dockerfile", "FROM node:20\nWORKDIR /app\nCOPY . .\n");
      write("Dockerfile.dev", "FROM node:20\nWORKDIR /app\nCOPY packages ./packages\n");
      write("Dockerfile copy.dev", "FROM node:18\nCOPY . .\n");
      write(
          "docker-compose.dev.yml",
          "services:\n  cloud:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n");
      write(
          "docker-compose.staging.yml",
          "services:\n  cloud:\n    image: registry.example.com/cloud:staging\n");
    }

    /** A service folder and, but for the runner, its Dockerfile. */
    private void app(String name) throws IOException {
      write("packages/apps/" + name + "/package.json", "{\"name\": \"" + name + "\"}\n");
      write("packages/apps/" + name + "/src/index.ts", "// " + name + "\n");
      if (!name.equals("notify")) {
        write("Dockerfile." + name, appDockerfile(name));
      }
    }

    private static String baseDockerfile(boolean copyAll) {
      StringBuilder text =
          new StringBuilder(
              """
          FROM scratch
          COPY tools/busybox /bin/busybox
          RUN ["/bin/busybox", "--install", "-s", "/bin"]
          WORKDIR /app
          """);
      if (copyAll) {
        text.append("COPY . .\n");
      } else {
        text.append("COPY package.json bun.lock ./\n");
        text.append("COPY packages/cloud/package.json ./packages/cloud/\n");
        for (String app : APPS) {
          text.append("COPY packages/apps/" + app + "/package.json ./packages/apps/" + app + "/\n");
        }
        for (String pkg : SHARED) {
          text.append("COPY packages/" + pkg + " ./packages/" + pkg + "\n");
        }
      }
      return text.append("RUN find /app -type f | sort > /app/installed.txt\n").toString();
    }

    private static String cloudDockerfile() {
      return """
          FROM augmentos-cloud-base:latest
          WORKDIR /app
          COPY packages/cloud ./packages/cloud
          COPY packages/apps/live-captions/tpa_config.json ./packages/apps/live-captions/
          ARG BUILD_ENV=production
          RUN echo "$BUILD_ENV" > packages/cloud/build-env && wc -c packages/cloud/src/index.ts
          CMD ["sh", "-c", "cat packages/cloud/build-env"]
          """;
    }

    private static String appDockerfile(String app) {
      return """
          FROM augmentos-cloud-base:latest
          WORKDIR /app
          COPY packages/apps/APP ./packages/apps/APP
          RUN wc -c packages/apps/APP/src/index.ts
          CMD ["cat", "packages/apps/APP/src/index.ts"]
          """
          .replace("APP", app);
    }

    /** Copies nothing: it runs what the base put in place. */
    private static String runnerDockerfile() {
      return """
          FROM augmentos-cloud-base as runner
          WORKDIR /app/packages/apps/notify
          RUN ls -l /app/packages/apps/notify
          CMD ["ls"]
          """;
    }

    private static String compose() {
      return """
          services:
            augmentos-cloud-base:
              build:
                context: .
                dockerfile: Dockerfile.base
                network: none
              image: augmentos-cloud-base:latest

            cloud:
              build:
                context: .
                dockerfile: Dockerfile.cloud
                network: none
              ports:
                - "8002:80"
              environment:
                - NODE_ENV=production
              depends_on:
                - augmentos-cloud-base
                - mongodb

            mongodb:
              image: mongo:7
          """
          + service("dashboard-manager")
          + service("live-captions")
          + service("notify");
    }

    private static String service(String name) {
      return """

            NAME:
              build:
                context: .
                dockerfile: Dockerfile.NAME
                network: none
              depends_on:
                - cloud
          """
          .replace("NAME", name);
    }

    private void write(String path, String content) throws IOException {
      repo.write(FOLDER + "/" + path, content);
    }

    private void append(String path, String content) throws IOException {
      repo.append(FOLDER + "/" + path, content);
    }

    private void replace(String path, String before, String after) throws IOException {
      String text = repo.read(FOLDER + "/" + path);
      checkArgument(text.contains(before), "%s does not contain %s", path, before);
      repo.write(FOLDER + "/" + path, text.replace(before, after));
    }
  }
}
