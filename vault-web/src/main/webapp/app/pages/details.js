// Details: the record, its editing (a merge patch with If-Match: someone else's earlier save is a 412,
// shown as such, never overwritten), the history timeline, and delete and legal hold where allowed.
import { api } from '../api.js';
import { h, page, alertBox, badge, field, formatDate, formatDuration, list, announce } from '../ui.js';

export default async function details({ me }, id) {
  const message = h('div', { class: 'details-message' });
  const main = page('Video details', h('h1', {}, 'Video details'), message);
  let record;
  let etag;
  try {
    const answer = await api(`videos/${id}`);
    record = answer.body;
    etag = answer.headers.get('ETag');
  } catch (e) {
    message.replaceChildren(alertBox(e.status === 404 ? 'There is no such video, or it is not shared with you.' : e.message));
    return;
  }

  const title = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', spellcheck: false, value: record.title || '' });
  const description = h('textarea', { rows: 4, maxlength: 4000, spellcheck: false });
  description.value = record.description || '';
  const tags = h('input', { type: 'text', autocomplete: 'off', spellcheck: false, value: (record.tags || []).join(', ') });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save changes');
  const editable = record.may && record.may.edit && record.status !== 'deleted';
  [title, description, tags, save].forEach((el) => { el.disabled = !editable; });
  const form = h('form', { class: 'record', 'aria-label': 'Video record', onsubmit: (e) => { e.preventDefault(); submit(); } },
    field('Title', title), field('Description', description), field('Tags', tags, 'Separate tags with commas'),
    editable ? h('div', { class: 'actions' }, save) : h('p', { class: 'muted' }, 'Only the owner can change this record.'));

  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Status'), h('dd', {}, badge(record.status)),
    h('dt', {}, 'Uploaded'), h('dd', {}, formatDate(record.createdAt)),
    h('dt', {}, 'Length'), h('dd', {}, formatDuration(record.duration) || '–'),
    h('dt', {}, 'Renditions'), h('dd', {}, (record.renditions || []).map((r) => r.name).join(', ') || '–'),
    h('dt', {}, 'Teams'), h('dd', {}, (record.teams || []).join(', ') || '–'),
    h('dt', {}, 'Legal hold'), h('dd', { id: 'hold-state' }, record.legalHold ? 'Set' : 'None'));

  const actions = h('div', { class: 'actions' },
    record.status === 'transcoded' && me.may.watch ? h('a', { class: 'button', href: `#/videos/${id}/play` }, 'Play') : null,
    record.may && record.may.legalHold && record.status !== 'deleted'
      ? h('button', { type: 'button', id: 'hold', onclick: toggleHold }, record.legalHold ? 'Lift legal hold' : 'Set legal hold') : null,
    record.may && record.may.delete && record.status !== 'deleted'
      ? h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete video') : null);

  const history = h('section', { 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h' }, 'History'));
  main.append(h('div', { class: 'details' }, h('section', { 'aria-label': 'Record' }, facts, actions, form), history));
  if (record.may && record.may.history) loadHistory();
  else history.append(h('p', { class: 'muted' }, 'The history is shown to the owner, auditors and administrators.'));

  async function submit() {
    const patch = {};
    const newTitle = title.value.trim();
    if (newTitle !== (record.title || '')) patch.title = newTitle || null;
    const newDescription = description.value.trim();
    if (newDescription !== (record.description || '')) patch.description = newDescription || null;
    const newTags = list(tags.value);
    if (newTags.join('\u0000') !== (record.tags || []).join('\u0000')) patch.tags = newTags;
    if (!Object.keys(patch).length) { message.replaceChildren(alertBox('Nothing changed.', 'info')); return; }
    save.disabled = true;
    try {
      const answer = await api(`videos/${id}`, { method: 'PATCH', json: patch,
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': etag } });
      record = answer.body;
      etag = answer.headers.get('ETag');
      message.replaceChildren(alertBox('Saved.', 'success'));
      announce('Saved.');
      loadHistory();
    } catch (e) {
      if (e.status === 412) {
        message.replaceChildren(h('div', { class: 'notice error conflict', role: 'alert' },
          'Someone else saved changes to this video first. Your changes were not saved. ',
          h('button', { type: 'button', onclick: () => details({ me }, id) }, 'Load their version')));
      } else {
        message.replaceChildren(alertBox(`Not saved: ${e.message}`));
      }
    } finally {
      save.disabled = false;
    }
  }

  async function loadHistory() {
    const old = history.querySelector('.timeline, .notice');
    try {
      const { body } = await api(`videos/${id}/history`);
      const broken = (body.chains || []).filter((c) => !c.ok);
      const items = h('ol', { class: 'timeline' }, (body.events || []).map((ev) => h('li', { 'data-action': ev.action },
        h('time', { datetime: ev.time }, formatDate(ev.time)), ' ',
        h('strong', {}, ev.action), ' ',
        h('span', { class: 'muted' }, [ev.actor, ev.client, ev.outcome].filter(Boolean).join(' · ')))));
      const parts = [items];
      if (broken.length) parts.unshift(alertBox(`The audit chain ${broken.map((c) => c.category).join(', ')} does not verify: ask an auditor.`));
      if (old) old.remove();
      history.querySelectorAll('.notice').forEach((n) => n.remove());
      history.append(...parts);
    } catch (e) {
      if (old) old.remove();
      history.append(alertBox(`The history could not be loaded: ${e.message}`));
    }
  }

  async function toggleHold() {
    const set = !record.legalHold;
    try {
      const { body } = await api(`videos/${id}/legal-hold`, { method: set ? 'PUT' : 'DELETE' });
      record.legalHold = body.legalHold;
      document.getElementById('hold-state').textContent = body.legalHold ? 'Set' : 'None';
      document.getElementById('hold').textContent = body.legalHold ? 'Lift legal hold' : 'Set legal hold';
      message.replaceChildren(alertBox(body.legalHold ? 'Legal hold set.' : 'Legal hold lifted.', 'success'));
    } catch (e) {
      message.replaceChildren(alertBox(e.message));
    }
  }

  async function remove() {
    if (!window.confirm('Delete this video? Its files are removed; only a tombstone stays for the audit history.')) return;
    try {
      await api(`videos/${id}`, { method: 'DELETE' });
      message.replaceChildren(alertBox('Deleted.', 'success'));
      location.hash = '#/library';
    } catch (e) {
      const why = e.type === 'legal-hold' ? 'A legal hold is set.' : e.type === 'retention' ? 'It is still within the retention period.' : e.message;
      message.replaceChildren(alertBox(`Not deleted: ${why}`));
    }
  }
}
