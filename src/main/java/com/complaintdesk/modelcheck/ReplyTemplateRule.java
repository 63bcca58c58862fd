package com.complaintdesk.modelcheck;

import com.complaintdesk.handling.reply.ReplyTemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reply templates of processes/replies/ read as the app reads them at start: every placeholder exists, every
 * file is named after a category of the catalogue (or default) and a language, every stage has its English default.
 * A template that names a field that does not exist would otherwise stop the start of the app.
 */
final class ReplyTemplateRule implements ModelRule {

  static final String FOLDER = "processes/replies";

  @Override
  public List<Problem> check(Models models) {
    var result = new ReplyTemplateReader(models.catalogue.categoryIds()).read(sources(models.path(FOLDER)));
    return result.problems().stream()
        .map(problem -> new Problem(FOLDER + "/" + problem.file(), null, problem.message()))
        .toList();
  }

  /** Every file one level below a stage folder; a file elsewhere is named as misplaced by the reader. */
  private static List<ReplyTemplateReader.Source> sources(Path folder) {
    List<ReplyTemplateReader.Source> sources = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return sources;
    }
    try (Stream<Path> stages = Files.list(folder)) {
      for (Path stage : stages.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(stage)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            sources.add(new ReplyTemplateReader.Source(stage.getFileName().toString(), file.getFileName().toString(),
                Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n")));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the reply templates under " + folder, e);
    }
    return sources;
  }
}
