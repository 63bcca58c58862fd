package com.complaintdesk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.ComplaintDeskTest;
import com.complaintdesk.HttpClient;
import com.complaintdesk.PageBrowser;
import com.complaintdesk.ProcessDriver;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.modelcheck.ModelCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A designer adds the category ACCESSIBILITY and the department PARTNER_RELATIONS the way docs/designers.md says
 * ("Add a category end to end", "Add a department"), on copies of the shipped files: the catalogue entries, a
 * category rule and a routing rule with their test rows, the form options. The copy passes the model check, and
 * the app started on that catalogue with those models takes the new category and department end to end. Its
 * own context and engine, because the catalogue differs from the shared one's.
 */
@ComplaintDeskTest
@TestPropertySource(properties = "camunda.bpm.process-engine-name=newCategoryTest")
class NewCategoryTest {

  @TempDir static Path designerCopy;

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;

  @DynamicPropertySource
  static void startOnTheEditedCatalogue(DynamicPropertyRegistry properties) throws IOException {
    designerAddsAccessibilityAndPartnerRelations(designerCopy);
    properties.add("complaint-desk.catalogue.location", () -> designerCopy.resolve("processes/catalogue.yaml").toUri().toString());
  }

  /** What the restart does with the models of a designer's processes/ and forms/. */
  @BeforeAll
  static void deployTheEditedModels(@Autowired ProcessEngine engine) throws IOException {
    var deployment = engine.getRepositoryService().createDeployment().name("designer's copy");
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> models = Files.list(designerCopy.resolve(folder))) {
        for (Path model : models.filter(file -> file.toString().endsWith(".dmn") || file.toString().endsWith(".form"))
            .toList()) {
          deployment.addString(folder + "/" + model.getFileName(), Files.readString(model));
        }
      }
    }
    deployment.deploy();
  }

  @Test
  void complaintAboutAScreenReaderIsClassifiedAccessibilityAndWaitsForTheDesignLeads() {
    var complaint = driver.submitWebComplaint("OTHER", "The screen reader skips the buttons",
        "VoiceOver reads nothing on the order page", AffectedUsers.ONE);

    var classified = driver.reload(complaint);
    assertThat(classified.category()).isEqualTo("ACCESSIBILITY");
    assertThat(classified.department()).isEqualTo("DESIGN");
    BpmnAwareTests.assertThat(driver.processOf(complaint)).isWaitingAt("AssignHandler");
    BpmnAwareTests.assertThat(driver.task(complaint, "AssignHandler")).hasCandidateGroup("design-leads");
  }

  @Test
  void complainantsChooseTheNewCategoryOnTheFormAndInTheApi() throws Exception {
    var pages = new PageBrowser(port);
    assertThat(pages.get("/complaints/new", "zh-CN").body())
        .contains("<option value=\"ACCESSIBILITY\">无障碍问题（读屏软件等辅助技术）</option>");

    var response = new HttpClient(port).post("/api/complaints", null, """
        {"channel": "APP", "declaredType": "ACCESSIBILITY", "subject": "Hard to read",
         "description": "The contrast is far too low for me", "affectedUsers": "SOME"}
        """);
    assertThat(response.status()).isEqualTo(201);

    var complaint = complaints.get(response.json("$.trackingNumber"));
    driver.executeDueJobs(complaint);
    assertThat(driver.reload(complaint).category()).as("the user's choice is trusted").isEqualTo("ACCESSIBILITY");
    assertThat(driver.reload(complaint).department()).isEqualTo("DESIGN");
  }

  @Test
  void triageRoutesToTheNewDepartmentWhoseLeadNamesItsHandler() throws IOException {
    var complaint = driver.submitWebComplaint("OTHER", "About your partners", "Nothing the rules know", AffectedUsers.ONE);
    var review = driver.task(complaint, "ReviewClassification");
    assertThat(deployedForm(review.getId())).contains("\"ACCESSIBILITY\"", "\"PARTNER_RELATIONS\"");

    driver.complete(complaint, "ReviewClassification", "triager",
        Map.of("category", "ACCESSIBILITY", "priority", "MEDIUM", "department", "PARTNER_RELATIONS", "duplicateOf", ""));
    BpmnAwareTests.assertThat(driver.task(complaint, "AssignHandler")).hasCandidateGroup("partner-relations-leads");
    driver.complete(complaint, "AssignHandler", "lead-partner-relations", Map.of("handler", "handler-partner-relations"));

    BpmnAwareTests.assertThat(driver.task(complaint, "ProposePlan")).isAssignedTo("handler-partner-relations");
  }

  @Test
  void theNewDepartmentsGroupsAreCreatedAtStartWithTasklistAccess() {
    var identity = engine.getIdentityService();
    assertThat(identity.createGroupQuery().groupId("partner-relations").singleResult().getName())
        .isEqualTo("Partner relations handlers");
    assertThat(identity.createGroupQuery().groupId("partner-relations-leads").singleResult().getName())
        .isEqualTo("Partner relations leads");
    assertThat(engine.getAuthorizationService().isUserAuthorized("lead-partner-relations",
        List.of("partner-relations-leads"), Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(identity.createUserQuery().memberOfGroup("partner-relations").list()).extracting("id")
        .containsExactly("handler-partner-relations");
  }

  @Test
  void theDesignersCopyPassesTheModelCheck() {
    assertThat(ModelCheck.check(designerCopy)).isEmpty();
  }

  private String deployedForm(String taskId) throws IOException {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(taskId)) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The recipe, step by step, on a copy of the shipped processes/ and forms/. */
  static void designerAddsAccessibilityAndPartnerRelations(Path copy) throws IOException {
    copyShipped("processes", copy);
    for (String stage : List.of("implement-plan", "confirm-result")) {
      copyShipped("processes/replies/" + stage, copy);
    }
    copyShipped("forms", copy);

    // 1. The catalogue entries.
    edit(copy.resolve("processes/catalogue.yaml"), text -> insertBefore(text, "  - id: OTHER\n", """
          - id: ACCESSIBILITY
            label:
              en: Hard to use with a screen reader or other assistive technology
              zh-CN: 无障碍问题（读屏软件等辅助技术）
            choosable: true
        """) + """
          - id: PARTNER_RELATIONS
            name: Partner relations
        """);

    // 2. The rules that give the new category and route it, and their test rows.
    edit(copy.resolve("processes/complaint-category.dmn"), text -> insertBefore(
        replaceOnce(text, "\"TRANSACTION_DISPUTE\",\"INFORMATION_SECURITY\"</text>",
            "\"TRANSACTION_DISPUTE\",\"INFORMATION_SECURITY\",\"ACCESSIBILITY\"</text>"),
        "      <rule id=\"CategoryFromFunctionalKeywords\">", """
              <rule id="CategoryFromAccessibilityKeywords">
                <description>Trouble with a screen reader or other assistive technology.</description>
                <inputEntry id="CategoryFromAccessibilityKeywordsText">
                  <text>contains(?, "screen reader") or contains(?, "accessib")</text>
                </inputEntry>
                <inputEntry id="CategoryFromAccessibilityKeywordsDeclaredType">
                  <text>-</text>
                </inputEntry>
                <inputEntry id="CategoryFromAccessibilityKeywordsChannel">
                  <text>-</text>
                </inputEntry>
                <inputEntry id="CategoryFromAccessibilityKeywordsSuggestedCategory">
                  <text>-</text>
                </inputEntry>
                <inputEntry id="CategoryFromAccessibilityKeywordsSuggestionConfidence">
                  <text>-</text>
                </inputEntry>
                <outputEntry id="CategoryFromAccessibilityKeywordsCategory">
                  <text>"ACCESSIBILITY"</text>
                </outputEntry>
              </rule>
        """));
    edit(copy.resolve("processes/complaint-category.test.csv"), text -> text + """
        screen reader trouble is accessibility,The screen reader skips the buttons,VoiceOver reads nothing,OTHER,WEB_FORM,,,ACCESSIBILITY
        accessibility chosen by the user is kept,Hard to read,The contrast is too low,ACCESSIBILITY,APP,,,ACCESSIBILITY
        security words still win over accessibility,Screen reader,It read my password aloud,,WEB_FORM,,,INFORMATION_SECURITY
        """);
    edit(copy.resolve("processes/complaint-routing.dmn"), text -> insertBefore(text, "      <rule id=\"RouteExperience\">", """
              <rule id="RouteAccessibility">
                <description>Accessibility goes to design.</description>
                <inputEntry id="RouteAccessibilityCategory">
                  <text>"ACCESSIBILITY"</text>
                </inputEntry>
                <inputEntry id="RouteAccessibilityPriority">
                  <text>-</text>
                </inputEntry>
                <outputEntry id="RouteAccessibilityDepartment">
                  <text>"DESIGN"</text>
                </outputEntry>
                <outputEntry id="RouteAccessibilityAlsoInform">
                  <text>""</text>
                </outputEntry>
              </rule>
        """));
    edit(copy.resolve("processes/complaint-routing.test.csv"), text -> text + """
        accessibility goes to design,ACCESSIBILITY,LOW,DESIGN,
        """);
    // The priority rules need no change (the catch-all gives LOW), but a row says so.
    edit(copy.resolve("processes/complaint-priority.test.csv"), text -> text + """
        accessibility issue of one user is low,ACCESSIBILITY,ONE,LOW
        """);

    // 3. The options of the forms: wherever a category, a declared type or a department is a choice.
    for (String form : List.of("log-complaint", "review-classification")) {
      addOption(copy.resolve("forms/" + form + ".form"), "declaredType", "Accessibility", "ACCESSIBILITY");
    }
    for (String form : List.of("review-classification", "assign-handler", "propose-plan", "follow-up-call", "final-review")) {
      addOption(copy.resolve("forms/" + form + ".form"), "category", "Accessibility", "ACCESSIBILITY");
    }
    for (String form : List.of("review-classification", "assign-handler", "final-review")) {
      addOption(copy.resolve("forms/" + form + ".form"), "department", "Partner relations", "PARTNER_RELATIONS");
    }
  }

  private static void copyShipped(String folder, Path copy) throws IOException {
    Files.createDirectories(copy.resolve(folder));
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, copy.resolve(folder).resolve(file.getFileName()));
      }
    }
  }

  private static void addOption(Path form, String key, String label, String value) throws IOException {
    var json = new ObjectMapper();
    var document = json.readTree(form.toFile());
    for (var component : document.get("components")) {
      if (key.equals(component.path("key").asText())) {
        ((ArrayNode) component.get("values")).addObject().put("label", label).put("value", value);
        json.writerWithDefaultPrettyPrinter().writeValue(form.toFile(), document);
        return;
      }
    }
    throw new AssertionError(form + " has no field " + key);
  }

  private interface TextEdit {
    String apply(String text);
  }

  private static void edit(Path file, TextEdit change) {
    try {
      Files.writeString(file, change.apply(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // A shipped file that no longer has the anchor fails here, so the fixture keeps in step with the files.
  private static String insertBefore(String text, String anchor, String inserted) {
    assertThat(text).as("anchor of the edit").containsOnlyOnce(anchor);
    return text.replace(anchor, inserted + anchor);
  }

  private static String replaceOnce(String text, String old, String replacement) {
    assertThat(text).as("text to edit").containsOnlyOnce(old);
    return text.replace(old, replacement);
  }
}
