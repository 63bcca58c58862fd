package com.complaintdesk.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designers' model check passes on the shipped models and, on copies broken the way designers break them,
 * names the file, the element and what to do.
 */
class ModelCheckTest {

  private static final Path REPOSITORY = Path.of("").toAbsolutePath();
  private static final String BPMN = "processes/complaint-handling.bpmn";

  @TempDir Path copy;

  @BeforeEach
  void copyModels() throws IOException {
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.walk(REPOSITORY.resolve(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = copy.resolve(REPOSITORY.relativize(file));
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
  }

  @Test
  void shippedModelsPass() {
    assertThat(ModelCheck.check(REPOSITORY)).isEmpty();
  }

  @Test
  void userTaskWithoutFormIsNamed() {
    edit(BPMN, "camunda:formRef=\"confirm-result\" camunda:formRefBinding=\"latest\" ", "");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(BPMN);
      assertThat(problem.element()).isEqualTo("ConfirmResult");
      assertThat(problem.message()).contains("has no form", "Form reference", "confirm-result");
    });
  }

  @Test
  void formThatLacksAFieldTheTaskSetsIsNamed() {
    edit("forms/confirm-result.form", "\"key\": \"effect\"", "\"key\": \"effects\"");

    assertThat(ModelCheck.check(copy))
        .anySatisfy(problem -> {
          assertThat(problem.file()).isEqualTo("forms/confirm-result.form");
          assertThat(problem.element()).isEqualTo("effect");
          assertThat(problem.message()).contains("ConfirmResult sets 'effect'", "add it");
        })
        .anySatisfy(problem -> assertThat(problem.element()).isEqualTo("effects"));
  }

