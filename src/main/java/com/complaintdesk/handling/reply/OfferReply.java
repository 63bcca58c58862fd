package com.complaintdesk.handling.reply;

import static com.complaintdesk.complaint.ComplaintVariables.SEND_PROGRESS_REPLY;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.ComplaintJournal;
import java.time.ZoneId;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Offers the handler a reply drafted from the stage's template, filled with the complaint's fields in the
 * complainant's language, as a task-local variable the task's form shows in an editable field. What the form
 * submits replaces it; it ends with the task, so no draft stays in the process.
 */
@Component("offerReply")
public class OfferReply implements TaskListener {

  private final ComplaintJournal journal;
  private final Catalogue catalogue;
  private final ReplyTemplates templates;

  public OfferReply(ComplaintJournal journal, Catalogue catalogue, ReplyTemplates templates) {
    this.journal = journal;
    this.catalogue = catalogue;
    this.templates = templates;
  }

  @Override
  public void notify(DelegateTask task) {
    ReplyStage stage = ReplyStage.ofTask(task.getTaskDefinitionKey()).orElseThrow(() -> new IllegalStateException(
        "offerReply is a listener of " + Arrays.toString(ReplyStage.values()) + ", not of "
            + task.getTaskDefinitionKey() + ": remove it there, or add the stage and its templates"));
    var complaint = journal.complaint(task.getExecution().getProcessBusinessKey());
    String language = ReplyTemplates.languageOf(complaint.locale());
    String draft = templates.lookup(stage, complaint.category(), language)
        .fill(ReplyFields.of(complaint, catalogue, language, ZoneId.systemDefault()));
    task.setVariableLocal(stage.draftVariable(), draft);
    if (stage == ReplyStage.IMPLEMENT_PLAN) {
      // Sending is the handler's choice each round; task-local, so Tasklist's answer stays with the task too.
      task.setVariableLocal(SEND_PROGRESS_REPLY, false);
    }
  }
}
