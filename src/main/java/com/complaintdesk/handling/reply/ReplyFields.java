package com.complaintdesk.handling.reply;

import com.complaintdesk.complaint.Catalogue;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.Department;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a reply template may name: the complaint's fields from our tables, in the complainant's language. The
 * complainant's name is not among them: a draft lives in the engine (task variables, their history), where
 * personal data never goes.
 */
public final class ReplyFields {

  /** The placeholders a template may use, each with what it becomes (the model check and docs list them). */
  public static final Map<String, String> PLACEHOLDERS = placeholders();

  /** A placeholder that looks natural but is refused on purpose, with the reason a manager is told. */
  static final Map<String, String> REFUSED = Map.of(
      "name", "the complainant's name is not offered: the draft lives in the engine, where personal data never goes;"
          + " greet without a name (\"Hello,\", \"您好！\")");

  private ReplyFields() {
  }

  private static Map<String, String> placeholders() {
    var names = new LinkedHashMap<String, String>();
    names.put("trackingNumber", "the tracking number, e.g. CD-7K2M9QX4TB");
    names.put("subject", "the complaint's subject");
    names.put("category", "the category's label of processes/catalogue.yaml in the complainant's language");
    names.put("department", "the department's name of processes/catalogue.yaml");
    names.put("plan", "the handler's plan (Propose handling plan)");
    names.put("receivedAt", "the day the complaint reached us");
    names.put("responseDueAt", "the day the initial plan was due");
    return Collections.unmodifiableMap(names);
  }

  public static Set<String> names() {
    return PLACEHOLDERS.keySet();
  }

  /** The values of every placeholder for one complaint, in {@code language} ({@code en} or {@code zh}). */
  public static Map<String, String> of(Complaint complaint, Catalogue catalogue, String language, ZoneId zone) {
    Locale locale = ReplyTemplates.CHINESE.equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    var days = DateTimeFormatter.ofPattern(ReplyTemplates.CHINESE.equals(language) ? "yyyy年M月d日" : "d MMMM yyyy",
        locale).withZone(zone);
    var fields = new LinkedHashMap<String, String>();
    fields.put("trackingNumber", complaint.trackingNumber());
    fields.put("subject", orEmpty(complaint.subject()));
    fields.put("category", complaint.category() == null ? "" : catalogue.label(complaint.category(), locale));
    fields.put("department", departmentName(catalogue, complaint.department()));
    fields.put("plan", orEmpty(complaint.plan()));
    fields.put("receivedAt", day(complaint.receivedAt(), days));
    fields.put("responseDueAt", day(complaint.responseDueAt(), days));
    return fields;
  }

  private static String departmentName(Catalogue catalogue, String department) {
    if (department == null) {
      return "";
    }
    return catalogue.departments().stream().filter(known -> known.id().equals(department)).map(Department::name)
        .findFirst().orElse(department);
  }

  private static String day(Instant instant, DateTimeFormatter days) {
    return instant == null ? "" : days.format(instant);
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
