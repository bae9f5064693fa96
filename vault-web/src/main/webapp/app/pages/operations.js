// Operations (admins): the transcode queue, dead letters with retry, and the catalog index with its rebuild.
import { api } from '../api.js';
import { h, page, alertBox, formatDate } from '../ui.js';

export default async function operations() {
  const queue = h('section', { 'aria-labelledby': 'q-h' }, h('h2', { id: 'q-h' }, 'Transcode queue'));
  const catalog = h('section', { 'aria-labelledby': 'c-h' }, h('h2', { id: 'c-h' }, 'Catalog index'));
  const message = h('div', {});
  page('Operations', h('h1', {}, 'Operations'), message, queue, catalog);

  async function loadQueue() {
    try {
      const { body } = await api('admin/transcodes');
      const dead = body.deadLetters || [];
      queue.replaceChildren(h('h2', { id: 'q-h' }, 'Transcode queue'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Waiting'), h('dd', { id: 'queue-depth' }, String(body.queueDepth)),
          h('dt', {}, 'Waiting for Redis'), h('dd', {}, String(body.waitingForRedis)),
          h('dt', {}, 'Dead letters'), h('dd', {}, String(dead.length))),
        dead.length ? h('table', {},
          h('caption', {}, 'Dead letters: transcodes that failed every attempt'),
          h('thead', {}, h('tr', {}, ['Video', 'Reason', 'Failed', 'Attempts', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, dead.map((d) => h('tr', {},
            h('td', {}, h('code', {}, d.videoId)), h('td', {}, d.reason), h('td', {}, formatDate(d.failedAt)), h('td', {}, String(d.attempts)),
            h('td', {}, h('button', { type: 'button', onclick: () => retry(d.videoId) }, 'Retry'))))))
          : h('p', { class: 'muted' }, 'No dead letters.'),
        h('button', { type: 'button', onclick: loadQueue }, 'Refresh'));
    } catch (e) {
      queue.append(alertBox(`The queue could not be read: ${e.message}`));
    }
  }

  async function retry(videoId) {
    try {
      await api(`admin/transcodes/dead/${videoId}/retry`, { method: 'POST' });
      message.replaceChildren(alertBox('Queued again.', 'success'));
      loadQueue();
    } catch (e) {
      message.replaceChildren(alertBox(`Not queued: ${e.message}`));
    }
  }

  async function loadCatalog() {
    try {
      const { body } = await api('admin/catalog');
      catalog.replaceChildren(h('h2', { id: 'c-h' }, 'Catalog index'),
        h('p', {}, 'State: ', h('strong', { id: 'catalog-state' }, body.index)),
        h('button', { type: 'button', onclick: rebuild }, 'Rebuild the index from meta.json'));
    } catch (e) {
      catalog.append(alertBox(`The catalog state could not be read: ${e.message}`));
    }
  }

  async function rebuild() {
    try {
      await api('admin/catalog/rebuild', { method: 'POST' });
      message.replaceChildren(alertBox('Rebuild started. Lists stay available while it runs.', 'success'));
      loadCatalog();
    } catch (e) {
      message.replaceChildren(alertBox(`Not started: ${e.message}`));
    }
  }

  await Promise.all([loadQueue(), loadCatalog()]);
}
