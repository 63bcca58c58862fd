// The calls the plugins make: our read-only plugin API and the engine API of the webapps, both with the Cockpit
// login (the session cookie); they only read, so no CSRF token is needed.

/** Where the webapps live (e.g. /camunda): Cockpit's <base app-root>. */
export function appRoot() {
  return document.querySelector('base').getAttribute('app-root');
}

/** The application's own root (the webapps live one level below it, at /camunda): for the staff pages and webjars. */
export function contextRoot() {
  return appRoot().replace(/\/[^/]*$/, '');
}

/** A failed call: its HTTP status, the problem detail's text and its title (which kind of problem). */
export class ApiError extends Error {
  constructor(status, detail, title) {
    super(detail);
    this.status = status;
    this.title = title;
  }
}

async function getJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (notJson) {
      // a status without a problem detail
    }
    throw new ApiError(response.status, problem.detail || problem.message || response.statusText, problem.title);
  }
  return response.json();
}

function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const plugin = path => `${appRoot()}/complaint-desk/api${path}`;

export const instancesOf = (processDefinitionId, filter) =>
  getJson(plugin(`/process-definitions/${encodeURIComponent(processDefinitionId)}/instances${query(filter)}`));

export const historyOf = processInstanceId =>
  getJson(plugin(`/process-instances/${encodeURIComponent(processInstanceId)}/history`));

export const complaintOf = processInstanceId =>
  getJson(plugin(`/process-instances/${encodeURIComponent(processInstanceId)}/complaint`));

/** The BPMN XML of a process definition, from the engine API (READ on the definition). */
export const diagramOf = (api, processDefinitionId) =>
  getJson(`${api.engineApi}/process-definition/${encodeURIComponent(processDefinitionId)}/xml`)
    .then(definition => definition.bpmn20Xml);
