package dev.rebuildplan.core;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.MutableGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The project's images, with an edge from each image to every image built FROM it. */
public final class ImageGraph {
  private final ImmutableMap<String, Image> images;
  private final ImmutableGraph<String> fromEdges;

  private ImageGraph(ImmutableMap<String, Image> images, ImmutableGraph<String> fromEdges) {
    this.images = images;
    this.fromEdges = fromEdges;
  }

  /**
   * Builds the graph.
   *
   * @throws IllegalArgumentException when an image names an unknown parent, a name repeats, or the
   *     FROM edges form a cycle (the message names it)
   */
  public static ImageGraph of(Collection<Image> images) {
    Map<String, Image> byName = new HashMap<>();
    for (Image image : images) {
      if (byName.put(image.name(), image) != null) {
        throw new IllegalArgumentException("image '" + image.name() + "' is declared twice");
      }
    }
    MutableGraph<String> graph = GraphBuilder.directed().allowsSelfLoops(true).build();
    byName.keySet().forEach(graph::addNode);
    for (Image image : images) {
      for (String parent : image.parents()) {
        if (!byName.containsKey(parent)) {
          throw new IllegalArgumentException(
              "image '" + image.name() + "' is built from '" + parent + "', which is not declared");
        }
        graph.putEdge(parent, image.name());
      }
    }
    findCycle(graph)
        .ifPresent(
            cycle -> {
              throw new IllegalArgumentException("FROM cycle: " + String.join(" -> ", cycle));
            });
    return new ImageGraph(
        ImmutableMap.copyOf(new java.util.TreeMap<>(byName)), ImmutableGraph.copyOf(graph));
  }

  public static ImageGraph of(Image... images) {
    return of(List.of(images));
  }

  /** One cycle as a path that starts and ends at the same image, if there is any. */
  private static Optional<List<String>> findCycle(MutableGraph<String> graph) {
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: done
    for (String start : new java.util.TreeSet<>(graph.nodes())) {
      List<String> path = new ArrayList<>();
      Optional<List<String>> cycle = visit(graph, start, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> visit(
      MutableGraph<String> graph, String node, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(node);
    if (seen != null && seen == 2) {
      return Optional.empty();
    }
    if (seen != null) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return Optional.of(cycle);
    }
    state.put(node, 1);
    path.add(node);
    for (String child : new java.util.TreeSet<>(graph.successors(node))) {
      Optional<List<String>> cycle = visit(graph, child, state, path);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    state.put(node, 2);
    return Optional.empty();
  }

  public boolean contains(String name) {
    return images.containsKey(name);
  }

  public Image image(String name) {
    Image image = images.get(name);
    if (image == null) {
      throw new IllegalArgumentException("unknown image '" + name + "'");
    }
    return image;
  }

  public ImmutableSet<String> names() {
    return images.keySet();
  }

  /** The images built directly FROM the given one. */
  public java.util.Set<String> children(String name) {
    return fromEdges.successors(name);
  }

  public java.util.Set<String> parents(String name) {
    return fromEdges.predecessors(name);
  }
}
