package com.complaintdesk.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls in the name of a staff user with their groups, as Tasklist does for a logged-in user:
 * authorizations apply and listeners see who acted. For code that acts for people (demo data, tests).
 */
@Component
public class ActingUser {

  private final IdentityService identity;

  public ActingUser(IdentityService identity) {
    this.identity = identity;
  }

  public void run(String userId, Runnable work) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    try {
      identity.setAuthentication(userId, groups);
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
