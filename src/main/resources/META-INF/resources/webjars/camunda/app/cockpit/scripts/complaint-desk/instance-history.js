// The instance history page (#/complaint-history/<process instance id>): what Community Cockpit does not show for
// a finished instance. The diagram with the path taken, then tabs: activities, timers, decisions, variables,
// incidents, user operations and the complaint itself.
import {diagramOf, historyOf} from './api.js';
import {renderComplaint} from './complaint-tab.js';
import {drawPath} from './diagram.js';
import {facts, h, show, table, tabs} from './dom.js';
import {duration, t, time} from './i18n.js';
import {problem} from './problem.js';

/** The process instance id of the page's route. */
export function routeInstanceId() {
  const match = /#\/complaint-history\/([^/?]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export async function renderInstanceHistory(node, api) {
  const page = h('div', {className: 'cd-instance-history'});
  show(node, page);
  const processInstanceId = routeInstanceId();
  show(page, h('p', {className: 'cd-loading'}, t('loading')));
  let history;
  try {
    history = await historyOf(processInstanceId);
  } catch (error) {
    show(page, problem(error));
    return;
  }
  const instance = history.instance;
  const diagram = h('div', {className: 'cd-diagram', role: 'img', 'aria-label': t('diagramCaption')});
  show(page,
    breadcrumbs(instance),
    h('h2', {}, t('instanceHistory', {trackingNumber: instance.trackingNumber || instance.id})),
    facts([
      [t('processInstance'), instance.id],
      [t('model'), `${instance.definitionKey} (${t('version')} ${instance.definitionVersion})`],
      [t('started'), time(instance.startedAt)],
      [t('ended'), instance.endedAt ? time(instance.endedAt) : t('running')],
      [t('duration'), duration(instance.durationMillis)],
      [t('endState'), h('span', {className: 'cd-end-state'}, t(`state_${instance.endState}`))],
      [t('sla'), instance.breached ? h('span', {className: 'label label-danger cd-sla'}, t('breached'))
        : h('span', {className: 'cd-sla'}, t('notBreached'))]
    ]),
    h('p', {className: 'cd-hint'}, t('diagramCaption')),
    diagram,
    tabs('history', [
      {id: 'activities', label: t('activities'), render: panel => show(panel, activities(history.activities))},
      {id: 'timers', label: t('timers'), render: panel => show(panel, timers(history.timers))},
      {id: 'decisions', label: t('decisions'), render: panel => show(panel, decisions(history.decisions))},
      {id: 'variables', label: t('variables'), render: panel => show(panel, variables(history.variables))},
      {id: 'incidents', label: t('incidents'), render: panel => show(panel, incidents(history.incidents))},
      {id: 'operations', label: t('operations'), render: panel => show(panel, operations(history.operations))},
      {id: 'complaint', label: t('complaint'), render: panel => renderComplaint(panel, instance.id)}
    ]));
  const active = new Set(history.activities.filter(activity => !activity.endedAt).map(activity => activity.activityId));
  try {
    await drawPath(diagram, await diagramOf(api, instance.definitionId), history.passed, active);
    diagram.dataset.drawn = 'true';
  } catch (error) {
    show(diagram, h('p', {className: 'alert alert-warning'}, `${t('diagramMissing')}: ${error.message}`));
  }
}

function breadcrumbs(instance) {
  return h('ol', {className: 'breadcrumb cd-breadcrumbs'},
    h('li', {}, h('a', {href: '#/'}, t('dashboard'))),
    h('li', {}, h('a', {href: '#/processes'}, t('processes'))),
    h('li', {}, h('a', {href: `#/process-definition/${encodeURIComponent(instance.definitionId)}/runtime`},
      instance.definitionKey)),
    h('li', {className: 'active'}, instance.trackingNumber || instance.id));
}

const nothing = list => (list.length === 0 ? h('p', {className: 'cd-nothing'}, t('nothing')) : null);

