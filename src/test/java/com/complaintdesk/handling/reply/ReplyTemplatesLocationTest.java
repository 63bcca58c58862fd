package com.complaintdesk.handling.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.complaint.Catalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The templates come from the jar's processes/replies/ or from a folder outside it (complaint-desk.replies.location). */
class ReplyTemplatesLocationTest {

  private static final Catalogue CATALOGUE = Catalogue.read(Path.of("processes/catalogue.yaml"));

  @TempDir Path folder;

  private static ReplyTemplates read(String location) {
    return new ReplyTemplatesConfiguration().replyTemplates(new ReplyTemplatesProperties(location), CATALOGUE,
        new PathMatchingResourcePatternResolver());
  }

  @Test
  void shippedTemplatesCoverEveryCategoryOfTheCatalogueButOtherInBothLanguages() {
    var templates = read(ReplyTemplates.DEFAULT_LOCATION);

    for (ReplyStage stage : ReplyStage.values()) {
      for (String category : CATALOGUE.categoryIds()) {
        for (String language : ReplyTemplates.LANGUAGES) {
          var template = templates.lookup(stage, category, language);
          assertThat(template.language()).as("%s %s %s", stage, category, language).isEqualTo(language);
          assertThat(template.category()).as("%s %s %s", stage, category, language)
              .isEqualTo(category.equals("OTHER") ? null : category);
        }
      }
    }
  }

  @Test
  void aFolderOutsideTheJarIsReadWithoutTheTrailingSlash() throws IOException {
    write("implement-plan/default.en.txt", "Working on {subject}.");
    write("confirm-result/default.en.txt", "Done: {subject}.");
    write("confirm-result/PRICE.zh.txt", "价格：{subject}");

    var templates = read(folder.toUri().toString().replaceAll("/$", ""));

    assertThat(templates.lookup(ReplyStage.CONFIRM_RESULT, "PRICE", "zh").text()).isEqualTo("价格：{subject}");
    assertThat(templates.lookup(ReplyStage.IMPLEMENT_PLAN, "PRICE", "zh").text()).isEqualTo("Working on {subject}.");
  }

  @Test
  void aBrokenFolderStopsTheStartNamingTheLocationAndEveryFile() throws IOException {
    write("implement-plan/default.en.txt", "Hello {name},");

    assertThatThrownBy(() -> read(folder.toUri().toString()))
        .isInstanceOf(ReplyTemplatesInvalid.class)
        .hasMessageContaining(folder.toUri().toString())
        .hasMessageContaining("implement-plan/default.en.txt: line 1: unknown placeholder {name}")
        .hasMessageContaining("confirm-result/default.en.txt: is missing");
  }

  private void write(String file, String text) throws IOException {
    Path path = folder.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }
}
