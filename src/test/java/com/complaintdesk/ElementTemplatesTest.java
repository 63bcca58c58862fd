package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.TimelineEventType;
import com.complaintdesk.deadline.Deadline;
import com.complaintdesk.notification.NotificationTemplate;
import com.complaintdesk.modelcheck.ApplicationBeans;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Modeler's element templates let a designer configure our reusable delegates from dropdowns instead
 * of typing bean names and enum values. A template that names a bean we no longer have, offers a value the code
 * rejects, or misses one the code added, would only fail in a running process: so each is checked here against
 * the code and against the models that use it. No Spring context: the beans are found by scanning the classes.
 */
class ElementTemplatesTest {

  static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
  static final Path PROCESSES = Path.of("processes");
  static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");

  /** Staff messages sent by their own code, with details (a due date, a task, a reply) a model step cannot give. */
  static final Map<NotificationTemplate, String> STAFF_MESSAGES_SENT_BY_CODE = Map.of(
      NotificationTemplate.RESPONSE_REMINDER, "sendResponseReminder: to the handler or the leads, with the due date",
      NotificationTemplate.NEW_GROUP_TASK, "NotifyGroupOfNewTask: whenever a task enters a group's queue",
      NotificationTemplate.USER_REPLIED, "the mailbox intake: quotes the user's reply",
      NotificationTemplate.IMPROVEMENT_ACTION_STARTED, "notifyAboutImprovement: about an improvement action, no complaint",
      NotificationTemplate.IMPROVEMENT_REMINDER, "notifyAboutImprovement: about an improvement action, no complaint",
      NotificationTemplate.IMPROVEMENT_OVERDUE, "notifyAboutImprovement: about an improvement action, no complaint");

  /** Messages to the complainant sent by their own code, with details a milestone cannot give. */
  static final Map<NotificationTemplate, String> NOTICES_SENT_BY_CODE = Map.of(
      NotificationTemplate.ACKNOWLEDGEMENT, "intake, before the process starts",
      NotificationTemplate.LINKED_TO_OPEN_COMPLAINT, "intake, instead of a process",
      NotificationTemplate.PROGRESS_NOTE, "recordProgress: quotes the handler's note",
      NotificationTemplate.RESULT_WITH_SURVEY, "informUserOfResult: measures, effect and the survey",
      NotificationTemplate.REOPENED, "reopenComplaint: also counts the reopenings",
      NotificationTemplate.DUPLICATE, "closeAsDuplicate: names the original complaint",
      NotificationTemplate.QUESTION_FOR_USER, "askComplainant: quotes the question",
      NotificationTemplate.QUESTION_REMINDER, "remindComplainant: quotes the question",
      NotificationTemplate.IMPROVEMENT_IN_PLACE, "recordImprovementDelivered: only to those who asked for it");

  /** Events that end a complaint but are recorded by their own code, with a detail a milestone cannot give. */
  static final Map<TimelineEventType, String> ENDINGS_RECORDED_BY_CODE = Map.of(
      TimelineEventType.DUPLICATE, "closeAsDuplicate: names the original complaint",
      TimelineEventType.LINKED_TO_OPEN_COMPLAINT, "intake, instead of a process");

  static List<Template> templates;
  static Map<String, Class<?>> beans;