function activities(list) {
  return nothing(list) || table(t('activities'),
    [t('activity'), t('type'), t('started'), t('ended'), t('duration'), t('assignee'), t('candidateGroups')],
    list.map(activity => h('tr', {'data-activity': activity.activityId, className: activity.canceled ? 'cd-canceled' : ''},
      h('td', {}, activity.name || activity.activityId, activity.canceled
        ? h('span', {className: 'label label-default cd-tag'}, t('canceled')) : null),
      h('td', {}, activity.type),
      h('td', {}, time(activity.startedAt)),
      h('td', {}, activity.endedAt ? time(activity.endedAt) : t('running')),
      h('td', {}, duration(activity.durationMillis)),
      h('td', {}, activity.assignee || '–'),
      h('td', {}, activity.candidateGroups.join(', ') || '–'))),
    'cd-activities');
}

function timers(list) {
  return nothing(list) || table(t('timers'), [t('timer'), t('created'), t('due'), t('fired'), t('timerState')],
    list.map(timer => h('tr', {'data-activity': timer.activityId, 'data-state': timer.state},
      h('td', {}, timer.name),
      h('td', {}, time(timer.createdAt)),
      h('td', {}, time(timer.dueAt)),
      h('td', {}, timer.firedAt ? [time(timer.firedAt), lateness(timer)] : '–'),
      h('td', {}, t(`timer_${timer.state}`), timer.failures ? ` (${timer.failures}×)` : ''))),
    'cd-timers');
}

function lateness(timer) {
  const late = new Date(timer.firedAt) - new Date(timer.dueAt);
  return late > 0 ? h('span', {className: 'cd-late'}, ` (${duration(late)} ${t('firedLate')})`) : null;
}

function decisions(list) {
  return nothing(list) || h('div', {className: 'cd-decisions'}, list.map(decision =>
    h('section', {className: 'cd-decision', 'data-decision': decision.key},
      h('h4', {}, h('a', {href: `#/decision-instance/${encodeURIComponent(decision.id)}`}, decision.name || decision.key)),
      facts([
        [t('evaluated'), time(decision.evaluatedAt)],
        [t('calledBy'), decision.calledBy],
        [t('rules'), decision.matchedRules.length ? decision.matchedRules.join(', ') : t('noRule')]
      ]),
      table(t('inputs'), [t('inputs'), t('value')], decision.inputs.map(input => [input.label, shown(input)]),
        'cd-inputs'),
      table(t('outputs'), [t('outputs'), t('value')], decision.outputs.map(output => [output.label, shown(output)]),
        'cd-outputs'))));
}

/** A decision's value; a text people wrote comes without its value (the audit page has it). */
function shown(value) {
  return value.value === undefined || value.value === null
    ? h('span', {className: 'cd-hint cd-written-text'}, t('writtenText')) : value.value;
}

function variables(list) {
  return h('div', {},
    h('p', {className: 'cd-hint'}, t('variablesHint')),
    nothing(list) || table(t('variables'), [t('variable'), t('value'), t('type'), t('changedAt'), t('where')],
      list.map(change => [change.name, change.value === null ? '–' : change.value, change.type, time(change.at),
        change.activityName || '–']),
      'cd-variables'));
}

function incidents(list) {
  return nothing(list) || table(t('incidents'), [t('type'), t('message'), t('activity'), t('created'), t('ended'),
    t('state')], list.map(incident => [incident.type, incident.message || '–', incident.activityId,
    time(incident.createdAt), time(incident.endedAt), t(`incident_${incident.state}`)]), 'cd-incidents');
}

function operations(list) {
  return nothing(list) || table(t('operations'), [t('when'), t('who'), t('operation'), t('on'), t('property'),
    t('oldValue'), t('newValue')], list.map(operation => [time(operation.at), operation.userId || '–',
    operation.operationType, operation.taskName ? `${operation.entityType} ${operation.taskName}` : operation.entityType,
    operation.property || '–', operation.orgValue || '–', operation.newValue || '–']), 'cd-operations');
}
