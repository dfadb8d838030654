package dev.rebuildplan.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Optional;

/**
 * An instruction's arguments split into leading {@code --flags} and then words, from the JSON array
 * form when the rest parses as one, else split on whitespace outside quotes.
 *
 * @param flags each flag as written, such as {@code --from=build} or {@code --link}
 * @param words for COPY and ADD, the sources followed by the destination
 */
record InstructionArguments(ImmutableList<String> flags, ImmutableList<String> words) {
  private static final ObjectReader STRING_ARRAY =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build()
          .readerFor(String[].class);

  static InstructionArguments parse(String arguments) {
    ImmutableList.Builder<String> flags = ImmutableList.builder();
    String rest = arguments.strip();
    while (rest.startsWith("--")) {
      int end = endOfWord(rest);
      flags.add(rest.substring(0, end));
      rest = rest.substring(end).strip();
    }
    // TODO: quotes in the shell form are kept as written ('COPY "a b" /x' gives '"a b"'), where
    // BuildKit removes them when it expands words; names with spaces only work in the JSON form.
    String remainder = rest;
    ImmutableList<String> words = jsonArray(remainder).orElseGet(() -> ArgScope.words(remainder));
    return new InstructionArguments(flags.build(), words);
  }

  /** The value of a {@code --name=value} flag, when given. */
  Optional<String> flag(String name) {
    String prefix = "--" + name + "=";
    return flags.stream()
        .filter(flag -> flag.startsWith(prefix))
        .map(flag -> flag.substring(prefix.length()))
        .reduce((first, second) -> second);
  }

  /** The sources: every word but the last. */
  ImmutableList<String> sources() {
    return words.subList(0, Math.max(0, words.size() - 1));
  }

  private static Optional<ImmutableList<String>> jsonArray(String text) {
    if (!text.startsWith("[")) {
      return Optional.empty();
    }
    try {
      String[] values = STRING_ARRAY.readValue(text);
      if (Arrays.asList(values).contains(null)) {
        return Optional.empty();
      }
      return Optional.of(ImmutableList.copyOf(values));
    } catch (JsonProcessingException e) {
      return Optional.empty(); // not JSON after all: BuildKit falls back to the shell form too
    }
  }

  private static int endOfWord(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return text.length();
  }
}
