package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The designer's catalogue file: what the shipped one holds, and what a slip in it tells the designer. */
class CatalogueTest {

  static final String ONE_OF_EACH = """
      categories:
        - id: FUNCTIONAL
          label:
            en: Something does not work
            zh-CN: 功能无法使用
          choosable: true
      departments:
        - id: TECH_SUPPORT
          name: Tech support
      """;

  @Test
  void shippedCatalogueHoldsTheContractsDepartmentsAndTheCategoriesOfThePolicy() {
    var catalogue = Catalogue.read(Path.of("processes/catalogue.yaml"));

    assertThat(catalogue.departments()).extracting(Department::id)
        .containsExactly("PRODUCT", "DESIGN", "TECH_SUPPORT", "LEGAL", "CUSTOMER_SERVICE");
    assertThat(catalogue.departments()).extracting(Department::group, Department::leadsGroup).contains(
        tuple("tech-support", "tech-support-leads"),
        tuple("customer-service", "customer-service-leads"));
    assertThat(catalogue.categoryIds()).containsExactly("FUNCTIONAL", "EXPERIENCE", "CONTENT", "SERVICE", "PRICE",
        "TRANSACTION_DISPUTE", "INFORMATION_SECURITY", "OTHER");
    assertThat(catalogue.choosableCategoryIds()).isEqualTo(catalogue.categoryIds());
    assertThat(catalogue.categories()).allSatisfy(category ->
        assertThat(category.labels()).as(category.id()).containsKeys("en", "zh-CN"));
  }

  @Test
  void labelsFallBackToEnglish() {
    var catalogue = read(ONE_OF_EACH.replace("      zh-CN: 功能无法使用\n", ""));

    assertThat(catalogue.label("FUNCTIONAL", Locale.SIMPLIFIED_CHINESE)).isEqualTo("Something does not work");
    assertThat(read(ONE_OF_EACH).label("FUNCTIONAL", Locale.forLanguageTag("zh-CN"))).isEqualTo("功能无法使用");
    assertThat(catalogue.label("GONE", Locale.ENGLISH)).as("a category no longer listed shows its id").isEqualTo("GONE");
  }

  @Test
  void aSlipNamesTheFileTheEntryAndWhatToFix() {
    assertProblem(ONE_OF_EACH.replace("      en: Something does not work\n", ""),
        "catalogue.yaml: categories entry 1 (FUNCTIONAL): label needs an English text (en)");
    assertProblem(ONE_OF_EACH.replace("id: TECH_SUPPORT", "id: tech-support"),
        "catalogue.yaml: departments entry 1 (tech-support): the id must be in UPPER_SNAKE_CASE");
    assertProblem(ONE_OF_EACH + "  - id: TECH_SUPPORT\n    name: Tech support again\n",
        "departments entry 2 (TECH_SUPPORT): the id TECH_SUPPORT is already taken by entry 1");
    assertProblem(ONE_OF_EACH.replace("choosable: true", "choosable: maybe"),
        "categories entry 1 (FUNCTIONAL): choosable must be true or false");
    assertProblem(ONE_OF_EACH.replace("choosable: true", "choosable: false"), "no category is choosable");
    assertProblem(ONE_OF_EACH.replace("name: Tech support", "nmae: Tech support"),
        "departments entry 1 (TECH_SUPPORT): unknown key 'nmae'; the keys are id, name");
    assertProblem(ONE_OF_EACH.replace("zh-CN:", "zh_CN:"), "categories entry 1 (FUNCTIONAL), label: unknown key 'zh_CN'");
    assertProblem(ONE_OF_EACH.replace("en: Something does not work", "en: No"),
        "categories entry 1 (FUNCTIONAL), label en: must be a text; put it in quotes");
    assertProblem(ONE_OF_EACH.replace("departments:\n", "departments:\n  - id: LEGAL\n    name: [Legal\n"),
        "catalogue.yaml: is not well-formed YAML");
    assertProblem("categories: []\n", "categories must be a list with at least one entry");
  }

  private static void assertProblem(String yaml, String expected) {
    assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueInvalid.class).hasMessageContaining(expected);
  }

  private static Catalogue read(String yaml) {
    return Catalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "catalogue.yaml");
  }
}
