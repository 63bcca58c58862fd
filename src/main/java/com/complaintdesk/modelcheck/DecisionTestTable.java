package com.complaintdesk.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decision's test table, processes/&lt;decision key&gt;.test.csv, as a designer keeps it in a spreadsheet: a header
 * row with {@code case}, one column per input and one {@code expect <output>} column per output; then one row
 * per case. An all-empty expectation means "no rule matches, a human decides". Lines starting with # are notes.
 */
public record DecisionTestTable(String decisionKey, String file, List<Row> rows) {

  public static final String SUFFIX = ".test.csv";
  private static final String EXPECT = "expect ";

  /** One case: its name, its line in the file, the inputs and the expected outputs (as text). */
  public record Row(String name, int line, Map<String, Object> inputs, Map<String, String> expected) {

    public boolean expectsNoMatch() {
      return expected.values().stream().allMatch(String::isEmpty);
    }
  }

  public static DecisionTestTable read(String file, InputStream in) throws IOException {
    String name = file.substring(file.lastIndexOf('/') + 1);
    String decisionKey = name.substring(0, name.length() - SUFFIX.length());
    // Spreadsheets like to save a byte order mark and Windows line endings.
    String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n");
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      List<String> cells = cells(lines[i]);
      if (header == null) {
        header = cells;
      } else {
        rows.add(row(header, cells, i + 1));
      }
    }
    return new DecisionTestTable(decisionKey, file, rows);
  }

  private static Row row(List<String> header, List<String> cells, int line) {
    String name = "";
    Map<String, Object> inputs = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String column = header.get(c).trim();
      String cell = c < cells.size() ? cells.get(c) : "";
      if (column.equals("case")) {
        name = cell;
      } else if (column.startsWith(EXPECT)) {
        expected.put(column.substring(EXPECT.length()).trim(), cell);
      } else {
        inputs.put(column, inputValue(cell));
      }
    }
    return new Row(name, line, inputs, expected);
  }

  private static Object inputValue(String cell) {
    return switch (cell) {
      case "" -> null;
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> cell;
    };
  }

  // Quoting matters because cells such as "legal,complaint-managers" hold commas themselves.
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