  @BeforeAll
  static void readTemplatesAndScanBeans() throws IOException {
    var json = new ObjectMapper();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      templates = files.filter(file -> file.toString().endsWith(".json")).sorted()
          .map(file -> new Template(file, read(json, file))).toList();
    }
    beans = ApplicationBeans.byName();
  }

  /** Which values each dropdown must offer: exactly those the delegate accepts and that make sense there. */
  static Stream<Arguments> dropdowns() {
    return Stream.of(
        Arguments.of("com.complaintdesk.notifyStaff", "template", names(Arrays.stream(NotificationTemplate.values())
            .filter(message -> !message.toComplainant())
            .filter(message -> !STAFF_MESSAGES_SENT_BY_CODE.containsKey(message)))),
        Arguments.of("com.complaintdesk.recordMilestone", "event", names(Arrays.stream(TimelineEventType.values())
            .filter(event -> event.isPublic() && event.resultingStatus() != null && event.resultingStatus().isFinal())
            .filter(event -> !ENDINGS_RECORDED_BY_CODE.containsKey(event)))),
        Arguments.of("com.complaintdesk.recordMilestone", "notice", names(Arrays.stream(NotificationTemplate.values())
            .filter(NotificationTemplate::toComplainant)
            .filter(message -> !NOTICES_SENT_BY_CODE.containsKey(message)))),
        Arguments.of("com.complaintdesk.recordDeadlineBreach", "deadline", names(Arrays.stream(Deadline.values()))));
  }

  @Test
  void everyTemplateIsOneTheModelerLoads() {
    assertThat(templates).as("templates in %s", TEMPLATES).isNotEmpty();
    for (var template : templates) {
      var json = template.json();
      assertThat(json.isObject()).as("%s holds one template", template.file()).isTrue();
      assertThat(json.path("$schema").asText()).as("%s: $schema", template.file()).isEqualTo(SCHEMA);
      assertThat(json.path("name").asText()).as("%s: name", template.file()).isNotBlank();
      assertThat(template.id()).as("%s: id", template.file()).startsWith("com.complaintdesk.");
      assertThat(json.path("version").isInt()).as("%s: version", template.file()).isTrue();
      assertThat(json.path("appliesTo").toString()).as("%s: appliesTo", template.file()).contains("\"bpmn:Task\"");
      assertThat(json.path("elementType").path("value").asText()).as("%s: elementType", template.file())
          .isEqualTo("bpmn:ServiceTask");
      assertThat(json.path("properties").isEmpty()).as("%s: properties", template.file()).isFalse();
      for (var property : template.properties()) {
        assertThat(property.path("binding").path("type").asText()).as("%s: a binding", template.file()).isNotBlank();
        if (isDropdown(property)) {
          var choices = choices(property);
          assertThat(choices).as("%s: choices of %s", template.file(), property).isNotEmpty();
          property.path("choices").forEach(choice ->
              assertThat(choice.path("name").asText()).as("%s: name of %s", template.file(), choice).isNotBlank());
          if (property.has("value")) {
            assertThat(choices).as("%s: default of %s", template.file(), property)
                .contains(property.get("value").asText());
          }
        }
      }
    }
    assertThat(templates.stream().map(Template::id)).as("template ids").doesNotHaveDuplicates();
  }

  @Test
  void everyTemplateCallsADelegateBeanOfTheApplication() {
    for (var template : templates) {
      var matcher = BEAN_EXPRESSION.matcher(template.delegateExpression());
      assertThat(matcher.matches())
          .as("%s binds camunda:delegateExpression, hidden, to ${beanName}", template.file()).isTrue();
      var bean = matcher.group(1);
      assertThat(beans).as("%s names bean '%s': a @Component(\"%s\") in com.complaintdesk", template.file(), bean, bean)
          .containsKey(bean);
      assertThat(JavaDelegate.class.isAssignableFrom(beans.get(bean)))
          .as("%s names %s, which must be a JavaDelegate", template.file(), beans.get(bean)).isTrue();
      assertThat(template.id()).as("%s: id after the bean it calls", template.file())
          .isEqualTo("com.complaintdesk." + bean);
    }
  }

  @ParameterizedTest(name = "{0} offers as {1}: {2}")
  @MethodSource("dropdowns")
  void dropdownOffersExactlyTheValuesThatMakeSenseThere(String templateId, String parameter, Set<String> expected) {
    var property = template(templateId).inputParameters().get(parameter);
    assertThat(property).as("%s has the input parameter %s", templateId, parameter).isNotNull();
    assertThat(isDropdown(property)).as("%s: %s is a dropdown", templateId, parameter).isTrue();
    assertThat(new TreeSet<>(choices(property)))
        .as("the choices of %s in %s: offer each new value there, or say in this test why it has no place there",
            parameter, templateId)
        .isEqualTo(expected);
  }

  @Test
  void everyDropdownIsCheckedAgainstTheCode() {
    var checked = dropdowns().map(arguments -> arguments.get()[0] + " " + arguments.get()[1])
        .collect(Collectors.toSet());
    var offered = templates.stream().flatMap(template -> template.inputParameters().entrySet().stream()
            .filter(parameter -> isDropdown(parameter.getValue()))
            .map(parameter -> template.id() + " " + parameter.getKey()))
        .collect(Collectors.toSet());
    assertThat(checked).as("dropdowns() names what each dropdown must offer").isEqualTo(offered);
  }

  @Test
  void everyTemplatedStepOfTheModelsMatchesItsTemplate() {
    var problems = new ArrayList<String>();
    forEachFlowNode((model, node) -> {
      var templateId = node.getAttributeValueNs(CAMUNDA, "modelerTemplate");
      if (templateId == null) {
        return;
      }
      var where = model.getFileName() + " " + node.getId();
      var template = templates.stream().filter(candidate -> candidate.id().equals(templateId)).findFirst();
      if (template.isEmpty()) {
        problems.add(where + ": no template " + templateId + " in " + TEMPLATES);
        return;
      }
      problems.addAll(mismatches(where, node, template.get()));
    });
    assertThat(problems).as("steps that do not match their element template (apply it again in the Modeler)").isEmpty();
  }

  @Test
  void everyStepCallingATemplatedDelegateUsesItsTemplate() {
    var templateOfExpression = templates.stream()
        .collect(Collectors.toMap(Template::delegateExpression, Template::id));
    var problems = new ArrayList<String>();
    forEachFlowNode((model, node) -> {
      var expected = templateOfExpression.get(node.getAttributeValueNs(CAMUNDA, "delegateExpression"));
      if (expected != null && !expected.equals(node.getAttributeValueNs(CAMUNDA, "modelerTemplate"))) {
        problems.add(model.getFileName() + " " + node.getId() + " calls "
            + node.getAttributeValueNs(CAMUNDA, "delegateExpression") + " without the template " + expected);
      }
    });
    assertThat(problems).as("steps to configure with their element template in the Modeler").isEmpty();
  }

  private static List<String> mismatches(String where, FlowNode node, Template template) {
    var problems = new ArrayList<String>();
    if (!(node instanceof ServiceTask)) {
      problems.add(where + ": " + template.id() + " applies to service tasks only");
    }
    if (!String.valueOf(template.version()).equals(node.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"))) {
      problems.add(where + ": modelerTemplateVersion should be " + template.version());
    }
    if (!template.delegateExpression().equals(node.getAttributeValueNs(CAMUNDA, "delegateExpression"))) {
      problems.add(where + ": delegateExpression should be " + template.delegateExpression());
    }
    var given = inputParameters(node);
    template.inputParameters().forEach((name, property) -> {
      var value = given.get(name);
      boolean required = property.path("constraints").path("notEmpty").asBoolean(false);
      if (value == null || value.isBlank()) {
        if (required) {
          problems.add(where + ": input parameter " + name + " is missing");
        }
      } else if (isDropdown(property) && !choices(property).contains(value)) {
        problems.add(where + ": " + name + " = " + value + " is none of " + choices(property));
      } else if ("Hidden".equals(property.path("type").asText()) && !value.equals(property.path("value").asText())) {
        problems.add(where + ": " + name + " should be " + property.path("value").asText());
      }
    });
    given.keySet().stream().filter(name -> !template.inputParameters().containsKey(name))
        .forEach(name -> problems.add(where + ": input parameter " + name + " is not one " + template.id() + " reads"));
    return problems;
  }

  private static void forEachFlowNode(BiConsumer<Path, FlowNode> check) {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (var file : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(FlowNode.class).forEach(node -> check.accept(file, node));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> inputParameters(FlowNode node) {
    var parameters = new LinkedHashMap<String, String>();
    if (node.getExtensionElements() != null) {
      node.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
          .flatMap(inputOutput -> inputOutput.getCamundaInputParameters().stream())
          .forEach(parameter -> parameters.put(parameter.getCamundaName(), text(parameter)));
    }
    return parameters;
  }

  private static String text(CamundaInputParameter parameter) {
    return parameter.getTextContent() == null ? "" : parameter.getTextContent().trim();
  }

  private static Template template(String id) {
    return templates.stream().filter(template -> template.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no template " + id + " in " + TEMPLATES));
  }

  private static boolean isDropdown(JsonNode property) {
    return "Dropdown".equals(property.path("type").asText());
  }

  private static List<String> choices(JsonNode property) {
    return StreamSupport.stream(property.path("choices").spliterator(), false)
        .map(choice -> choice.path("value").asText()).toList();
  }

  private static Set<String> names(Stream<? extends Enum<?>> values) {
    return values.map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonNode read(ObjectMapper json, Path file) {
    try {
      return json.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the element template " + file, e);
    }
  }

  /** One element template file of the Camunda Modeler. */
  record Template(Path file, JsonNode json) {

    String id() {
      return json.path("id").asText();
    }

    int version() {
      return json.path("version").asInt();
    }

    List<JsonNode> properties() {
      return StreamSupport.stream(json.path("properties").spliterator(), false).toList();
    }

    /** The fixed, hidden delegate expression the template writes, or "" without one. */
    String delegateExpression() {
      return properties().stream()
          .filter(property -> "property".equals(property.path("binding").path("type").asText()))
          .filter(property -> "camunda:delegateExpression".equals(property.path("binding").path("name").asText()))
          .filter(property -> "Hidden".equals(property.path("type").asText()))
          .map(property -> property.path("value").asText())
          .findFirst().orElse("");
    }

    /** The input parameters it sets, by name. */
    Map<String, JsonNode> inputParameters() {
      return properties().stream()
          .filter(property -> "camunda:inputParameter".equals(property.path("binding").path("type").asText()))
          .collect(Collectors.toMap(property -> property.path("binding").path("name").asText(), Function.identity(),
              (first, second) -> first, LinkedHashMap::new));
    }
  }
}
