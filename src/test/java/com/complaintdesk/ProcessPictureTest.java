package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * docs/complaint-handling.svg is the picture designers and readers see first, so it must show the model as it
 * is. It is the Camunda Modeler's SVG export, which names every drawn element (data-element-id) and places it
 * where the model's diagram says: comparing the two tells when the picture is stale, without a browser.
 */
class ProcessPictureTest {

  static final Path MODEL = Path.of("processes", "complaint-handling.bpmn");
  static final Path PICTURE = Path.of("docs", "complaint-handling.svg");
  static final String RE_EXPORT = " is out of step with " + MODEL + ". Open the model in the Camunda Modeler, choose"
      + " File → Export As Image, pick SVG and save it as " + PICTURE + " (replacing the old one).";
  /** Half a pixel: the export writes coordinates with less precision than the model may hold. */
  static final double TOLERANCE = 0.5;
  static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?");
  static final Pattern TRANSLATION =
      Pattern.compile("(?:matrix\\(1[ ,]+0[ ,]+0[ ,]+1[ ,]+|translate\\()(" + NUMBER + ")[ ,]+(" + NUMBER + ")\\)");

  static Map<String, Bounds> diagramShapes;
  static Map<String, List<double[]>> diagramFlows;
  static Map<String, Drawn> picture;

