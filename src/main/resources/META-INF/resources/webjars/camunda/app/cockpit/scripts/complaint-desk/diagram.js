// The process diagram of an instance with the path it took, drawn by bpmn-js (the webjar the app serves; see
// pom.xml): every element passed gets a marker and a badge with how often it was passed.
import {contextRoot} from './api.js';
import {h} from './dom.js';

const BPMN_JS = '/webjars/bpmn-js/8.0.0/dist';
let viewerClass;

/** bpmn-js's viewer, loaded once as a script (its UMD bundle sets window.BpmnJS). */
function loadViewer() {
  if (!viewerClass) {
    viewerClass = new Promise((resolve, reject) => {
      if (window.BpmnJS) {
        resolve(window.BpmnJS);
        return;
      }
      document.head.appendChild(h('link', {rel: 'stylesheet', href: `${contextRoot()}${BPMN_JS}/assets/diagram-js.css`}));
      document.head.appendChild(h('link', {rel: 'stylesheet',
        href: `${contextRoot()}${BPMN_JS}/assets/bpmn-font/css/bpmn.css`}));
      const script = h('script', {src: `${contextRoot()}${BPMN_JS}/bpmn-navigated-viewer.production.min.js`});
      script.addEventListener('load', () => resolve(window.BpmnJS));
      script.addEventListener('error', () => reject(new Error('bpmn-js could not be loaded')));
      document.head.appendChild(script);
    });
  }
  return viewerClass;
}

/**
 * Draws the diagram into container and marks the path: passed is {activityId: times passed}, active the ids
 * of the elements the instance waits in now.
 */
export async function drawPath(container, xml, passed, active) {
  const BpmnJS = await loadViewer();
  const viewer = new BpmnJS({container});
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  for (const [activityId, times] of Object.entries(passed)) {
    if (!registry.get(activityId)) {
      continue;
    }
    const scope = registry.get(activityId).type === 'bpmn:SubProcess';
    canvas.addMarker(activityId, active.has(activityId) ? 'cd-active' : scope ? 'cd-passed-scope' : 'cd-passed');
    overlays.add(activityId, 'cd-count', {
      position: {bottom: 12, right: 12},
      html: h('span', {className: 'cd-count-badge', 'data-activity': activityId,
        title: `${activityId}: ${times}`}, String(times))
    });
  }
  canvas.zoom('fit-viewport');
  return viewer;
}
