package com.complaintdesk.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Turns a queued notification into the message its reader gets, in the reader's language (English unless
 * the notification's locale is Chinese). The texts live in the bundle {@code mail.properties} /
 * {@code mail_zh_CN.properties}, the layout in {@code templates/mail/<template-in-kebab-case>.html} and
 * {@code .txt}: a designer changes both without touching Java. The payload's keys are the templates'
 * variables; a missing key leaves its part of the message out. Values of keys ending in {@code At} that are
 * ISO instants arrive formatted ({@code mail.dateFormat}); keys ending in {@code Url} must be web addresses.
 */
@Component
public class NotificationMessages {

  static final Set<NotificationTemplate> TO_COMPLAINANT = EnumSet.of(NotificationTemplate.ACKNOWLEDGEMENT,
      NotificationTemplate.PROGRESS_NOTE, NotificationTemplate.RESULT_WITH_SURVEY, NotificationTemplate.REOPENED,
      NotificationTemplate.CLOSED, NotificationTemplate.WITHDRAWN, NotificationTemplate.DUPLICATE,
      NotificationTemplate.LINKED_TO_OPEN_COMPLAINT, NotificationTemplate.QUESTION_FOR_USER,
      NotificationTemplate.QUESTION_REMINDER, NotificationTemplate.IMPROVEMENT_IN_PLACE);

  private static final String TEMPLATES = "templates/";
  private static final String TEMPLATE_FOLDER = "mail/";
  private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
  };

  private final ObjectMapper json;
  private final ZoneId zone;
  private final MessageSource texts;
  private final SpringTemplateEngine html;
  private final SpringTemplateEngine text;

  @Autowired
  public NotificationMessages(ObjectMapper json) {
    this(json, ZoneId.systemDefault());
  }

  /** Dates are shown in {@code zone}, as the status page shows them in the server's zone. */
  NotificationMessages(ObjectMapper json, ZoneId zone) {
    this.json = json;
    this.zone = zone;
    this.texts = mailTexts();
    this.html = engine(TemplateMode.HTML, ".html", texts);
    this.text = engine(TemplateMode.TEXT, ".txt", texts);
  }

  public RenderedMessage render(Notification notification) {
    Locale locale = languageOf(notification.locale());
    String name = templateName(notification.template());
    var context = new Context(locale, variables(notification, locale));
    String subject = texts.getMessage(name + ".subject", new Object[] {context.getVariable("trackingNumber")},
        locale);
    return new RenderedMessage(oneLine(subject), tidy(text.process(TEMPLATE_FOLDER + name, context)),
        html.process(TEMPLATE_FOLDER + name, context));
  }

  /**
   * Chinese for any Chinese locale ("zh", "zh-CN", "zh_CN"), English for everything else and for none: the language
   * of what a complainant reads from us.
   */
  public static Locale languageOf(String locale) {
    if (locale != null && Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage().equals("zh")) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    return Locale.ENGLISH;
  }

  static String templateName(NotificationTemplate template) {
    return template.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private Map<String, Object> variables(Notification notification, Locale locale) {
    var variables = new HashMap<String, Object>();
    var dates = DateTimeFormatter.ofPattern(texts.getMessage("mail.dateFormat", null, locale), locale)
        .withZone(zone);
    payload(notification).forEach((key, value) -> {
      if (value == null || "null".equals(value)) {
        return; // e.g. String.valueOf() of a deadline not set
      }
      if (key.endsWith("Url") && !isWebLink(value)) {
        return; // a link must open a web page, nothing else
      }
      variables.put(key, key.endsWith("At") ? formattedDate(value, dates) : value);
    });
    variables.putIfAbsent("trackingNumber", texts.getMessage("mail.unknownTrackingNumber", null, locale));
    variables.put("lang", locale.getLanguage().equals("zh") ? "zh-CN" : "en");
    variables.put("toComplainant", TO_COMPLAINANT.contains(notification.template()));
    return variables;
  }

  private Map<String, Object> payload(Notification notification) {
    String payload = notification.payload();
    if (payload == null || payload.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(payload, PAYLOAD);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Notification " + notification.id()
          + " has a payload that is not a JSON object; fix or delete its row in the notification table", e);
    }
  }

  private static boolean isWebLink(Object value) {
    String link = value.toString();
    return link.startsWith("https://") || link.startsWith("http://");
  }

  /** An ISO instant becomes a date in the reader's language; anything else stays as it is. */
  private static Object formattedDate(Object value, DateTimeFormatter dates) {
    try {
      return dates.format(Instant.parse(value.toString()));
    } catch (DateTimeParseException e) {
      return value;
    }
  }

  /** A subject is one line of plain text: no line breaks that could add mail headers. */
  private static String oneLine(String subject) {
    return subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").trim();
  }

  /** The text templates stay readable with a part per line; the parts left out leave no gaps. */
  private static String tidy(String text) {
    return text.replaceAll("\\n{3,}", "\n\n").strip() + "\n";
  }

  private static MessageSource mailTexts() {
    var texts = new ResourceBundleMessageSource();
    texts.setBasename("mail");
    texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
    // A text missing in Chinese falls back to English, never to the server's own language.
    texts.setFallbackToSystemLocale(false);
    return texts;
  }

  private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource texts) {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(TEMPLATES);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(texts);
    engine.setEnableSpringELCompiler(true);
    return engine;
  }
}