  @BeforeAll
  static void readModelAndPicture() throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(MODEL.toFile());
    diagramShapes = new LinkedHashMap<>();
    for (var shape : model.getModelElementsByType(BpmnShape.class)) {
      String id = shape.getBpmnElement().getId();
      diagramShapes.put(id, shape.getBounds());
      labelBounds(shape.getBpmnLabel()).ifPresent(bounds -> diagramShapes.put(id + "_label", bounds));
    }
    diagramFlows = new LinkedHashMap<>();
    for (var edge : model.getModelElementsByType(BpmnEdge.class)) {
      String id = ((BaseElement) edge.getBpmnElement()).getId();
      diagramFlows.put(id, edge.getWaypoints().stream()
          .map(point -> new double[] {point.getX(), point.getY()}).toList());
      labelBounds(edge.getBpmnLabel()).ifPresent(bounds -> diagramShapes.put(id + "_label", bounds));
    }
    picture = readPicture();
  }

  @Test
  void pictureShowsEveryElementOfTheDiagramAndNoOther() {
    var modelled = new ArrayList<String>();
    modelled.addAll(diagramShapes.keySet().stream().filter(id -> !id.endsWith("_label")).toList());
    modelled.addAll(diagramFlows.keySet());
    var drawn = picture.keySet().stream().filter(id -> !id.endsWith("_label")).toList();
    var labelled = picture.keySet().stream().filter(id -> id.endsWith("_label"))
        .map(id -> id.substring(0, id.length() - "_label".length())).toList();
    assertThat(drawn).as(PICTURE + RE_EXPORT).containsExactlyInAnyOrderElementsOf(modelled);
    assertThat(modelled).as("labels in " + PICTURE + RE_EXPORT).containsAll(labelled);
  }

  @Test
  void pictureShowsEveryShapeAndLabelWhereTheDiagramPlacesIt() {
    var misplaced = new ArrayList<String>();
    diagramShapes.forEach((id, bounds) -> {
      var drawn = picture.get(id);
      if (drawn == null) {
        misplaced.add(id + " is missing");
      } else if (!near(drawn.x(), bounds.getX()) || !near(drawn.y(), bounds.getY())
          // a label's size follows its text in the fonts of the machine that drew it
          || !id.endsWith("_label") && (!near(drawn.width(), bounds.getWidth())
              || !near(drawn.height(), bounds.getHeight()))) {
        misplaced.add(id + " is drawn at " + drawn.x() + "," + drawn.y() + " size " + drawn.width() + "x"
            + drawn.height() + ", the model has " + bounds.getX() + "," + bounds.getY() + " size "
            + bounds.getWidth() + "x" + bounds.getHeight());
      }
    });
    assertThat(misplaced).as(PICTURE + RE_EXPORT).isEmpty();
  }

  @Test
  void pictureDrawsEveryFlowAlongTheDiagramsWaypoints() {
    var rerouted = new ArrayList<String>();
    diagramFlows.forEach((id, waypoints) -> {
      var drawn = picture.get(id);
      if (drawn == null) {
        rerouted.add(id + " is missing");
      } else if (!samePoints(drawn.waypoints(), waypoints)) {
        rerouted.add(id + " is drawn along " + text(drawn.waypoints()) + ", the model has " + text(waypoints));
      }
    });
    assertThat(rerouted).as(PICTURE + RE_EXPORT).isEmpty();
  }

  private static Optional<Bounds> labelBounds(BpmnLabel label) {
    return Optional.ofNullable(label).map(BpmnLabel::getBounds);
  }

  /** The elements the export draws, by id: shapes and labels with their box, flows with their points. */
  private static Map<String, Drawn> readPicture() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    // the export declares the SVG 1.1 DTD; reading it would need the network and adds nothing here
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var svg = factory.newDocumentBuilder().parse(PICTURE.toFile());
    var drawn = new LinkedHashMap<String, Drawn>();
    var groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      var group = (Element) groups.item(i);
      String id = group.getAttribute("data-element-id");
      String kind = group.getAttribute("class");
      if (id.isEmpty()) {
        continue;
      }
      var hit = hitArea(group);
      if (kind.contains("djs-shape")) {
        Matcher at = TRANSLATION.matcher(group.getAttribute("transform"));
        assertThat(at.find()).as("%s: position of %s", PICTURE, id).isTrue();
        drawn.put(id, new Drawn(Double.parseDouble(at.group(1)), Double.parseDouble(at.group(2)),
            number(hit, "width"), number(hit, "height"), List.of()));
      } else if (kind.contains("djs-connection")) {
        String points = hit.hasAttribute("d") ? hit.getAttribute("d") : hit.getAttribute("points");
        drawn.put(id, new Drawn(0, 0, 0, 0, points(points)));
      }
    }
    return drawn;
  }

  /** The invisible outline the Modeler draws around each element: its box or its path, without decoration. */
  private static Element hitArea(Element group) {
    var children = group.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getAttribute("class").contains("djs-hit")) {
        return child;
      }
    }
    throw new AssertionError(PICTURE + ": " + group.getAttribute("data-element-id")
        + " has no outline; is it the Camunda Modeler's SVG export?");
  }

  private static double number(Element element, String attribute) {
    return Double.parseDouble(element.getAttribute(attribute));
  }

  private static List<double[]> points(String path) {
    var numbers = new ArrayList<Double>();
    Matcher matcher = NUMBER.matcher(path);
    while (matcher.find()) {
      numbers.add(Double.parseDouble(matcher.group()));
    }
    var points = new ArrayList<double[]>();
    for (int i = 0; i + 1 < numbers.size(); i += 2) {
      points.add(new double[] {numbers.get(i), numbers.get(i + 1)});
    }
    return points;
  }

  private static boolean samePoints(List<double[]> drawn, List<double[]> modelled) {
    if (drawn.size() != modelled.size()) {
      return false;
    }
    for (int i = 0; i < drawn.size(); i++) {
      if (!near(drawn.get(i)[0], modelled.get(i)[0]) || !near(drawn.get(i)[1], modelled.get(i)[1])) {
        return false;
      }
    }
    return true;
  }

  private static boolean near(double drawn, double modelled) {
    return Math.abs(drawn - modelled) <= TOLERANCE;
  }

  private static String text(List<double[]> points) {
    return points.stream().map(point -> point[0] + "," + point[1]).toList().toString();
  }

  /** One element as the picture draws it. */
  record Drawn(double x, double y, double width, double height, List<double[]> waypoints) {
  }
}
