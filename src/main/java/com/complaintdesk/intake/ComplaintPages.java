package com.complaintdesk.intake;

import com.complaintdesk.improvement.ImprovementNotices;
import com.complaintdesk.complaint.AffectedUsers;
import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintAccess;
import com.complaintdesk.complaint.Contact;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Locale;
import com.complaintdesk.config.PublicPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The complainant's pages: home, the complaint form, and the status page behind the private link
 * {@code /complaints/{trackingNumber}?token=…}. Server-rendered, they work without JavaScript.
 */
@Controller
@PublicPage
class ComplaintPages {

  private final ComplaintIntake intake;
  private final ComplaintAccess access;
  private final PublicStatusReader statusReader;
  private final Catalogue catalogue;
  private final String publicBaseUrl;
  private final ImprovementNotices improvementNotices;

  ComplaintPages(ComplaintIntake intake, ComplaintAccess access, PublicStatusReader statusReader, Catalogue catalogue,
      @Value("${complaint-desk.public-base-url}") String publicBaseUrl, ImprovementNotices improvementNotices) {
    this.publicBaseUrl = publicBaseUrl;
    this.improvementNotices = improvementNotices;
    this.catalogue = catalogue;
    this.intake = intake;
    this.access = access;
    this.statusReader = statusReader;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("categories", catalogue.choosableCategories());
    model.addAttribute("affectedOptions", AffectedUsers.values());
    model.addAttribute("zone", ZoneId.systemDefault());
  }

  @GetMapping("/")
  String home() {
    return "home";
  }

  @GetMapping("/complaints/new")
  String form(Model model) {
    model.addAttribute("form", new ComplaintForm());
    return "complaint-form";
  }

  @PostMapping("/complaints")
  String submit(@Valid @ModelAttribute("form") ComplaintForm form, BindingResult errors, Locale locale) {
    if (errors.hasErrors()) {
      return "complaint-form";
    }
    var complaint = intake.receive(new ComplaintIntake.Submission(Channel.WEB_FORM, null, languageTag(locale),
        form.getSubject().trim(), form.getDescription().trim(), null, form.getDeclaredType(),
        form.getAffectedUsers().name(), contactOf(form)));
    return "redirect:" + StatusPage.link(complaint.trackingNumber(), complaint.accessToken(), StatusPage.Notice.SUBMITTED);
  }

  @GetMapping("/complaints/{trackingNumber}")
  String status(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      @RequestParam(required = false) String notice, Model model, Locale locale) {
    var complaint = access.open(trackingNumber, token);
    var status = statusReader.of(complaint);
    model.addAttribute("complaint", status);
    model.addAttribute("categoryLabel", status.category() == null ? null : catalogue.label(status.category(), locale));
    model.addAttribute("token", token);
    model.addAttribute("privateLink", publicBaseUrl + StatusPage.link(trackingNumber, token, null));
    model.addAttribute("notice", StatusPage.Notice.of(notice));
    model.addAttribute("improvementNotice", improvementNotices.offerFor(complaint).orElse(null));
    return "complaint-status";
  }

  private static Contact contactOf(ComplaintForm form) {
    return new Contact(blankToNull(form.getContactName()), blankToNull(form.getContactEmail()),
        blankToNull(form.getContactPhone()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String languageTag(Locale locale) {
    return Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? "zh-CN" : "en";
  }
}
