// The console: hash routes that carry video ids only (#/library, #/upload, #/videos/<id>,
// #/videos/<id>/play, #/audit, #/operations); what a page shows follows GET api/v1/me, the API decides.
import * as auth from './auth.js';
import { api } from './api.js';
import { h, page, alertBox } from './ui.js';
import * as events from './events.js';
import library from './pages/library.js';
import upload from './pages/upload.js';
import player from './pages/player.js';
import details from './pages/details.js';
import audit from './pages/audit.js';
import operations from './pages/operations.js';

const ROUTES = [
  { pattern: /^#\/library$/, page: library, may: 'watch', nav: 'Library', href: '#/library' },
  { pattern: /^#\/upload$/, page: upload, may: 'upload', nav: 'Upload', href: '#/upload' },
  { pattern: /^#\/videos\/([0-9a-f-]{36})\/play$/, page: player, may: 'watch' },
  { pattern: /^#\/videos\/([0-9a-f-]{36})$/, page: details, may: null },
  { pattern: /^#\/audit$/, page: audit, may: 'audit', nav: 'Audit', href: '#/audit' },
  { pattern: /^#\/operations$/, page: operations, may: 'operate', nav: 'Operations', href: '#/operations' },
];

let me = null;
let leave = null;

async function boot() {
  let user;
  try {
    user = await auth.start();
  } catch (e) {
    page('Sign in', h('h1', {}, 'Sign in'), alertBox(e.message), signInButton());
    return;
  }
  window.addEventListener('pv:signed-out', signedOut);
  if (!user) {
    signedOut();
    return;
  }
  try {
    me = (await api('me')).body;
  } catch (e) {
    page('Error', h('h1', {}, 'PulseVault'), alertBox(e.message));
    return;
  }
  account(user);
  navigation();
  window.addEventListener('hashchange', route);
  route();
}

function signInButton() {
  return h('button', { class: 'primary', type: 'button', onclick: () => auth.signIn() }, 'Sign in with your hospital account');
}

function signedOut() {
  events.stop();
  document.getElementById('nav').hidden = true;
  document.getElementById('account').replaceChildren();
  page('Sign in', h('h1', {}, 'Sign in'),
    h('p', {}, 'PulseVault keeps clinical video. Sign in with your hospital account to continue.'), signInButton());
}

function account(user) {
  const name = (user.profile && (user.profile.name || user.profile.preferred_username)) || 'Signed in';
  document.getElementById('account').replaceChildren(
    h('span', { class: 'who' }, name, h('small', { class: 'muted' }, ` (${me.roles.join(', ') || 'no role'})`)),
    h('button', { type: 'button', onclick: () => auth.signOut() }, 'Sign out'));
}

function navigation() {
  const nav = document.getElementById('nav');
  const links = ROUTES.filter((r) => r.nav && me.may[r.may])
    .map((r) => h('a', { href: r.href }, r.nav));
  nav.replaceChildren(...links);
  nav.hidden = false;
}

function home() {
  const first = ROUTES.find((r) => r.nav && me.may[r.may]);
  return first ? first.href : null;
}

async function route() {
  if (leave) { try { leave(); } catch { /* the page is gone anyway */ } leave = null; }
  const hash = location.hash;
  const match = ROUTES.map((r) => ({ r, m: hash.match(r.pattern) })).find((x) => x.m);
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.getAttribute('href') === hash) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!match) {
    const target = home();
    if (target && hash !== target) { location.replace(target); return; }
    page('Nothing to show', h('h1', {}, 'Nothing to show'), alertBox('Your account has no role in PulseVault. Ask hospital IT.', 'info'));
    return;
  }
  if (match.r.may && !me.may[match.r.may]) {
    page('Not available', h('h1', {}, 'Not available'), alertBox('Your role does not include this page.', 'info'));
    return;
  }
  try {
    leave = await match.r.page({ me, events }, ...match.m.slice(1));
  } catch (e) {
    page('Error', h('h1', {}, 'Something went wrong'), alertBox(e.message));
  }
}

boot();
