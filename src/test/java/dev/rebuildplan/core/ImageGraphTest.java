package dev.rebuildplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageGraphTest {

  @Test
  void of_validImages_namesSortedAndEdgesBothWays() {
    ImageGraph graph =
        ImageGraph.of(Image.built("b", "a"), Image.built("a"), Image.built("c", "a", "b"));

    ImmutableSet<String> names = graph.names();

    assertEquals(ImmutableSet.of("a", "b", "c"), names);
    assertEquals(Set.of("b", "c"), graph.children("a"));
    assertEquals(Set.of("a", "b"), graph.parents("c"));
  }

  @Test
  void contains_declaredAndUndeclared_trueOnlyForDeclared() {
    ImageGraph graph = ImageGraph.of(Image.built("a"), Image.stock("db"));

    boolean hasDb = graph.contains("db");
    boolean hasOther = graph.contains("other");

    assertTrue(hasDb);
    assertFalse(hasOther);
  }

  @Test
  void image_stockImage_isNotBuilt() {
    ImageGraph graph = ImageGraph.of(Image.stock("db"));

    Image image = graph.image("db");

    assertFalse(image.built());
  }

  @Test
  void image_unknownName_rejected() {
    ImageGraph graph = ImageGraph.of(Image.built("a"));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> graph.image("zzz"));

    assertEquals("unknown image 'zzz'", e.getMessage());
  }

  @Test
  void of_unknownParent_rejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ImageGraph.of(Image.built("cloud", "base")));

    assertEquals("image 'cloud' is built from 'base', which is not declared", e.getMessage());
  }

  @Test
  void of_duplicateName_rejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ImageGraph.of(Image.built("a"), Image.stock("a")));

    assertEquals("image 'a' is declared twice", e.getMessage());
  }

  @Test
  void of_twoImageCycle_rejectedNamingCycle() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ImageGraph.of(Image.built("a", "b"), Image.built("b", "a")));

    assertEquals("FROM cycle: a -> b -> a", e.getMessage());
  }

  @Test
  void of_selfCycle_rejectedNamingCycle() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageGraph.of(Image.built("a", "a")));

    assertEquals("FROM cycle: a -> a", e.getMessage());
  }

  @Test
  void of_cycleBelowAcyclicPart_namesOnlyTheCycle() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ImageGraph.of(
                    Image.built("base"),
                    Image.built("x", "base", "z"),
                    Image.built("y", "x"),
                    Image.built("z", "y")));

    assertEquals("FROM cycle: x -> y -> z -> x", e.getMessage());
  }

  @Test
  void of_diamond_accepted() {
    ImageGraph graph =
        ImageGraph.of(
            Image.built("a"),
            Image.built("b", "a"),
            Image.built("c", "a"),
            Image.built("d", "b", "c"));

    Set<String> parents = graph.parents("d");

    assertEquals(Set.of("b", "c"), parents);
  }
}