  @Test
  void decisionRuleWithoutTestRowIsNamed() {
    edit("processes/complaint-response-time.test.csv", "critical needs a plan within 8 hours,CRITICAL,PT8H\n", "");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo("processes/complaint-priority.dmn");
      assertThat(problem.element()).startsWith("complaint-response-time rule 1");
      assertThat(problem.message()).contains("no row of processes/complaint-response-time.test.csv", "add a case");
    });
  }

  @Test
  void decisionWithoutTestTableIsNamed() throws IOException {
    Files.delete(copy.resolve("processes/complaint-routing.test.csv"));

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo("processes/complaint-routing.dmn");
      assertThat(problem.element()).isEqualTo("complaint-routing");
      assertThat(problem.message()).contains("no test table", "processes/complaint-routing.test.csv");
    });
  }

  @Test
  void testRowTheTableNoLongerMeetsIsNamed() {
    edit("processes/complaint-response-time.test.csv", "high needs a plan within a day,HIGH,P1D",
        "high needs a plan within a day,HIGH,P2D");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo("processes/complaint-response-time.test.csv");
      assertThat(problem.element()).matches("line \\d+ \\(high needs a plan within a day\\)");
      assertThat(problem.message()).contains("expected responseTime 'P2D', but the table gives 'P1D'");
    });
  }

  @Test
  void misspeltBeanIsNamedWithTheLikelyOne() {
    edit(BPMN, "camunda:delegateExpression=\"${computeResponseDeadline}\"",
        "camunda:delegateExpression=\"${computeResponseDeadlin}\"");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(BPMN);
      assertThat(problem.element()).isEqualTo("ComputeResponseDeadline");
      assertThat(problem.message()).contains("names no bean", "did you mean 'computeResponseDeadline'?");
    });
  }

  @Test
  void timerExpressionThatDoesNotEvaluateIsNamed() {
    edit(BPMN, "${surveyWait}", "${surveyWaitDays}");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(BPMN);
      assertThat(problem.element()).isEqualTo("SurveyWaitElapsed");
      assertThat(problem.message()).contains("${surveyWaitDays} does not evaluate", "processes/contract.yaml");
    });
  }

  @Test
  void literalDeadlineInATimerIsNamed() {
    edit(BPMN, "${surveyWait}", "P7D");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.element()).isEqualTo("SurveyWaitElapsed");
      assertThat(problem.message()).contains("literal 'P7D'", "complaint-desk.deadlines");
    });
  }

  @Test
  void timerWhoseVariableIsNoDurationIsNamed() {
    edit(BPMN, "${surveyWait}", "${receivedAt}");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.element()).isEqualTo("SurveyWaitElapsed");
      assertThat(problem.message()).contains("is no ISO-8601 duration");
    });
  }

  @Test
  void conditionOnAMisspeltVariableIsNamed() {
    edit(BPMN, "${goalMet}", "${goalmet}");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.element()).isEqualTo("GoalMet");
      assertThat(problem.message()).contains("${goalmet} does not evaluate");
    });
  }

  @Test
  void messageTheApiCorrelatesMustStayInTheModel() {
    edit(BPMN, "name=\"SurveyAnswered\"", "name=\"SurveyReceived\"");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(BPMN);
      assertThat(problem.element()).isEqualTo("SurveyAnswered");
      assertThat(problem.message()).contains("not declared in the model");
    });
  }

  @Test
  void callToAMissingDecisionIsNamed() {
    edit(BPMN, "camunda:decisionRef=\"complaint-routing\"", "camunda:decisionRef=\"complaint-route\"");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.element()).isEqualTo("DetermineRouting");
      assertThat(problem.message()).contains("'complaint-route', which no processes/*.dmn holds");
    });
  }

  @Test
  void categoryOfTheCatalogueMissingFromAFormIsNamed() {
    edit("processes/catalogue.yaml", "categories:\n", """
        categories:
          - id: ACCESSIBILITY
            label:
              en: Hard to use with assistive technology
            choosable: false
        """);

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo("forms/assign-handler.form");
      assertThat(problem.element()).isEqualTo("category");
      assertThat(problem.message()).contains("lack [ACCESSIBILITY]", "add an option");
    });
  }

  @Test
  void departmentARuleGivesButTheCatalogueLacksIsNamed() {
    edit("processes/complaint-routing.dmn", "<text>\"DESIGN\"</text>", "<text>\"DESIGNS\"</text>");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo("processes/complaint-routing.dmn");
      assertThat(problem.element()).startsWith("complaint-routing rule ");
      assertThat(problem.message()).contains("department \"DESIGNS\" is not in processes/catalogue.yaml");
    });
  }

  @Test
  void modelTheEngineRefusesIsNamed() {
    edit(BPMN, "camunda:historyTimeToLive=\"P730D\" ", "");

    assertThat(ModelCheck.check(copy)).anySatisfy(problem -> {
      assertThat(problem.file()).isEqualTo(BPMN);
      assertThat(problem.message()).contains("History Time To Live", "the engine would refuse this file");
    });
  }

  @Test
  void replyTemplateWithAnUnknownPlaceholderOrCategoryIsNamed() throws IOException {
    edit("processes/replies/implement-plan/TRANSACTION_DISPUTE.en.txt", "{plan}", "{planned}");
    Files.writeString(copy.resolve("processes/replies/confirm-result/PAYMENT.zh.txt"), "您好！");

    assertThat(ModelCheck.check(copy))
        .anySatisfy(problem -> {
          assertThat(problem.file()).isEqualTo("processes/replies/implement-plan/TRANSACTION_DISPUTE.en.txt");
          assertThat(problem.message()).contains("unknown placeholder {planned}", "{plan}");
        })
        .anySatisfy(problem -> {
          assertThat(problem.file()).isEqualTo("processes/replies/confirm-result/PAYMENT.zh.txt");
          assertThat(problem.message()).contains("'PAYMENT' is not a category of processes/catalogue.yaml");
        });
  }

  private void edit(String file, String text, String replacement) {
    Path path = copy.resolve(file);
    try {
      String content = Files.readString(path);
      assertThat(content).as(file).contains(text);
      Files.writeString(path, content.replace(text, replacement));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
