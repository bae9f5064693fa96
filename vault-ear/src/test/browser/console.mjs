// Drives the web console in headless Debian Chromium as clinicians, an auditor and an admin would, and
// prints one JSON line of what it saw; ConsoleIT asserts on it. Run by ConsoleIT:
//   node console.mjs <settings JSON>
// settings: {base, issuer, clip, fileName, auditLog, out, password: {user: pw}, apiClient}
// Every request the console makes is recorded (URL only) so the test can show that no title, file name or
// search text went into a URL and that nothing went to another host than the vault and the issuer.
import { readFile, writeFile, mkdir, copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const settings = JSON.parse(process.argv[2]);
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const result = { steps: {}, requests: [], navigations: [], titles: [], axe: {}, errors: [], consoleErrors: [] };
const marker = settings.marker; // a word only the test's title, description and search use
await mkdir(settings.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});

/** A fresh browser profile signed in as {user}: the console's own sign-in through Keycloak's login page. */
async function signedIn(user, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await tab(context, user);
  return { context, page };
}

/** A new tab of {context} signed in as {user} (the second one signs in without a form: Keycloak's session). */
async function tab(context, user) {
  const page = await context.newPage();
  page.on('request', (r) => result.requests.push({ user, url: r.url(), method: r.method() }));
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(`${user}: ${m.text()}`); });
  page.on('pageerror', (e) => result.consoleErrors.push(`${user}: ${e.message}`));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) result.navigations.push(f.url()); });
  await page.goto(settings.base);
  await page.getByRole('button', { name: /sign in/i }).click();
  const form = await Promise.race([
    page.waitForSelector('#username', { timeout: 30000 }).then(() => true),
    page.waitForSelector('#nav a', { timeout: 30000 }).then(() => false),
  ]);
  if (form) {
    await page.fill('#username', user);
    await page.fill('#password', settings.password[user]);
    await page.click('#kc-login');
  }
  await page.waitForSelector('#nav a', { timeout: 30000 });
  return page;
}

async function titleOf(page) {
  const t = await page.title();
  result.titles.push(t);
  return t;
}

/** axe-core on the page as it is: its serious and critical violations. */
async function axe(page, name) {
  // evaluated through the DevTools protocol: the console's CSP (rightly) refuses an injected <script>
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  result.axe[name] = found;
  await page.screenshot({ path: join(settings.out, `${name}.png`), fullPage: true });
  await titleOf(page);
}

async function apiToken(user) {
  const form = new URLSearchParams({ grant_type: 'password', client_id: settings.apiClient, username: user,
    password: settings.password[user], scope: 'openid' });
  const r = await fetch(`${settings.issuer}/protocol/openid-connect/token`, { method: 'POST', body: form });
  if (!r.ok) throw new Error(`token for ${user}: HTTP ${r.status}`);
  return (await r.json()).access_token;
}

async function step(name, fn) {
  try {
    result.steps[name] = (await fn()) ?? true;
  } catch (e) {
    result.steps[name] = false;
    result.errors.push(`${name}: ${e.message.split('\n').slice(0, 3).join(' ')}`);
  }
}

