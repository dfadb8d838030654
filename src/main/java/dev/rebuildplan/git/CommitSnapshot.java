package dev.rebuildplan.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The files of one commit, read from the object database; the work tree plays no part.
 *
 * <p>Each folder's tree is parsed once and kept: a compose project of 300 services reads about 900
 * files and ignore files from the same few folders (bench/README.md).
 */
final class CommitSnapshot implements Snapshot {
  private final Repository repository;
  private final RevTree tree;
  private final String label;
  private static final int MAX_LINKS = 8;
  private final Map<String, Map<String, Entry>> folders = new HashMap<>();

  /** One entry of a tree: its raw mode and object id. */
  private record Entry(int mode, ObjectId id) {
    boolean isFile() {
      return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    boolean isSymlink() {
      return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
    }

    boolean isTree() {
      return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }
  }

  CommitSnapshot(Repository repository, ObjectId commit) throws IOException {
    this.repository = repository;
    try (RevWalk walk = new RevWalk(repository)) {
      this.tree = walk.parseCommit(commit).getTree();
    }
    this.label = commit.abbreviate(7).name();
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    Optional<String> real = realPath(path);
    if (real.isEmpty()) {
      return Optional.empty();
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      Entry entry = entry(reader, real.get());
      if (entry == null || !entry.isFile()) {
        return Optional.empty();
      }
      return Optional.of(new String(reader.open(entry.id()).getBytes(), StandardCharsets.UTF_8));
    }
  }

  @Override
  public Optional<String> realPath(String path) throws IOException {
    String current = path;
    try (ObjectReader reader = repository.newObjectReader()) {
      // Links within the repository are followed, as a checkout would; a few hops at most.
      for (int hop = 0; hop < MAX_LINKS && !current.isEmpty(); hop++) {
        Entry entry = entry(reader, current);
        if (entry == null) {
          return Optional.empty();
        }
        if (!entry.isSymlink()) {
          return Optional.of(current);
        }
        String target = new String(reader.open(entry.id()).getBytes(), StandardCharsets.UTF_8);
        Optional<String> next = resolveLink(current, target);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        current = next.get();
      }
    }
    return Optional.empty();
  }

  private Entry entry(ObjectReader reader, String path) throws IOException {
    int slash = path.lastIndexOf('/');
    Map<String, Entry> folder = folder(reader, slash < 0 ? "" : path.substring(0, slash));
    return folder.get(path.substring(slash + 1));
  }

  /** The repository path a link points to, or empty when it points outside the repository. */
  private static Optional<String> resolveLink(String link, String target) {
    if (target.startsWith("/")) {
      return Optional.empty();
    }
    int slash = link.lastIndexOf('/');
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    if (slash > 0) {
      for (String part : link.substring(0, slash).split("/")) {
        parts.addLast(part);
      }
    }
    for (String part : target.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /** The entries of a folder by name; empty when there is no such folder. */
  private synchronized Map<String, Entry> folder(ObjectReader reader, String folder)
      throws IOException {
    Map<String, Entry> entries = folders.get(folder);
    if (entries != null) {
      return entries;
    }
    if (folder.isEmpty()) {
      entries = entries(reader, tree);
    } else {
      int slash = folder.lastIndexOf('/');
      Map<String, Entry> parent = folder(reader, slash < 0 ? "" : folder.substring(0, slash));
      Entry entry = parent.get(folder.substring(slash + 1));
      entries = entry != null && entry.isTree() ? entries(reader, entry.id()) : Map.of();
    }
    folders.put(folder, entries);
    return entries;
  }

  private static Map<String, Entry> entries(ObjectReader reader, ObjectId treeId)
      throws IOException {
    Map<String, Entry> entries = new HashMap<>();
    for (CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, treeId);
        !parser.eof();
        parser.next()) {
      entries.put(
          parser.getEntryPathString(),
          new Entry(parser.getEntryRawMode(), parser.getEntryObjectId()));
    }
    return entries;
  }

  @Override
  public List<String> files(String folder) throws IOException {
    List<String> files = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      if (!folder.isEmpty()) {
        walk.setFilter(PathFilter.create(folder));
      }
      while (walk.next()) {
        files.add(walk.getPathString());
      }
    }
    return files;
  }

  @Override
  public boolean isFolder(String folder) throws IOException {
    String path = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    if (path.isEmpty()) {
      return true;
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
      return walk != null && (walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }
  }

  @Override
  public String label() {
    return label;
  }
}
