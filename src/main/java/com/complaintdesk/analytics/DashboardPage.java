package com.complaintdesk.analytics;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Priority;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard page for complaint managers and auditors: the filter form and the places the charts are drawn
 * in; its script reads the figures from /staff/dashboard/data with the same filter.
 */
@Controller
class DashboardPage {

  private final Catalogue catalogue;

  DashboardPage(Catalogue catalogue) {
    this.catalogue = catalogue;
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
      Model model, HttpServletResponse response) {
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
    return "staff/dashboard";
  }
}
