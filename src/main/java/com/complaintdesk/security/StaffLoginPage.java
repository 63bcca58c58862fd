package com.complaintdesk.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form of the staff pages; Spring Security checks what it posts (see WebSecurity). */
@Controller
class StaffLoginPage {

  @GetMapping("/staff/login")
  String login() {
    return "staff/login";
  }
}
