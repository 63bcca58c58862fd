package com.complaintdesk.handling.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.handling.reply.ReplyTemplateReader.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a complaint finds its reply template, and how a manager's slip in one is named. */
class ReplyTemplatesTest {

  private static final List<String> CATEGORIES = List.of("FUNCTIONAL", "TRANSACTION_DISPUTE", "OTHER");
  private static final Map<String, String> FIELDS = Map.of("trackingNumber", "CD-7K2M9QX4TB", "subject",
      "App logs me out", "category", "Something does not work", "department", "Tech support", "plan",
      "Raise the session timeout", "receivedAt", "2 November 2026", "responseDueAt", "5 November 2026");

  private static List<Source> defaults() {
    var sources = new ArrayList<Source>();
    for (ReplyStage stage : ReplyStage.values()) {
      sources.add(new Source(stage.folder(), "default.en.txt", "Default about {subject} ({trackingNumber})"));
    }
    return sources;
  }

  private static ReplyTemplates templates(Source... extra) {
    var sources = defaults();
    sources.addAll(List.of(extra));
    return ReplyTemplates.read(sources, CATEGORIES, "test/");
  }

  @Test
  void categoryTemplateInTheComplainantsLanguageBeatsTheDefault() {
    var templates = templates(
        new Source("implement-plan", "default.zh.txt", "默认：{subject}"),
        new Source("implement-plan", "TRANSACTION_DISPUTE.zh.txt", "退款：{subject}，{plan}"),
        new Source("implement-plan", "TRANSACTION_DISPUTE.en.txt", "Refund: {subject}"));

    assertThat(templates.lookup(ReplyStage.IMPLEMENT_PLAN, "TRANSACTION_DISPUTE", "zh").fill(FIELDS))
        .isEqualTo("退款：App logs me out，Raise the session timeout");
    assertThat(templates.lookup(ReplyStage.IMPLEMENT_PLAN, "FUNCTIONAL", "zh").fill(FIELDS))
        .as("no template of the category: the default in the complainant's language").isEqualTo("默认：App logs me out");
    assertThat(templates.lookup(ReplyStage.IMPLEMENT_PLAN, "TRANSACTION_DISPUTE", "en").fill(FIELDS))
        .isEqualTo("Refund: App logs me out");
  }

  @Test
  void languageWithoutTemplatesFallsBackToEnglish() {
    var templates = templates(new Source("confirm-result", "FUNCTIONAL.en.txt", "Fixed: {subject}"));

    assertThat(templates.lookup(ReplyStage.CONFIRM_RESULT, "FUNCTIONAL", "zh").fill(FIELDS))
        .as("no Chinese at all: the category's English one").isEqualTo("Fixed: App logs me out");
    assertThat(templates.lookup(ReplyStage.CONFIRM_RESULT, null, "zh").fill(FIELDS))
        .as("not classified, no Chinese: the English default").isEqualTo("Default about App logs me out (CD-7K2M9QX4TB)");
  }

  @Test
  void complainantsLanguageIsChineseForAnyChineseLocaleElseEnglish() {
    assertThat(ReplyTemplates.languageOf("zh-CN")).isEqualTo("zh");
    assertThat(ReplyTemplates.languageOf("zh_CN")).isEqualTo("zh");
    assertThat(ReplyTemplates.languageOf("en")).isEqualTo("en");
    assertThat(ReplyTemplates.languageOf("de")).isEqualTo("en");
    assertThat(ReplyTemplates.languageOf(null)).isEqualTo("en");
  }

  @Test
  void unknownPlaceholderFailsNamingFileLineAndTheKnownOnes() {
    assertThatThrownBy(() -> templates(new Source("implement-plan", "FUNCTIONAL.en.txt", "Hello,\nAbout {subjet}.")))
        .isInstanceOf(ReplyTemplatesInvalid.class)
        .hasMessageContaining("implement-plan/FUNCTIONAL.en.txt: line 2: unknown placeholder {subjet}")
        .hasMessageContaining("{subject}", "{trackingNumber}", "{plan}");
  }

  @Test
  void theComplainantsNameIsRefusedWithTheReason() {
    assertThatThrownBy(() -> templates(new Source("confirm-result", "default.zh.txt", "尊敬的{name}：")))
        .isInstanceOf(ReplyTemplatesInvalid.class)
        .hasMessageContaining("confirm-result/default.zh.txt: line 1: unknown placeholder {name}")
        .hasMessageContaining("personal data");
  }

  @Test
  void misnamedFilesAndAMissingEnglishDefaultAreNamed() {
    var sources = new ArrayList<>(List.of(
        new Source("implement-plan", "default.en.txt", "Default"),
        new Source("implement-plan", "PAYMENT.en.txt", "Unknown category"),
        new Source("implement-plan", "default.fr.txt", "Langue inconnue"),
        new Source("implement-plan", "default.zh.txt", "  "),
        new Source("confirm-results", "default.en.txt", "A folder of no stage")));

    var problems = new ReplyTemplateReader(CATEGORIES).read(sources).problems();

    assertThat(problems).extracting(Object::toString).anySatisfy(problem -> assertThat(problem)
            .startsWith("implement-plan/PAYMENT.en.txt: 'PAYMENT' is not a category").contains("TRANSACTION_DISPUTE"))
        .anySatisfy(problem -> assertThat(problem).startsWith("implement-plan/default.fr.txt: 'fr' is not a language"))
        .anySatisfy(problem -> assertThat(problem).startsWith("implement-plan/default.zh.txt: is empty"))
        .anySatisfy(problem -> assertThat(problem).startsWith("confirm-results/default.en.txt: the folder"))
        .anySatisfy(problem -> assertThat(problem).startsWith("confirm-result/default.en.txt: is missing"));
  }
}
