package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.complaintdesk.ComplaintDeskApplication;
import com.complaintdesk.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production profile as an operator starts it. No PostgreSQL server needed: the refusals happen before any
 * data source exists (the URL points at a closed port), and the profile's start runs on an in-memory H2 database
 * (Camunda's H2 schema does not run in H2's PostgreSQL mode).
 * What the embedded default turns on (demo users, sample complaints; the H2 console as a default property
 * here) must stay off.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

  static final String ADMIN_PASSWORD = "a-Strong-Password-42";
  static final String NO_DATABASE = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere";

  @Test
  void refusesToStartWithoutAnAdminPasswordAndSaysWhatToSet(CapturedOutput output) {
    assumeTrue(System.getenv(ProductionSettingsCheck.ADMIN_PASSWORD_VARIABLE) == null,
        "the environment of this test sets " + ProductionSettingsCheck.ADMIN_PASSWORD_VARIABLE);

    assertThatThrownBy(() -> start(NO_DATABASE)).isInstanceOf(ProductionSettingsMissing.class)
        .hasMessageContaining("set the environment variable COMPLAINT_DESK_ADMIN_PASSWORD");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("COMPLAINT_DESK_ADMIN_PASSWORD");
  }

  @Test
  void refusesTheDemoPassword() {
    assertThatThrownBy(() -> start(NO_DATABASE, "--COMPLAINT_DESK_ADMIN_PASSWORD=demo"))
        .isInstanceOf(ProductionSettingsMissing.class)
        .hasMessageContaining("COMPLAINT_DESK_ADMIN_PASSWORD is the demo password");
  }

  @Test
  void refusesTheDemoUsersEvenWhenTurnedOnExplicitly() {
    assertThatThrownBy(() -> start(NO_DATABASE, "--COMPLAINT_DESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--complaint-desk.demo.enabled=true"))
        .isInstanceOf(ProductionSettingsMissing.class)
        .hasMessageContaining("complaint-desk.demo.enabled is true");
  }

  @Test
  void startsWithAnAdminPasswordAndSeedsNoDemoUsersNoSampleComplaintsAndNoH2Console(CapturedOutput output) {
    try (var app = start("--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa", "--COMPLAINT_DESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD)) {
      var engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createUserQuery().list()).extracting(User::getId).containsExactly("admin");
      assertThat(engine.getIdentityService().checkPassword("admin", ADMIN_PASSWORD)).isTrue();
      assertThat(app.getBean(JdbcClient.class).sql("select count(*) from complaint").query(Long.class).single())
          .as("sample complaints").isZero();
      assertThat(app.containsBean("h2Console")).as("H2 console").isFalse();

      var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isNotBlank();
      assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isNotBlank();
      assertThat(engine.getHistoryService().findHistoryCleanupJobs()).as("the nightly history cleanup").isNotEmpty();
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
          .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).isPositive());

      var http = new HttpClient(((WebServerApplicationContext) app).getWebServer().getPort());
      assertThat(http.get("/h2-console/", null).status()).isNotEqualTo(200);
      assertThat(cookies(http.get("/camunda/app/welcome/default/", null).headers())).as("cookies of the webapps")
          .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*Secure(;|$)"));
    }
    assertThat(output).as("start-up log").doesNotContain(ADMIN_PASSWORD);
  }

  private static List<String> cookies(HttpHeaders headers) {
    return new ArrayList<>(headers.getOrEmpty(HttpHeaders.SET_COOKIE));
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(ComplaintDeskApplication.class)
        .profiles(ProductionSettingsCheck.PROFILE)
        // what an embedded default could turn on, below the profile's own settings
        .properties("spring.h2.console.enabled=true")
        .run(concat(args, "--server.port=0", "--camunda.bpm.process-engine-name=productionProfileTest"));
  }

  private static String[] concat(String[] args, String... more) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
