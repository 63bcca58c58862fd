package com.complaintdesk.audit;

import com.complaintdesk.security.CamundaIdentityAuthentication;
import com.complaintdesk.security.WebSecurity;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only API of the auditors' Cockpit plugins (the History tab, the instance history view, the Complaint
 * tab). The caller is whoever is logged in to Cockpit (WebSecurity); each call needs the engine's READ_HISTORY
 * grant on the process definition it reads, as Cockpit's own history views do. Not part of the public API.
 */
@Hidden
@RestController
@RequestMapping(path = WebSecurity.COCKPIT_PLUGIN_API, produces = MediaType.APPLICATION_JSON_VALUE)
class CockpitHistoryApi {

  private final InstanceList instanceList;
  private final InstanceHistories histories;
  private final CockpitComplaints complaints;
  private final RepositoryService repository;
  private final AuthorizationService authorizations;

  CockpitHistoryApi(InstanceList instanceList, InstanceHistories histories, CockpitComplaints complaints,
      RepositoryService repository, AuthorizationService authorizations) {
    this.instanceList = instanceList;
    this.histories = histories;
    this.complaints = complaints;
    this.repository = repository;
    this.authorizations = authorizations;
  }

  /**
   * The History tab of a process definition's page: the instances of its model (all versions), finished and
   * running, filtered, one page.
   */
  @GetMapping("/process-definitions/{definitionId}/instances")
  InstanceList.Page instances(@PathVariable String definitionId, Authentication caller,
      @RequestParam(required = false) String state, @RequestParam(required = false) String breached,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String trackingNumber, @RequestParam(required = false) String firstResult,
      @RequestParam(required = false) String maxResults) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(definitionId)
        .singleResult();
    if (definition == null) {
      throw notFound("Not found", "There is no process definition " + definitionId + ".");
    }
    mayReadHistory(caller, definition.getKey());
    return instanceList.of(definition.getKey(),
        InstanceFilter.parse(state, breached, from, to, trackingNumber, firstResult, maxResults));
  }

  /** The instance history view: everything the engine's history keeps of one instance. */
  @GetMapping("/process-instances/{processInstanceId}/history")
  InstanceHistory history(@PathVariable String processInstanceId, Authentication caller) {
    return histories.of(readableInstance(processInstanceId, caller));
  }

  /** The Complaint tab: the complaint behind an instance, from our tables. */
  @GetMapping("/process-instances/{processInstanceId}/complaint")
  CockpitComplaint complaint(@PathVariable String processInstanceId, Authentication caller) {
    HistoricProcessInstance instance = readableInstance(processInstanceId, caller);
    String trackingNumber = instance.getBusinessKey();
    return Optional.ofNullable(trackingNumber).flatMap(complaints::of)
        .orElseThrow(() -> notFound("No complaint", "Process instance " + processInstanceId
            + " belongs to no complaint."));
  }

  @ExceptionHandler(InvalidInstanceFilter.class)
  ProblemDetail invalidFilter(InvalidInstanceFilter invalid) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
    problem.setTitle("Invalid filter");
    return problem;
  }

  private HistoricProcessInstance readableInstance(String processInstanceId, Authentication caller) {
    HistoricProcessInstance instance = histories.find(processInstanceId)
        .orElseThrow(() -> notFound("Not found", "There is no process instance " + processInstanceId
            + " (or the engine's history cleanup has removed it)."));
    mayReadHistory(caller, instance.getProcessDefinitionKey());
    return instance;
  }

  /** Refuses (403) a caller without the engine's READ_HISTORY grant on the process definition. */
  private void mayReadHistory(Authentication caller, String definitionKey) {
    boolean granted = authorizations.isUserAuthorized(caller.getName(), CamundaIdentityAuthentication.groupsOf(caller),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, definitionKey);
    if (!granted) {
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not read the history of "
          + definitionKey + ": that needs the READ_HISTORY permission on its process definition (an administrator"
          + " grants it in Admin, e.g. to the auditors).");
      problem.setTitle("No history permission");
      throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
  }

  /** A 404 whose title says what is missing (the plugins word it): "Not found" or "No complaint". */
  private static ErrorResponseException notFound(String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle(title);
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
