package dev.rebuildplan.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real processes, draining both of their streams on threads of their own. */
public final class SystemProcessLauncher implements ProcessLauncher {
  private static final long STOP_GRACE_SECONDS = 10;

  @Override
  public Running start(List<String> args, Path dir, Writer out, Writer err) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(args).directory(dir.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    Thread outCopy = copy(process.getInputStream(), out, "stdout of " + args.get(0));
    Thread errCopy = copy(process.getErrorStream(), err, "stderr of " + args.get(0));
    return new Running() {
      @Override
      public int waitFor() throws InterruptedException {
        int code = process.waitFor();
        outCopy.join();
        errCopy.join();
        return code;
      }

      @Override
      public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
          if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private static Thread copy(InputStream from, Writer to, String name) {
    Thread thread =
        new Thread(
            () -> {
              char[] buffer = new char[8192];
              try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                int read;
                while ((read = reader.read(buffer)) >= 0) {
                  synchronized (to) {
                    to.write(buffer, 0, read);
                    to.flush();
                  }
                }
              } catch (IOException e) {
                // The process went away; what it wrote so far has been copied.
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
