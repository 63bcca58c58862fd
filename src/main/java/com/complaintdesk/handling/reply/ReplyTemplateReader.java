package com.complaintdesk.handling.reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reply template files and checks each, so that a manager's slip (a placeholder that does not exist, a
 * category misspelt in a file name, a missing English default) is named with its file and line at start-up and
 * by the model check, never found by a handler whose task would not open.
 */
public final class ReplyTemplateReader {

  /** A file under the replies location: its stage folder, its name and its text. */
  public record Source(String folder, String fileName, String text) {

    String path() {
      return folder + "/" + fileName;
    }
  }

  /** What is wrong with one file (or a missing one), said so that a manager can fix it. */
  public record Problem(String file, String message) {

    @Override
    public String toString() {
      return file + ": " + message;
    }
  }

  /** The templates that read, and the problems of those that did not. */
  public record Result(List<ReplyTemplate> templates, List<Problem> problems) {
  }

  private static final Pattern FILE_NAME = Pattern.compile("([A-Za-z0-9_]+)\\.([A-Za-z_-]+)\\.txt");
  private static final Pattern ANY_BRACES = Pattern.compile("\\{([^{}\\n]*)}");

  private final Set<String> categories;

  /** @param categories the category ids of processes/catalogue.yaml, which name the templates of a category */
  public ReplyTemplateReader(Collection<String> categories) {
    this.categories = Set.copyOf(categories);
  }

  public Result read(List<Source> sources) {
    List<ReplyTemplate> templates = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Source source : sources) {
      ReplyTemplate template = read(source, problems);
      if (template != null) {
        templates.add(template);
      }
    }
    for (ReplyStage stage : ReplyStage.values()) {
      boolean hasDefault = templates.stream().anyMatch(template -> template.stage() == stage
          && template.category() == null && ReplyTemplates.ENGLISH.equals(template.language()));
      boolean defaultBroken = problems.stream().anyMatch(problem -> problem.file().equals(defaultPath(stage)));
      if (!hasDefault && !defaultBroken) {
        problems.add(new Problem(defaultPath(stage), "is missing: every stage needs its English default, which"
            + " stands in for every category and language without a template of its own"));
      }
    }
    return new Result(templates, problems);
  }

  private static String defaultPath(ReplyStage stage) {
    return stage.folder() + "/" + ReplyTemplates.DEFAULT + "." + ReplyTemplates.ENGLISH + ".txt";
  }

  private ReplyTemplate read(Source source, List<Problem> problems) {
    var stage = ReplyStage.ofFolder(source.folder());
    if (stage.isEmpty()) {
      problems.add(new Problem(source.path(), "the folder " + source.folder() + " is no reply stage: put the file into"
          + " one of " + folders()));
      return null;
    }
    Matcher name = FILE_NAME.matcher(source.fileName());
    if (!name.matches()) {
      problems.add(new Problem(source.path(), "the file name must be <category or default>.<language>.txt, such as"
          + " default.en.txt or TRANSACTION_DISPUTE.zh.txt"));
      return null;
    }
    String category = name.group(1);
    String language = name.group(2);
    int before = problems.size();
    if (!category.equals(ReplyTemplates.DEFAULT) && !categories.contains(category)) {
      problems.add(new Problem(source.path(), "'" + category + "' is not a category of processes/catalogue.yaml: name"
          + " the file default.<language>.txt or after a category (" + String.join(", ", categories.stream().sorted()
          .toList()) + ")"));
    }
    if (!ReplyTemplates.LANGUAGES.contains(language)) {
      problems.add(new Problem(source.path(), "'" + language + "' is not a language of the complainants: use "
          + String.join(" or ", ReplyTemplates.LANGUAGES)));
    }
    if (source.text().isBlank()) {
      problems.add(new Problem(source.path(), "is empty: write the reply, or delete the file to use the default"));
    }
    checkPlaceholders(source, problems);
    if (problems.size() > before) {
      return null;
    }
    return new ReplyTemplate(stage.get(), category.equals(ReplyTemplates.DEFAULT) ? null : category, language,
        source.text(), source.path());
  }

  private static void checkPlaceholders(Source source, List<Problem> problems) {
    String[] lines = source.text().split("\n", -1);
    for (int line = 0; line < lines.length; line++) {
      Matcher braces = ANY_BRACES.matcher(lines[line]);
      while (braces.find()) {
        String placeholder = braces.group(1);
        if (ReplyFields.names().contains(placeholder)) {
          continue;
        }
        String why = ReplyFields.REFUSED.getOrDefault(placeholder, "there is no such field");
        problems.add(new Problem(source.path(), "line " + (line + 1) + ": unknown placeholder {" + placeholder + "}: "
            + why + ". The placeholders are " + placeholderList()));
      }
    }
  }

  private static String placeholderList() {
    return String.join(", ", ReplyFields.names().stream().map(name -> "{" + name + "}").toList());
  }

  private static String folders() {
    return String.join(", ", Arrays.stream(ReplyStage.values()).map(ReplyStage::folder).toList());
  }
}
