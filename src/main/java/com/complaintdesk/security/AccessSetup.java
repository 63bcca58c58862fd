package com.complaintdesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.ComplaintVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the contract's groups, their authorizations and the Tasklist filters when the engine starts,
 * in every profile. Idempotent: it only adds what is missing, so restarts and several nodes are safe.
 * Task access needs no grant here: the engine gives a task's candidate groups and assignee access to it.
 * A department added to the catalogue gets its groups and their grants at the next start.
 */
@Component
@Order(1)
public class AccessSetup extends AbstractCamundaConfiguration {

  private final Catalogue catalogue;

  public AccessSetup(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    createGroups(engine.getIdentityService());
    var authorizations = engine.getAuthorizationService();
    for (String worker : StaffGroups.taskWorkers(catalogue)) {
      grant(authorizations, worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // The name of the process and its forms in Tasklist; not its instances (that is READ_INSTANCE).
      grant(authorizations, worker, Resources.PROCESS_DEFINITION, ComplaintVariables.PROCESS_KEY, Permissions.READ);
    }
    for (String reader : StaffGroups.readers()) {
      grantReadEverything(authorizations, reader);
    }
    createFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
  }

  private void createGroups(IdentityService identity) {
    for (var group : StaffGroups.all(catalogue)) {
      if (identity.createGroupQuery().groupId(group.id()).count() == 0) {
        var created = identity.newGroup(group.id());
        created.setName(group.name());
        created.setType("WORKFLOW");
        identity.saveGroup(created);
      }
    }
  }

  private static void grantReadEverything(AuthorizationService authorizations, String group) {
    grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY,
        Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
    grant(authorizations, group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(authorizations, group, Resources.TASK, ANY, Permissions.READ);
    grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(authorizations, group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(authorizations, group, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    // names instead of ids for the staff and groups on the tasks they read
    grant(authorizations, group, Resources.USER, ANY, Permissions.READ);
    grant(authorizations, group, Resources.GROUP, ANY, Permissions.READ);
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      Permission... permissions) {
    boolean present = authorizations.createAuthorizationQuery()
        .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
    if (present) {
      return;
    }
    var authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private void createFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    Filter mine = filter(filters, "My tasks", -10, "Tasks assigned to me",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    Filter groups = filter(filters, "My group tasks", -5, "Unclaimed tasks of my groups",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    Filter all = filter(filters, "All open tasks", 0, "Every open task I may read", tasks.createTaskQuery());
    for (String worker : StaffGroups.taskWorkers(catalogue)) {
      grant(authorizations, worker, Resources.FILTER, mine.getId(), Permissions.READ);
      grant(authorizations, worker, Resources.FILTER, groups.getId(), Permissions.READ);
      if (StaffGroups.readers().contains(worker)) {
        grant(authorizations, worker, Resources.FILTER, all.getId(), Permissions.READ);
      }
    }
  }

  /** What a task card in Tasklist shows, so that complaints can be told apart in the list. */
  private static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "trackingNumber", "label", "Tracking number"),
      Map.of("name", "subject", "label", "Subject"),
      Map.of("name", "priority", "label", "Priority"));

  private static Filter filter(FilterService filters, String name, int priority, String description, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filters.newTaskFilter(name)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
            "variables", CARD_VARIABLES))
        .setQuery(query);
    return filters.saveFilter(filter);
  }
}
