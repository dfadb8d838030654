package dev.rebuildplan.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.rebuildplan.docker.DockerfileLexer.Instruction;
import dev.rebuildplan.docker.DockerfileLexer.Lexed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerfileLexerTest {
  @Test
  void lex_commentsAndBlankLines_areSkipped() {
    String text = "# comment\n\nFROM node:20\n  # indented comment\n\tRUN echo hi\n";

    Lexed lexed = DockerfileLexer.lex("Dockerfile", text);

    assertEquals(
        ImmutableList.of(
            new Instruction("FROM", "node:20", 3), new Instruction("RUN", "echo hi", 5)),
        lexed.instructions());
  }

  @Test
  void lex_lowerCaseKeyword_isUpperCased() {
    Lexed lexed = DockerfileLexer.lex("Dockerfile", "from node as build\ncopy a b");

    assertEquals("FROM", lexed.instructions().get(0).keyword());
    assertEquals("COPY", lexed.instructions().get(1).keyword());
  }

  @Test
  void lex_continuations_joinWithCommentsAndBlankLinesInside() {
    String text =
        """
        FROM node
        COPY package.json \\
        # a comment inside
            bun.lock \\

            ./
        RUN true
        """;

    Lexed lexed = DockerfileLexer.lex("Dockerfile", text);

    Instruction copy = lexed.instructions().get(1);
    assertEquals(2, copy.line());
    assertEquals(
        ImmutableList.of("package.json", "bun.lock", "./"),
        ImmutableList.copyOf(copy.arguments().split("\\s+")));
    assertEquals(new Instruction("RUN", "true", 7), lexed.instructions().get(2));
  }

  @Test
  void lex_continuationWithTrailingSpaces_stillContinues() {
    Lexed lexed = DockerfileLexer.lex("Dockerfile", "FROM node\nCOPY a \\   \n b /\n");

    assertEquals(ImmutableList.of("a", "b", "/"), words(lexed.instructions().get(1)));
  }

  @Test
  void lex_escapeDirectiveBacktick_continuesWithBacktickOnly() {
    String text = "# escape=`\nFROM mcr.microsoft.com/windows\nCOPY C:\\src\\ `\n  C:\\app\\\n";

    Lexed lexed = DockerfileLexer.lex("Dockerfile", text);

    assertEquals('`', lexed.escape());
    assertEquals(ImmutableList.of("C:\\src\\", "C:\\app\\"), words(lexed.instructions().get(1)));
  }

  @Test
  void lex_escapeDirectiveAfterAnInstruction_isAComment() {
    Lexed lexed = DockerfileLexer.lex("Dockerfile", "FROM a\n# escape=`\n");

    assertEquals('\\', lexed.escape());
    assertEquals(1, lexed.instructions().size());
  }

  @Test
  void lex_badEscapeDirective_isAProblem() {
    Lexed lexed = DockerfileLexer.lex("Dockerfile", "# escape=x\nFROM a\n");

    assertEquals(
        ImmutableList.of(
            new Problem("Dockerfile", 1, "escape directive must be '\\' or '`', not 'x'")),
        lexed.problems());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "COPY <<EOF /app/config\nkey=value\nFROM looks-like-an-instruction\nEOF",
        "COPY <<-EOF /app/config\n\tkey=value\n\tEOF",
        "COPY <<\"EOF\" /app/config\n$NOT_EXPANDED\nEOF",
        "COPY <<'EOF' /app/config\nbody\nEOF",
        "RUN <<EOF\napt-get update\nEOF",
        "RUN cat <<A <<B\na\nA\nb\nB",
      })
  void lex_heredoc_bodyIsSkipped(String instruction) {
    String text = "FROM node\n" + instruction + "\nRUN done";

    Lexed lexed = DockerfileLexer.lex("Dockerfile", text);

    assertEquals(3, lexed.instructions().size(), lexed.instructions().toString());
    assertEquals("RUN", lexed.instructions().get(2).keyword());
    assertEquals("done", lexed.instructions().get(2).arguments());
    assertTrue(lexed.problems().isEmpty());
  }

  @Test
  void lex_unterminatedHeredoc_isAProblemAtTheInstruction() {
    Lexed lexed = DockerfileLexer.lex("Dockerfile", "FROM a\nCOPY <<EOF /x\nbody\n");

    assertEquals(
        ImmutableList.of(new Problem("Dockerfile", 2, "heredoc <<EOF is never terminated")),
        lexed.problems());
  }

  @Test
  void lex_heredocInJsonForm_isNotAHeredoc() {
    Lexed lexed = DockerfileLexer.lex("Dockerfile", "FROM a\nCOPY [\"<<EOF\", \"/x\"]\nRUN b\n");

    assertEquals(3, lexed.instructions().size());
  }

  private static ImmutableList<String> words(Instruction instruction) {
    return ImmutableList.copyOf(instruction.arguments().split("\\s+"));
  }
}
