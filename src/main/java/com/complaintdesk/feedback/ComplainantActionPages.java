package com.complaintdesk.feedback;

import com.complaintdesk.improvement.ImprovementNotices;
import com.complaintdesk.complaint.ComplaintAccess;
import com.complaintdesk.complaint.ComplaintConflict;
import com.complaintdesk.intake.StatusPage;
import com.complaintdesk.intake.StatusPage.Notice;
import com.complaintdesk.config.PublicPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The answer to the handler's question, the survey answer, the withdrawal and the request to be told of an improvement
 * as forms on the status page. Each answers with a redirect back to the
 * status page (post/redirect/get), which tells the user what happened.
 */
@Controller
@PublicPage
class ComplainantActionPages {

  private final ComplaintAccess access;
  private final ComplainantActions actions;
  private final ImprovementNotices improvementNotices;

  ComplainantActionPages(ComplaintAccess access, ComplainantActions actions, ImprovementNotices improvementNotices) {
    this.access = access;
    this.actions = actions;
    this.improvementNotices = improvementNotices;
  }

  @PostMapping("/complaints/{trackingNumber}/answer")
  String answerQuestion(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      @RequestParam(required = false) String answer) {
    var complaint = access.open(trackingNumber, token);
    if (answer == null || answer.isBlank() || answer.trim().length() > ComplainantActions.MAX_ANSWER) {
      return redirect(trackingNumber, token, Notice.ANSWER_MISSING);
    }
    try {
      actions.answerQuestion(complaint, answer);
      return redirect(trackingNumber, token, Notice.ANSWER_THANKS);
    } catch (ComplaintConflict noQuestion) {
      return redirect(trackingNumber, token, Notice.ANSWER_CLOSED);
    }
  }

  @PostMapping("/complaints/{trackingNumber}/survey")
  String answerSurvey(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      @RequestParam(required = false) Integer satisfaction, @RequestParam(required = false) String comment) {
    var complaint = access.open(trackingNumber, token);
    if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
      return redirect(trackingNumber, token, Notice.SURVEY_MISSING);
    }
    try {
      actions.answerSurvey(complaint, satisfaction, comment == null ? null : truncated(comment));
      return redirect(trackingNumber, token, Notice.SURVEY_THANKS);
    } catch (ComplaintConflict alreadyAnswered) {
      return redirect(trackingNumber, token, Notice.SURVEY_CLOSED);
    }
  }

  @GetMapping("/complaints/{trackingNumber}/withdraw")
  String confirmWithdrawal(@PathVariable String trackingNumber, @RequestParam(required = false) String token,
      Model model) {
    var complaint = access.open(trackingNumber, token);
    model.addAttribute("trackingNumber", complaint.trackingNumber());
    model.addAttribute("token", token);
    return "withdraw-confirm";
  }

  @PostMapping("/complaints/{trackingNumber}/withdraw")
  String withdraw(@PathVariable String trackingNumber, @RequestParam(required = false) String token) {
    try {
      actions.withdraw(access.open(trackingNumber, token));
      return redirect(trackingNumber, token, Notice.WITHDRAWN);
    } catch (ComplaintConflict closed) {
      return redirect(trackingNumber, token, Notice.NOT_WITHDRAWABLE);
    }
  }

  /** Optional to the complainant: an email when the improvement their complaint is part of is in place. */
  @PostMapping("/complaints/{trackingNumber}/improvement-notice")
  String askForImprovementNotice(@PathVariable String trackingNumber, @RequestParam(required = false) String token) {
    boolean asked = improvementNotices.ask(access.open(trackingNumber, token));
    return redirect(trackingNumber, token, asked ? Notice.IMPROVEMENT_NOTICE_THANKS : Notice.IMPROVEMENT_NOTICE_NOT_OFFERED);
  }

  private static String truncated(String comment) {
    return comment.length() > 2000 ? comment.substring(0, 2000) : comment;
  }

  private static String redirect(String trackingNumber, String token, Notice notice) {
    return "redirect:" + StatusPage.link(trackingNumber, token, notice);
  }
}
