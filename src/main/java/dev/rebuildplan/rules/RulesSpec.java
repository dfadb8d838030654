package dev.rebuildplan.rules;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules file as written; {@link RulesFile} validates it and turns it into domain values. A key
 * written without a value ({@code ignore:}) reads as an empty list, never null.
 */
final class RulesSpec {
  @JsonProperty Integer version;
  @JsonProperty Located<String> root;

  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  Map<String, Located<ImageSpec>> images = new LinkedHashMap<>();

  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  List<Located<RuleSpec>> rules = List.of();

  @JsonProperty
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  List<Located<String>> ignore = List.of();

  @JsonProperty Located<String> unmatched;
  @JsonProperty ComposeSpec compose;

  /** One image: the project images it is built FROM, and whether it is built at all. */
  static final class ImageSpec {
    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    List<String> from = List.of();

    @JsonProperty Boolean build;
  }

  /** One rule: globs and the images the paths they match affect. */
  static final class RuleSpec {
    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    List<String> match;

    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    List<String> images;
  }

  /** How to call docker compose for this project. */
  static final class ComposeSpec {
    @JsonProperty
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    List<String> files = List.of();

    @JsonProperty String project;
  }
}
