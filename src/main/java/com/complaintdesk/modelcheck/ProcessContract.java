package com.complaintdesk.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * processes/contract.yaml: the user tasks with their forms and the variables they set (of complaint-handling, and of
 * the processes under {@code otherProcesses}), the messages and every process variable with an example. The Java code relies on these names; the model check holds the models to them.
 */
public record ProcessContract(String processKey, Map<String, UserTask> userTasks,
    Map<String, List<String>> messages, Map<String, Variable> variables) {

  public static final String FILE = "processes/contract.yaml";

  /** A user task of the contract: its process, the form it opens and the variables completing it sets. */
  public record UserTask(String process, String form, List<String> sets) {
  }

  /** A process variable: its type, an example value and what it means. */
  public record Variable(String type, Object example, String meaning) {

    /** The example as the engine would hold it (dates as Date), for evaluating expressions. */
    public Object exampleValue() {
      if ("date".equals(type) && example != null) {
        return example instanceof Date date ? date : Date.from(OffsetDateTime.parse(example.toString()).toInstant());
      }
      return example;
    }
  }

  public static ProcessContract read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  @SuppressWarnings("unchecked")
  public static ProcessContract read(InputStream in) {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    if (root == null) {
      throw new IllegalArgumentException("the file is empty");
    }
    String process = (String) root.get("process");
    Map<String, UserTask> userTasks = new LinkedHashMap<>();
    readUserTasks(process, section(root, "userTasks"), userTasks);
    if (root.get("otherProcesses") != null) {
      section(root, "otherProcesses").forEach((otherProcess, tasks) ->
          readUserTasks(otherProcess, tasks == null ? Map.of() : (Map<String, Object>) tasks, userTasks));
    }
    Map<String, List<String>> messages = new LinkedHashMap<>();
    section(root, "messages").forEach((name, value) -> messages.put(name, value == null ? List.of() : (List<String>) value));
    Map<String, Variable> variables = new LinkedHashMap<>();
    section(root, "variables").forEach((name, value) -> {
      var variable = (Map<String, Object>) value;
      variables.put(name, new Variable((String) variable.get("type"), variable.get("example"), (String) variable.get("meaning")));
    });
    return new ProcessContract(process, userTasks, messages, variables);
  }

  @SuppressWarnings("unchecked")
  private static void readUserTasks(String process, Map<String, Object> tasks, Map<String, UserTask> into) {
    tasks.forEach((id, value) -> {
      var task = (Map<String, Object>) value;
      if (into.put(id, new UserTask(process, (String) task.get("form"),
          (List<String>) task.getOrDefault("sets", List.of()))) != null) {
        throw new IllegalArgumentException("the user task " + id + " is listed twice: user task ids are unique across"
            + " the processes");
      }
    });
  }

  /** The processes the contract covers: complaint-handling and those under otherProcesses. */
  public java.util.Set<String> processKeys() {
    var keys = new java.util.LinkedHashSet<String>();
    keys.add(processKey);
    userTasks.values().forEach(task -> keys.add(task.process()));
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> root, String name) {
    Object section = root.get(name);
    if (!(section instanceof Map)) {
      throw new IllegalArgumentException("the section '" + name + ":' is missing");
    }
    return (Map<String, Object>) section;
  }

  /** The example value of every variable, by name. */
  public Map<String, Object> examples() {
    Map<String, Object> examples = new LinkedHashMap<>();
    variables.forEach((name, variable) -> examples.put(name, variable.exampleValue()));
    return examples;
  }
}
