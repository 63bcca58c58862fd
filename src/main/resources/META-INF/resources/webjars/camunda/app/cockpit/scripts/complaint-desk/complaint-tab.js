// The "Complaint" tab: the complaint behind a process instance, from complaint-desk's own tables: its facts,
// deadlines, missed deadlines and timeline, with the way to its audit page. No texts, no contact details.
import {complaintOf, contextRoot} from './api.js';
import {facts, h, show, table} from './dom.js';
import {eventLabel, t, time} from './i18n.js';
import {problem} from './problem.js';

export async function renderComplaint(node, processInstanceId) {
  show(node, h('p', {className: 'cd-loading'}, t('loading')));
  try {
    const complaint = await complaintOf(processInstanceId);
    show(node, view(complaint));
  } catch (error) {
    show(node, problem(error));
  }
}

function view(complaint) {
  const yesNo = value => (value === null || value === undefined ? '–' : value ? t('yes') : t('no'));
  return h('div', {className: 'cd-complaint'},
    facts([
      [t('trackingNumber'), complaint.trackingNumber],
      [t('status'), complaint.status],
      [t('channel'), complaint.channel],
      [t('category'), complaint.category || '–'],
      [t('priority'), complaint.priority || '–'],
      [t('department'), complaint.department || '–'],
      [t('handler'), complaint.handler || '–'],
      [t('received'), time(complaint.receivedAt)],
      [t('logged'), time(complaint.loggedAt)],
      [t('closed'), time(complaint.closedAt)],
      [t('reopened'), t('times', {count: complaint.reopenCount})],
      [t('satisfaction'), complaint.satisfaction ? `${complaint.satisfaction} / 5` : '–'],
      [t('goalMet'), yesNo(complaint.goalMet)],
      ...(complaint.duplicateOf ? [[t('duplicateOf'), complaint.duplicateOf]] : []),
      [t('loggingDue'), time(complaint.loggingDueAt)],
      [t('responseDue'), time(complaint.responseDueAt)]
    ]),
    h('p', {}, h('a', {className: 'cd-audit-link', href: `${contextRoot()}${complaint.auditPage}`, target: '_blank',
      rel: 'noopener'}, t('auditPage'))),
    h('h4', {}, t('missedDeadlines')),
    complaint.breaches.length === 0 ? h('p', {className: 'cd-no-breach'}, t('noBreach'))
      : table(t('missedDeadlines'), [t('deadline'), t('due'), t('recorded')],
        complaint.breaches.map(breach => [breach.deadline, time(breach.dueAt), time(breach.recordedAt)]),
        'cd-breaches'),
    h('h4', {}, t('timeline')),
    table(t('timeline'), [t('when'), t('event'), t('status'), t('actor'), t('detail')],
      complaint.timeline.map(entry => h('tr', {className: entry.breach ? 'cd-breach' : ''},
        h('td', {}, time(entry.at)),
        h('td', {}, eventLabel(entry), entry.internal ? h('span', {className: 'label label-default cd-tag'},
          t('internal')) : null),
        h('td', {}, entry.status || '–'),
        h('td', {}, entry.actor || '–'),
        h('td', {}, entry.detail || ''))),
      'cd-timeline'));
}
