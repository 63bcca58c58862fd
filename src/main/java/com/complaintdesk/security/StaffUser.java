package com.complaintdesk.security;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Names the logged-in staff member on every staff page (the header's "Log out …"), and says whether the header links
 * to the pages only readers of every complaint open (a triager reading a summary gets no links that answer 403).
 */
@ControllerAdvice(annotations = Controller.class)
class StaffUser {

  @ModelAttribute("staffUser")
  String staffUser(Principal user) {
    return user == null ? null : user.getName();
  }

  @ModelAttribute("staffReader")
  boolean staffReader(Authentication user) {
    return CamundaIdentityAuthentication.isMemberOfAny(user, StaffGroups.readersAndAdmins());
  }
}
