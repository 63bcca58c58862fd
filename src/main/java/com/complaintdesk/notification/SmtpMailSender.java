package com.complaintdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notifications as mail over SMTP when {@code spring.mail.host} is set: plain text and HTML as
 * alternatives, and the notification's stable Message-ID, so a message sent again after a crash is recognisable
 * as the same one (by the mail server's duplicate check, or by the reader's mail program).
 */
@Component
// the exact opposite of LocalOutboxSender's condition, so that an empty SPRING_MAIL_HOST means no mail server
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class SmtpMailSender implements NotificationSender {

  private final JavaMailSender mail;
  private final String from;

  SmtpMailSender(JavaMailSender mail, NotificationProperties properties) {
    this.mail = mail;
    this.from = properties.from();
  }

  @Override
  public void send(Delivery delivery) {
    mail.send(mime(delivery));
  }

  private MimeMessage mime(Delivery delivery) {
    MimeMessage mime = mail.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(delivery.addresses().toArray(String[]::new));
      helper.setSubject(delivery.message().subject());
      helper.setText(delivery.message().text(), delivery.message().html());
      helper.setSentDate(ClockUtil.getCurrentTime());
      // RFC 3834: an automatic message; out-of-office replies should not answer it.
      mime.setHeader("Auto-Submitted", "auto-generated");
      // JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would otherwise make a new one).
      mime.setHeader("Message-ID", delivery.messageId());
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not prepare the mail of notification " + delivery.notification().id(), e);
    }
    return mime;
  }
}