let videoId = null;
let library = null;
try {
  // --- a clinician of cardiology: upload, library, player, details --------------------------------
  const alice = await signedIn('alice');
  const p = alice.page;
  await step('signedIn', async () => (await p.locator('#nav a').allTextContents()));
  await step('libraryEmptyOrListed', async () => {
    await p.waitForSelector('.grid .card, .list-state .notice', { timeout: 20000 });
    await axe(p, 'library');
    return true;
  });

  await step('uploadReached100', async () => {
    await p.click('#nav a[href="#/upload"]');
    await p.waitForSelector('.dropzone');
    await p.setInputFiles('#file-input', { name: settings.fileName, mimeType: 'video/mp4', buffer: await readFile(settings.clip) });
    await p.fill('.upload-row input[type=text] >> nth=0', `Knee ${marker}`);
    await p.fill('.upload-row textarea', `Arthroscopy ${marker} review`);
    await p.waitForFunction(() => {
      const bar = document.querySelector('.upload-row progress');
      return bar && bar.value >= 100;
    }, null, { timeout: 60000 });
    const figures = await p.textContent('.upload-row .figures');
    await axe(p, 'upload');
    const listening = alice.context.waitForEvent('response', { predicate: (r) => r.url().endsWith('/api/v1/events'), timeout: 30000 });
    library = await tab(alice.context, 'alice'); // a second tab, on the library, before the video exists
    await listening; // its event stream is open
    await library.waitForSelector('.grid .card, .list-state .notice', { timeout: 20000 });
    await library.evaluate(() => { window.__sameDocument = true; });
    await p.bringToFront();
    await p.click('.upload-row button[type=submit]');
    await p.waitForSelector('.upload-row[data-video-id]', { timeout: 20000 });
    videoId = await p.getAttribute('.upload-row[data-video-id]', 'data-video-id');
    result.videoId = videoId;
    return figures;
  });

  await step('libraryShowsTranscodedWithoutReload', async () => {
    // the other tab hears of the new video, its transcode progress and its end from /events
    const l = library;
    await l.bringToFront();
    await l.waitForSelector(`.card[data-video-id="${videoId}"]`, { timeout: 30000 });
    const seen = [];
    const deadline = Date.now() + 180000;
    for (;;) {
      const s = await l.getAttribute(`.card[data-video-id="${videoId}"] .badge`, 'data-status').catch(() => null);
      if (s && seen[seen.length - 1] !== s) seen.push(s);
      if (s === 'transcoded' || s === 'failed' || Date.now() > deadline) break;
      await l.waitForTimeout(100);
    }
    const same = await l.evaluate(() => window.__sameDocument === true);
    await l.waitForSelector(`.card[data-video-id="${videoId}"] .poster img`, { timeout: 15000 }).catch(() => {});
    await axe(l, 'library-transcoded');
    await l.close();
    await p.bringToFront();
    return { statuses: seen, sameDocument: same };
  });

  await step('uploadResumesAfterAReload', async () => {
    // a slow network (4 MB/s up), a reload mid-way, the same file chosen again: it continues
    // a file on disk, as a clinician picks it: its date is part of the fingerprint (a buffer would get a new one)
    const dir = await mkdtemp(join(tmpdir(), 'pulsevault-resume-'));
    const big = join(dir, `pvfile-big-${marker}.mp4`);
    await writeFile(big, Buffer.alloc(24 * 1024 * 1024, 7)); // three 8 MiB chunks
    const cdp = await alice.context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
    await p.goto(`${settings.base}#/upload`);
    await p.waitForSelector('.dropzone');
    // the reload comes once the vault has the first chunk (a 204) and the second is on its way
    const firstChunk = p.waitForResponse((r) => r.request().method() === 'PATCH' && r.status() === 204, { timeout: 60000 });
    await p.setInputFiles('#file-input', big);
    await firstChunk;
    const before = await p.evaluate(() => document.querySelector('.upload-row progress').value);
    await p.reload();
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await p.waitForSelector('.dropzone');
    const after = [];
    const tusRequests = (r) => { if (r.url().includes('/api/v1/uploads')) after.push({ method: r.method(), offset: r.headers()['upload-offset'] }); };
    p.on('request', tusRequests);
    await p.setInputFiles('#file-input', big);
    await p.waitForSelector('.upload-row .notice', { timeout: 15000 });
    const notice = await p.textContent('.upload-row .notice');
    // the first progress the resumed upload reports starts where the server had got to, not at 0
    await p.waitForFunction(() => (document.querySelector('.upload-row progress')?.value || 0) >= 100, null, { timeout: 60000 });
    p.off('request', tusRequests);
    await rm(dir, { recursive: true, force: true });
    return { before, notice, requests: after };
  });

  await step('searchFindsByMarker', async () => {
    await p.click('#nav a[href="#/library"]');
    await p.waitForSelector(`.card[data-video-id="${videoId}"]`, { timeout: 20000 });
    await p.fill('input[type=search]', marker);
    await p.click('form[role=search] button[type=submit]');
    await p.waitForFunction((id) => {
      const cards = document.querySelectorAll('.grid .card');
      return cards.length === 1 && cards[0].dataset.videoId === id;
    }, videoId, { timeout: 15000 });
    return p.url();
  });

  await step('playerPlays', async () => {
    await p.click(`.card[data-video-id="${videoId}"] a.button`);
    await p.waitForFunction(() => document.querySelectorAll('#quality option').length > 1, null, { timeout: 30000 });
    await p.focus('video');
    await p.keyboard.press('k'); // play, from the keyboard
    await p.waitForFunction(() => {
      const v = document.querySelector('video');
      return v && v.currentTime > 1;
    }, null, { timeout: 60000 });
    const rungs = await p.$$eval('#quality option', (o) => o.map((x) => x.textContent));
    await axe(p, 'player');
    return { rungs, url: p.url() };
  });

  await step('conflictShown', async () => {
    await p.goto(`${settings.base}#/videos/${videoId}`);
    await p.waitForSelector('form.record input[type=text]:not([disabled])', { timeout: 20000 });
    await p.fill('form.record input[type=text]', `Knee ${marker} left`);
    // meanwhile someone saves from the API, based on the version the console has
    const token = await apiToken('alice');
    const current = await fetch(`${settings.api}videos/${videoId}`, { headers: { Authorization: `Bearer ${token}` } });
    const patched = await fetch(`${settings.api}videos/${videoId}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/merge-patch+json', 'If-Match': current.headers.get('ETag') },
      body: JSON.stringify({ description: `Edited from the API ${marker}` }),
    });
    if (patched.status !== 200) throw new Error(`API edit: HTTP ${patched.status}`);
    await p.click('form.record button[type=submit]');
    await p.waitForSelector('.conflict', { timeout: 10000 });
    await axe(p, 'details-conflict');
    return await p.textContent('.conflict');
  });

  await step('editSavedAfterReload', async () => {
    await p.click('.conflict button');
    await p.waitForFunction((m) => document.querySelector('form.record textarea')?.value.includes(`Edited from the API ${m}`), marker, { timeout: 10000 });
    await p.fill('form.record input[type=text]', `Knee ${marker} left`);
    await p.click('form.record button[type=submit]');
    await p.waitForSelector('.details-message .notice.success', { timeout: 10000 });
    return true;
  });

  await step('history', async () => {
    await p.waitForFunction(() => document.querySelectorAll('.timeline li[data-action="video.update"]').length >= 2, null, { timeout: 15000 });
    const actions = await p.$$eval('.timeline li', (l) => l.map((x) => x.dataset.action));
    await axe(p, 'details');
    return actions;
  });

  await step('renewsAnExpiredToken', async () => {
    // the access token in this tab runs out: the next request is made with a renewed one (refresh token)
    const renewals = [];
    const watch = (r) => { if (r.url().endsWith('/protocol/openid-connect/token') && (r.postData() || '').includes('refresh_token')) renewals.push(r.url()); };
    p.on('request', watch);
    await p.evaluate(() => {
      const k = Object.keys(sessionStorage).find((x) => x.startsWith('oidc.user:'));
      const u = JSON.parse(sessionStorage.getItem(k));
      u.expires_at = Math.floor(Date.now() / 1000) - 5;
      sessionStorage.setItem(k, JSON.stringify(u));
    });
    await p.goto(`${settings.base}#/upload`);
    await p.goto(`${settings.base}#/library`);
    await p.waitForSelector(`.card[data-video-id="${videoId}"]`, { timeout: 20000 });
    p.off('request', watch);
    return { renewals: renewals.length, signedIn: await p.locator('#nav a').count() };
  });

  await step('tabletPortrait', async () => {
    await p.setViewportSize({ width: 768, height: 1024 });
    await p.goto(`${settings.base}#/library`);
    await p.waitForSelector(`.card[data-video-id="${videoId}"]`, { timeout: 20000 });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    await axe(p, 'library-tablet');
    return { horizontalScroll: overflow };
  });

  await step('keyboardOnly', async () => {
    // from the top of the page, Tab reaches the skip link first, then the main navigation
    // a page opens with the focus on its heading; Tab goes on to the search field, Enter on a card's
    // title link opens its details
    await p.goto(`${settings.base}#/upload`);
    await p.waitForSelector('.dropzone');
    await p.goto(`${settings.base}#/library`);
    await p.waitForSelector('.grid .card');
    const first = await p.evaluate(() => document.activeElement.tagName + ' ' + document.activeElement.textContent.trim());
    await p.keyboard.press('Tab');
    const second = await p.evaluate(() => document.activeElement.type + ' ' + (document.activeElement.labels[0] || {}).textContent);
    // Enter on a card's title link opens its details
    await p.focus(`.card[data-video-id="${videoId}"] h2 a`); // (reached by Tab too; focused directly to keep the test short)
    await p.keyboard.press('Enter');
    await p.waitForURL((u) => u.hash === `#/videos/${videoId}`, { timeout: 10000 });
    return { first, second };
  });
  await alice.context.close();

  // --- a viewer of another team --------------------------------------------------------------
  const dave = await signedIn('dave');
  await step('otherTeamSeesNothing', async () => {
    await dave.page.waitForSelector('.grid .card, .list-state .notice', { timeout: 20000 });
    const inList = await dave.page.locator(`.card[data-video-id="${videoId}"]`).count();
    await dave.page.goto(`${settings.base}#/videos/${videoId}`);
    await dave.page.waitForSelector('.details-message .notice', { timeout: 15000 });
    const message = await dave.page.textContent('.details-message .notice');
    await axe(dave.page, 'other-team');
    return { inList, message };
  });
  await dave.context.close();

  // --- an auditor ------------------------------------------------------------------------------
  const erin = await signedIn('erin');
  await step('auditGreen', async () => {
    await erin.page.waitForSelector('.chains tbody tr', { timeout: 30000 });
    const rows = await erin.page.$$eval('.chains tbody tr', (r) => r.map((x) => ({ chain: x.dataset.chain, ok: x.dataset.ok })));
    await axe(erin.page, 'audit');
    return rows;
  });
  await step('auditRedAfterTampering', async () => {
    const original = await readFile(settings.auditLog);
    const lines = original.toString('utf8').split('\n');
    const at = lines.length - 3; // an earlier line of today's upload chain (the last is empty)
    lines[at] = lines[at].replace('"outcome":"success"', '"outcome":"failure"');
    await writeFile(settings.auditLog, lines.join('\n'));
    try {
      await erin.page.click('button.primary');
      await erin.page.waitForSelector('.chains tbody tr[data-ok="false"]', { timeout: 30000 });
      const broken = await erin.page.$$eval('.chains tbody tr[data-ok="false"]', (r) => r.map((x) => ({ chain: x.dataset.chain, text: x.textContent })));
      await axe(erin.page, 'audit-broken');
      return { broken, editedLine: at + 1 };
    } finally {
      await writeFile(settings.auditLog, original);
    }
  });
  await erin.context.close();

  // --- an admin --------------------------------------------------------------------------------
  const frank = await signedIn('frank');
  await step('operations', async () => {
    await frank.page.waitForSelector('#queue-depth', { timeout: 20000 });
    await frank.page.waitForSelector('#catalog-state', { timeout: 20000 });
    const nav = await frank.page.locator('#nav a').allTextContents();
    const state = await frank.page.textContent('#catalog-state');
    await axe(frank.page, 'operations');
    return { nav, state };
  });
  await step('signOut', async () => {
    await frank.page.getByRole('button', { name: 'Sign out' }).click();
    await frank.page.waitForURL((u) => u.href.startsWith(settings.base), { timeout: 30000 });
    await frank.page.getByRole('button', { name: /sign in/i }).waitFor({ timeout: 20000 });
    return true;
  });
  await frank.context.close();
} catch (e) {
  result.errors.push(`run: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
await writeFile(join(settings.out, 'result.json'), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
