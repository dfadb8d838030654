package dev.rebuildplan.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stand-in for the docker executable: a real script that records each call's arguments, one line
 * per call, and fails the builds whose arguments contain a given word.
 */
final class RecordingDocker {
  private final Path script;
  private final Path record;

  private RecordingDocker(Path script, Path record) {
    this.script = script;
    this.record = record;
  }

  static RecordingDocker create(Path folder, String failWhenArgsContain) throws IOException {
    Path script = folder.resolve("fake-docker");
    Path record = folder.resolve("docker-calls.txt");
    Files.writeString(record, "");
    String fail =
        failWhenArgsContain == null
            ? ""
            : "case \" $* \" in *\" "
                + failWhenArgsContain
                + " \"*) echo 'build failed' >&2; exit 1;; esac\n";
    Files.writeString(
        script,
        "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '"
            + record
            + "'\n"
            + "[ \"$1 $2\" = 'compose version' ] && { echo 'Docker Compose version v2.99.0'; exit 0; }\n"
            + fail
            + "echo \"built $*\"\n",
        UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new RecordingDocker(script, record);
  }

  String path() {
    return script.toString();
  }

  List<String> calls() throws IOException {
    return Files.readAllLines(record, UTF_8).stream()
        .filter(line -> !line.equals("compose version"))
        .collect(Collectors.toList());
  }

  List<String> builds() throws IOException {
    return calls().stream().filter(line -> line.contains(" build ")).collect(Collectors.toList());
  }
}
