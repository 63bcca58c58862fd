// What a failed call of the plugin API tells the reader, in their language.
import {ApiError} from './api.js';
import {h} from './dom.js';
import {t} from './i18n.js';

/** What a failed call tells the reader, in words: no permission, nothing there, or what the server said. */
export function problem(error) {
  let text = `${t('failed')}: ${error.message}`;
  if (error instanceof ApiError && error.status === 403) {
    text = t('noPermission');
  } else if (error instanceof ApiError && error.status === 404) {
    text = error.title === 'No complaint' ? t('noComplaint') : t('notFound');
  }
  return h('div', {className: 'alert alert-warning cd-problem', role: 'status'}, text);
}

