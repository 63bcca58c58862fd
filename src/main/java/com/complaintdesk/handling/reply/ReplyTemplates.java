package com.complaintdesk.handling.reply;

import com.complaintdesk.notification.NotificationMessages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reply templates of every stage, read and checked once at start ({@code complaint-desk.replies.location}). A
 * complaint gets the template of its category in its language; else the stage's default in its language; else the
 * English one of its category; else the English default, which every stage has.
 */
public final class ReplyTemplates {

  public static final String DEFAULT_LOCATION = "classpath:processes/replies/";
  static final String DEFAULT = "default";
  static final String ENGLISH = "en";
  static final String CHINESE = "zh";
  static final List<String> LANGUAGES = List.of(ENGLISH, CHINESE);

  private final List<ReplyTemplate> templates;

  private ReplyTemplates(List<ReplyTemplate> templates) {
    this.templates = List.copyOf(templates);
  }

  /**
   * @param location where the files come from, for the message
   * @throws ReplyTemplatesInvalid naming every file that is wrong
   */
  public static ReplyTemplates read(List<ReplyTemplateReader.Source> sources, List<String> categories, String location) {
    var result = new ReplyTemplateReader(categories).read(sources);
    if (!result.problems().isEmpty()) {
      throw new ReplyTemplatesInvalid(location, result.problems());
    }
    return new ReplyTemplates(result.templates());
  }

  /** The template for a complaint of {@code category} (may be null) whose complainant reads {@code language}. */
  public ReplyTemplate lookup(ReplyStage stage, String category, String language) {
    String lang = LANGUAGES.contains(language) ? language : ENGLISH;
    return find(stage, category, lang)
        .or(() -> find(stage, null, lang))
        .or(() -> find(stage, category, ENGLISH))
        .or(() -> find(stage, null, ENGLISH))
        .orElseThrow(() -> new IllegalStateException("No English default reply for " + stage.folder()));
  }

  /** {@code zh} for any Chinese locale ("zh", "zh-CN", "zh_CN"), {@code en} for everything else and for none. */
  public static String languageOf(String locale) {
    return NotificationMessages.languageOf(locale).getLanguage();
  }

  private Optional<ReplyTemplate> find(ReplyStage stage, String category, String language) {
    return templates.stream()
        .filter(template -> template.stage() == stage && template.language().equals(language)
            && Objects.equals(template.category(), category))
        .findFirst();
  }
}
