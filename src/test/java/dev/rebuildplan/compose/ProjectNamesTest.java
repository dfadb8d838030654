package dev.rebuildplan.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProjectNamesTest {

  @Test
  void normalize_folderNames_followCompose() {
    assertEquals("augmentos_cloud", ProjectNames.normalize("augmentos_cloud"));
    assertEquals("myapp2", ProjectNames.normalize("My App.2"));
    assertEquals("web-app", ProjectNames.normalize("-_Web-App"));
    assertEquals("", ProjectNames.normalize("..."));
  }

  @Test
  void isValid_givenNames_mustAlreadyBeNormal() {
    assertTrue(ProjectNames.isValid("shop_2-prod"));
    assertFalse(ProjectNames.isValid("Shop"));
    assertFalse(ProjectNames.isValid("_shop"));
    assertFalse(ProjectNames.isValid(""));
  }
}
