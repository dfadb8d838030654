package dev.rebuildplan.git;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The files of one state of the repository: a commit's tree, or the work tree. */
public interface Snapshot {
  /** The text of a repository-relative file, empty when there is no such file. */
  Optional<String> read(String path) throws IOException;

  /**
   * The path a file really is at, following symbolic links that stay in the repository; the path
   * itself when it is no link, empty when it names nothing or leaves the repository.
   */
  Optional<String> realPath(String path) throws IOException;

  /** Every file under a repository-relative folder ("" for all), sorted. */
  List<String> files(String folder) throws IOException;

  /** Whether a repository-relative folder ("" for the top) holds anything in this state. */
  boolean isFolder(String folder) throws IOException;

  /** How to name this state to the user: a short commit id, or "work tree". */
  String label();
}
