package com.complaintdesk.security;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Names the logged-in staff member on every staff page (the header's "Log out …"). */
@ControllerAdvice(annotations = Controller.class)
class StaffUser {

  @ModelAttribute("staffUser")
  String staffUser(Principal user) {
    return user == null ? null : user.getName();
  }
}
