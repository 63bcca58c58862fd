package com.complaintdesk.notification;

import com.complaintdesk.security.CamundaIdentityAuthentication;
import com.complaintdesk.security.StaffGroups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff page of the outbox (login required, see WebSecurity): every notification with its state, and each
 * one rendered as its reader sees it. In the embedded default this is where mail "arrives".
 */
@Controller
@RequestMapping("/staff/outbox")
class OutboxPages {

  static final int PAGE_SIZE = 50;

  /**
   * The rendered mail runs in a sandboxed frame: no scripts, no requests of its own, no access to this page,
   * whatever a complaint's text smuggled into it.
   */
  private static final String MAIL_FRAME_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

  /** Who may send a failed message again (WebSecurity enforces it; the page only hides the button). */
  private final OutboxEntries entries;
  private final NotificationMessages messages;
  private final FailedNotifications failed;

  OutboxPages(OutboxEntries entries, NotificationMessages messages, FailedNotifications failed) {
    this.entries = entries;
    this.messages = messages;
    this.failed = failed;
  }

  @GetMapping
  String list(@RequestParam(defaultValue = "0") int page, Model model) {
    int current = Math.max(page, 0);
    var shown = entries.newest(current * PAGE_SIZE, PAGE_SIZE + 1);
    model.addAttribute("entries", shown.stream().limit(PAGE_SIZE).toList());
    model.addAttribute("page", current);
    model.addAttribute("hasNext", shown.size() > PAGE_SIZE);
    return "staff/outbox";
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Authentication user, Model model) {
    var entry = entries.find(id).orElseThrow(OutboxPages::notFound);
    model.addAttribute("entry", entry);
    model.addAttribute("mayRetry", CamundaIdentityAuthentication.isMemberOfAny(user, StaffGroups.notificationRetriers()));
    model.addAttribute("message", messages.render(entries.notification(id).orElseThrow(OutboxPages::notFound)));
    return "staff/outbox-message";
  }

  /** Sends a message that failed for good once more; WebSecurity lets only the notification retriers here. */
  @PostMapping("/{id}/retry")
  String retry(@PathVariable long id, RedirectAttributes redirect) {
    try {
      failed.retry(id);
      redirect.addFlashAttribute("notice", "The message is queued again and goes out with the next delivery run.");
    } catch (NoSuchElementException e) {
      throw notFound();
    } catch (IllegalStateException e) {
      redirect.addFlashAttribute("notice", "Not queued again: " + e.getMessage());
    }
    return "redirect:/staff/outbox/" + id;
  }

  @GetMapping(value = "/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> html(@PathVariable long id) {
    var message = messages.render(entries.notification(id).orElseThrow(OutboxPages::notFound));
    return ResponseEntity.ok()
        .header("Content-Security-Policy", MAIL_FRAME_POLICY)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(message.html());
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such notification");
  }
}
