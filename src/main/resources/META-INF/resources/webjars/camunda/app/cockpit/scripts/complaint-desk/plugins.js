// complaint-desk's Cockpit plugins for auditors (registered in ../config.js): Community Cockpit shows running
// instances only; these show the history of every complaint, finished or not, with the logged-in user's rights.
import {h, useStyles} from './dom.js';
import {renderComplaint} from './complaint-tab.js';
import {renderHistoryTab} from './history-tab.js';
import {renderInstanceHistory} from './instance-history.js';
import {t} from './i18n.js';

useStyles();

export default [
  {
    id: 'complaint-desk.definition-history',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 5,
    properties: {label: t('history')},
    render: (node, {processDefinitionId}) => renderHistoryTab(node, processDefinitionId)
  },
  {
    id: 'complaint-desk.instance-history',
    pluginPoint: 'cockpit.route',
    properties: {path: '/complaint-history/:id', label: t('history')},
    render: (node, {api}) => renderInstanceHistory(node, api)
  },
  {
    id: 'complaint-desk.instance-complaint',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    properties: {label: t('complaint')},
    render: (node, {processInstanceId}) => renderComplaint(node, processInstanceId)
  },
  {
    id: 'complaint-desk.instance-history-link',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 5,
    // an icon like Cockpit's other actions in the narrow bar beside the diagram, its words as title and label
    render: (node, {processInstanceId}) => node.appendChild(h('a', {
      className: 'btn btn-default action-button cd-history-link',
      href: `#/complaint-history/${encodeURIComponent(processInstanceId)}`,
      title: t('openHistory'),
      'aria-label': t('openHistory')
    }, h('span', {className: 'glyphicon glyphicon-time', 'aria-hidden': 'true'})))
  }
];
