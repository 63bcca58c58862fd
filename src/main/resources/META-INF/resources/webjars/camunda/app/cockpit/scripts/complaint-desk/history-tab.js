// The "History" tab of a process definition: the finished and running instances of its model (every version),
// found by tracking number, end state, breached SLA and period; a row opens the instance history page.
import {instancesOf} from './api.js';
import {h, show, table} from './dom.js';
import {duration, t, time} from './i18n.js';
import {problem} from './problem.js';

const END_STATES = ['RUNNING', 'CLOSED', 'CLOSED_AFTER_FINAL_REVIEW', 'CLOSED_UNANSWERED', 'DUPLICATE', 'WITHDRAWN',
  'CANCELLED'];
const PAGE = 50;

export function renderHistoryTab(node, processDefinitionId) {
  const fields = {
    trackingNumber: h('input', {type: 'search', className: 'form-control', id: 'cd-tracking-number',
      name: 'trackingNumber', placeholder: 'CD-…', autocomplete: 'off', maxLength: 13}),
    state: select('cd-state', 'state', [['', t('any')], ...END_STATES.map(state => [state, t(`state_${state}`)])]),
    breached: select('cd-breached', 'breached', [['', t('any')], ['true', t('yes')], ['false', t('no')]]),
    from: h('input', {type: 'date', className: 'form-control', id: 'cd-from', name: 'from'}),
    to: h('input', {type: 'date', className: 'form-control', id: 'cd-to', name: 'to'})
  };
  const results = h('div', {className: 'cd-results', 'aria-live': 'polite'});
  let firstResult = 0;

  const load = async () => {
    show(results, h('p', {className: 'cd-loading'}, t('loading')));
    const filter = {firstResult, maxResults: PAGE};
    for (const [name, field] of Object.entries(fields)) {
      filter[name] = field.value.trim();
    }
    try {
      show(results, list(await instancesOf(processDefinitionId, filter), page => {
        firstResult = page;
        load();
      }));
    } catch (error) {
      show(results, problem(error));
    }
  };
  const form = h('form', {className: 'form-inline cd-filter', role: 'search',
    onSubmit: event => { event.preventDefault(); firstResult = 0; load(); }},
    field(t('trackingNumber'), fields.trackingNumber),
    field(t('endState'), fields.state),
    field(t('slaBreached'), fields.breached),
    field(t('from'), fields.from),
    field(t('to'), fields.to),
    h('button', {type: 'submit', className: 'btn btn-primary cd-search'}, t('search')),
    h('button', {type: 'button', className: 'btn btn-default', onClick: () => {
      form.reset();
      firstResult = 0;
      load();
    }}, t('reset')));
  show(node, h('div', {className: 'cd-history-tab'}, form, results));
  load();
}

function select(id, name, options) {
  return h('select', {className: 'form-control', id, name},
    options.map(([value, label]) => h('option', {value}, label)));
}

function field(label, control) {
  return h('div', {className: 'form-group'}, h('label', {for: control.id}, label), ' ', control);
}

function list(page, goTo) {
  if (page.total === 0) {
    return h('p', {className: 'cd-none'}, t('none'));
  }
  const last = page.firstResult + page.instances.length;
  const rows = page.instances.map(instance => h('tr', {'data-instance': instance.id},
    h('td', {}, h('a', {href: `#/complaint-history/${encodeURIComponent(instance.id)}`, className: 'cd-open'},
      instance.trackingNumber || instance.id)),
    h('td', {}, String(instance.definitionVersion ?? '–')),
    h('td', {}, time(instance.startedAt)),
    h('td', {}, time(instance.endedAt)),
    h('td', {}, duration(instance.durationMillis)),
    h('td', {className: 'cd-end-state'}, t(`state_${instance.endState}`)),
    h('td', {}, instance.breached ? h('span', {className: 'label label-danger'}, t('breached')) : t('notBreached'))));
  return h('div', {},
    h('p', {className: 'cd-count'}, t('showing', {from: page.firstResult + 1, to: last, total: page.total})),
    table(t('instancesCaption'), [t('trackingNumber'), t('version'), t('started'), t('ended'), t('duration'),
      t('endState'), t('sla')], rows, 'cd-instances'),
    h('nav', {className: 'cd-pages'},
      h('button', {type: 'button', className: 'btn btn-default', disabled: page.firstResult === 0,
        onClick: () => goTo(Math.max(0, page.firstResult - page.maxResults))}, t('previous')),
      ' ',
      h('button', {type: 'button', className: 'btn btn-default', disabled: last >= page.total,
        onClick: () => goTo(last)}, t('next'))));
}
