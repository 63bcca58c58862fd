package com.complaintdesk.analytics;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.improvement.InvalidImprovementStart;
import com.complaintdesk.improvement.StartImprovementByManager;
import com.complaintdesk.security.CamundaIdentityAuthentication;
import com.complaintdesk.security.StaffGroups;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard page for complaint managers and auditors: the filter form and the places the charts are drawn
 * in; its script reads the figures from /staff/dashboard/data with the same filter. Complaint managers also start
 * improvement actions from it.
 */
@Controller
class DashboardPage {

  private final Catalogue catalogue;
  private final StartImprovementByManager improvements;

  DashboardPage(Catalogue catalogue, StartImprovementByManager improvements) {
    this.catalogue = catalogue;
    this.improvements = improvements;
  }

  /** One of the filter's selects: its parameter, label, values and the value chosen now. */
  record Choice(String name, String label, List<String> values, String chosen) {
  }

  @GetMapping("/staff/dashboard")
  String dashboard(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
      @RequestParam(required = false) String priority, @RequestParam(required = false) String department,
      Authentication user, Model model, HttpServletResponse response) {
    DashboardFilter filter;
    try {
      filter = DashboardApi.filter(from, to, channel, category, priority, department);
    } catch (InvalidDashboardFilter invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("filterError", invalid.getMessage());
      filter = DashboardApi.filter(null, null, null, null, null, null);
    }
    model.addAttribute("filter", filter);
    model.addAttribute("choices", List.of(
        new Choice("channel", "Channel", Arrays.stream(Channel.values()).map(Enum::name).toList(), filter.channel()),
        new Choice("category", "Category", catalogue.categoryIds(), filter.category()),
        new Choice("priority", "Priority", Arrays.stream(Priority.values()).map(Enum::name).toList(),
            filter.priority()),
        new Choice("department", "Department", catalogue.departmentIds(), filter.department())));
    model.addAttribute("figures", DashboardCsv.figures());
    // WebSecurity lets only complaint managers start an action; the page only hides the form from the others
    model.addAttribute("mayStartImprovement",
        CamundaIdentityAuthentication.isMemberOfAny(user, List.of(StaffGroups.COMPLAINT_MANAGERS)));
    model.addAttribute("categories", catalogue.categoryIds());
    model.addAttribute("departments", catalogue.departmentIds());
    if (!model.containsAttribute("start")) {
      model.addAttribute("start", new StartImprovementByManager.Request(null, null, null, null));
    }
    return "staff/dashboard";
  }

  /**
   * Starts an improvement action (complaint managers only, see WebSecurity) and shows its reference; what cannot be
   * started comes back as 422 with the page, the message next to the form and the entries kept.
   */
  @PostMapping("/staff/dashboard/improvement-actions")
  String startImprovement(@RequestParam(required = false) String category,
      @RequestParam(required = false) String keyword, @RequestParam(required = false) String department,
      @RequestParam(required = false) String trackingNumbers, Authentication user, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    var request = new StartImprovementByManager.Request(category, keyword, department, trackingNumbers);
    try {
      var action = improvements.start(request, user.getName(), ClockUtil.getCurrentTime().toInstant());
      redirect.addFlashAttribute("startedAction", action.reference());
      redirect.addFlashAttribute("startedTopic", action.topic().label());
      return "redirect:/staff/dashboard#improvements-heading";
    } catch (InvalidImprovementStart invalid) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      model.addAttribute("startError", invalid.getMessage());
      model.addAttribute("start", request);
      return dashboard(null, null, null, null, null, null, user, model, response);
    }
  }
}
