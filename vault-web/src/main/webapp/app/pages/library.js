// The library: posters in a grid, newest first, with live transcode progress from the events stream.
// Every query (search text and filters) travels in the body of POST videos/search, never in a URL.
import { api, signed } from '../api.js';
import { h, page, alertBox, badge, formatDate, formatDuration, announce, field } from '../ui.js';

const PAGE = 24;
const STATUSES = ['uploaded', 'queued', 'transcoding', 'transcoded', 'failed'];

export default async function library({ me, events }) {
  let query = {};
  let next = null;
  const grid = h('ul', { class: 'grid', 'aria-label': 'Videos' });
  const state = h('div', { class: 'list-state' });
  const more = h('button', { type: 'button', hidden: true, onclick: () => load(false) }, 'Load more videos');

  // no name on the inputs: even a form submitted by the browser itself would put nothing in a URL
  const text = h('input', { type: 'search', autocomplete: 'off', spellcheck: false });
  const status = h('select', {}, h('option', { value: '' }, 'Any status'), STATUSES.map((s) => h('option', { value: s }, s)));
  const mine = h('input', { type: 'checkbox' });
  const team = h('select', {}, h('option', { value: '' }, 'All my teams'), me.teams.map((t) => h('option', { value: t }, t)));
  const form = h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); apply(); } },
    field('Search titles, descriptions and tags', text),
    field('Status', status),
    me.teams.length ? field('Team', team) : null,
    h('div', { class: 'field check' }, h('label', {}, mine, ' Only my uploads')),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search')));
  status.addEventListener('change', apply);
  team.addEventListener('change', apply);
  mine.addEventListener('change', apply);

  page('Library', h('h1', {}, 'Library'), form, state, grid, more);

  function apply() {
    query = {};
    if (text.value.trim()) query.text = text.value.trim();
    if (status.value) query.status = status.value;
    if (team.value) query.team = team.value;
    if (mine.checked) query.owner = 'me';
    load(true);
  }

  async function load(first) {
    more.disabled = true;
    state.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const body = { ...query, limit: PAGE, ...(first ? {} : { cursor: next }) };
      const { body: result } = await api('videos/search', { method: 'POST', json: body });
      if (first) grid.replaceChildren();
      result.items.forEach((item) => grid.append(card(item)));
      next = result.next;
      more.hidden = !next;
      more.disabled = false;
      state.replaceChildren();
      if (!grid.children.length) {
        state.replaceChildren(alertBox(Object.keys(query).length ? 'No video matches.' : 'No videos yet.', 'info'));
      }
      announce(`${grid.children.length} videos shown`);
    } catch (e) {
      state.replaceChildren(alertBox(`The library could not be loaded: ${e.message}`), h('button', { type: 'button', onclick: () => load(first) }, 'Try again'));
    }
  }

  const stopListening = events.on((type, data) => {
    if (!data || !data.videoId) return;
    const el = grid.querySelector(`[data-video-id="${data.videoId}"]`);
    if (type === 'video.finalized' && !el && !query.text) load(true);
    if (!el) return;
    if (type === 'transcode.progress') progress(el, data.percent, data.status);
    else if (type === 'video.deleted') el.remove();
    else if (type === 'video.transcoded' || type === 'video.failed' || type === 'video.updated') refresh(el, data.videoId);
  });

  async function refresh(el, id) {
    try {
      const { body: video } = await api(`videos/${id}`);
      el.replaceWith(card({ id, status: video.status, title: video.title, uploadedAt: video.createdAt,
        duration: video.duration, poster: video.poster, renditions: (video.renditions || []).length }));
    } catch { el.remove(); }
  }

  await load(true);
  return stopListening;
}

function card(item) {
  const poster = h('div', { class: 'poster', 'aria-hidden': 'true' });
  if (item.poster && item.status === 'transcoded') {
    signed(item.id, 'poster.jpg').then((url) => poster.append(h('img', { src: url, alt: '' }))).catch(() => {});
  }
  const title = item.title || 'Untitled video';
  const el = h('li', { class: 'card', 'data-video-id': item.id },
    poster,
    h('div', { class: 'card-body' },
      h('h2', {}, h('a', { href: `#/videos/${item.id}` }, title)),
      h('p', { class: 'meta' }, badge(item.status), ' ', formatDate(item.uploadedAt),
        item.duration ? ` · ${formatDuration(item.duration)}` : ''),
      h('div', { class: 'progress-slot' }),
      item.status === 'transcoded'
        ? h('a', { class: 'button', href: `#/videos/${item.id}/play`, 'aria-label': `Play ${title}` }, 'Play') : null));
  if (item.status === 'transcoding' || item.status === 'queued') progress(el, 0, item.status);
  return el;
}

function progress(el, percent, status) {
  const slot = el.querySelector('.progress-slot');
  const b = el.querySelector('.badge');
  if (status && b) { b.textContent = status; b.className = `badge status-${status}`; b.dataset.status = status; }
  let bar = slot.querySelector('progress');
  if (!bar) {
    bar = h('progress', { max: 100, 'aria-label': 'Transcoding' });
    slot.replaceChildren(bar);
  }
  if (Number.isFinite(percent)) bar.value = percent;
}
