package com.complaintdesk.intake.mailbox;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML mail as a person reads it: paragraphs and line breaks kept, tags gone, and what is never
 * shown (scripts, styles, the head) dropped. The result is plain text and goes nowhere as HTML.
 */
final class HtmlText {

  private HtmlText() {
  }

  static String of(String html) {
    var document = Jsoup.parse(html);
    document.select("head, script, style, noscript, template, title").remove();
    var text = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          String words = textNode.text();
          // the spaces between block elements' tags are no text: a line starts with what it says
          text.append(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? words.stripLeading() : words);
        } else if (node instanceof Element element) {
          if (element.normalName().equals("br")) {
            text.append('\n');
          } else if (element.isBlock()) {
            newLine(text);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock()) {
          newLine(text);
        }
      }
    }, document.body());
    return MailReader.tidy(text.toString());
  }

  private static void newLine(StringBuilder text) {
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
  }
}
