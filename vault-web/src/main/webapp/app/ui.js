// Small DOM helpers: elements are built with textContent only (never innerHTML), so no title, tag or
// file name a user typed can become markup.

/** h('button', {class: 'x', onclick: f}, 'text', child...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (v === false) { // a boolean property (disabled, hidden, spellcheck) set off; an attribute left out
      if (k in el) el[k] = false;
      continue;
    }
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces the page's content, sets a title that never names a video, and moves focus to the heading. */
export function page(title, ...content) {
  const main = document.getElementById('main');
  main.replaceChildren(...content.flat());
  document.title = `${title} · PulseVault`;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  return main;
}

/** Says something to screen readers (and nothing on screen). */
export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

export function alertBox(message, kind = 'error') {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
}

export function badge(status) {
  return h('span', { class: `badge status-${status}`, 'data-status': status }, status);
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function formatDuration(seconds) {
  if (!seconds || seconds < 0) return '';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function formatBytes(n) {
  if (!Number.isFinite(n)) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

/** A comma-separated field as a list of trimmed, non-empty values. */
export function list(text) {
  return String(text || '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const parts = [h('label', { for: id }, label), input];
  if (hint) {
    const hintId = `${id}-hint`;
    input.setAttribute('aria-describedby', hintId);
    parts.push(h('small', { id: hintId, class: 'muted' }, hint));
  }
  return h('div', { class: 'field' }, parts);
}
