// Upload: several files at once over tus (tus-js-client), each with its own progress bar, speed, time
// left, pause and resume, and a form for its record; "Save to vault" finalizes it. An upload cut off by a
// reload or a lost network resumes where it stopped when the same file is chosen again: tus-js-client
// keeps the upload's URL in localStorage under a fingerprint of the file, which here is a SHA-256 of its
// name, size, type and date (the default fingerprint is the file name itself, in clear).
import { API, api } from '../api.js';
import { token } from '../auth.js';
import { h, page, alertBox, field, formatBytes, list, announce } from '../ui.js';

const CHUNK = 8 * 1024 * 1024;

export default async function upload({ me }) {
  const input = h('input', { type: 'file', multiple: true, accept: 'video/*', class: 'visually-hidden', id: 'file-input' });
  const zone = h('div', { class: 'dropzone', tabindex: '0', role: 'button', 'aria-describedby': 'drop-hint' },
    h('strong', {}, 'Drop video files here'), h('span', { id: 'drop-hint', class: 'muted' }, ' or press Enter to choose files'));
  const rows = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });
  zone.addEventListener('click', () => input.click());
  zone.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); add(e.dataTransfer.files); });
  input.addEventListener('change', () => { add(input.files); input.value = ''; });

  page('Upload', h('h1', {}, 'Upload'),
    h('label', { for: 'file-input', class: 'visually-hidden' }, 'Choose video files'), input, zone,
    h('p', { class: 'muted' }, 'An interrupted upload continues where it stopped: choose the same file again.'),
    rows);

  const active = [];
  function add(files) {
    for (const file of files) {
      const row = new UploadRow(file, me);
      active.push(row);
      rows.append(row.el);
      row.start();
    }
  }
  return () => active.forEach((r) => r.pause()); // leaving the page pauses; the uploads resume later
}

class UploadRow {
  constructor(file, me) {
    this.file = file;
    this.samples = [];
    this.bar = h('progress', { max: 100, value: 0, 'aria-label': `Upload progress of ${file.name}` });
    this.figures = h('span', { class: 'figures', 'aria-live': 'off' }, 'Starting…');
    const nameId = `file-${Math.random().toString(36).slice(2, 10)}`;
    this.toggle = h('button', { type: 'button', 'aria-describedby': nameId, // which file: read after the button's own name
      onclick: () => (this.paused ? this.resume() : this.pause()) }, 'Pause');
    this.message = h('div', { class: 'row-message' });
    // no spell checking: a browser's online spell checker would send clinical text off the machine
    this.title = h('input', { type: 'text', maxlength: 200, autocomplete: 'off', spellcheck: false });
    this.description = h('textarea', { rows: 2, maxlength: 4000, spellcheck: false });
    this.tags = h('input', { type: 'text', autocomplete: 'off', spellcheck: false });
    this.teamBoxes = me.teams.map((t) => h('input', { type: 'checkbox', value: t, checked: true }));
    this.save = h('button', { type: 'submit', class: 'primary', disabled: true, 'aria-describedby': nameId }, 'Save to vault');
    const form = h('form', { class: 'record', onsubmit: (e) => { e.preventDefault(); this.finalize(); } },
      field('Title', this.title),
      field('Description', this.description),
      field('Tags', this.tags, 'Separate tags with commas'),
      me.teams.length ? h('fieldset', {}, h('legend', {}, 'Share with teams'),
        this.teamBoxes.map((box) => h('label', { class: 'check' }, box, ` ${box.value}`))) : null,
      h('div', { class: 'actions' }, this.save));
    this.el = h('li', { class: 'upload-row' },
      h('div', { class: 'row-head' }, h('span', { class: 'file-name', id: nameId }, file.name),
        h('span', { class: 'muted' }, ` ${formatBytes(file.size)}`)),
      h('div', { class: 'row-progress' }, this.bar, this.figures, this.toggle), this.message, form);
  }

  start() {
    this.upload = new tus.Upload(this.file, {
      endpoint: API + 'uploads',
      chunkSize: CHUNK,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      // no file name in the upload's metadata: tus-js-client keeps that in localStorage beside the
      // fingerprint; the name goes to the vault with "Save to vault" only
      metadata: { filetype: this.file.type || 'application/octet-stream' },
      fingerprint: fingerprint,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (req) => { req.setHeader('Authorization', `Bearer ${await token()}`); },
      onProgress: (sent, total) => this.progress(sent, total),
      onSuccess: () => this.uploaded(),
      onError: (e) => this.failed(e),
    });
    this.upload.findPreviousUploads().then((previous) => {
      if (previous.length) {
        this.upload.resumeFromPreviousUpload(previous[0]);
        this.message.replaceChildren(alertBox('Continuing an earlier upload of this file.', 'info'));
      }
      this.upload.start();
    });
  }

  pause() {
    if (!this.upload || this.done) return;
    this.paused = true;
    this.upload.abort();
    this.toggle.textContent = 'Resume';
    this.figures.textContent = `Paused at ${Math.floor(this.bar.value)} %`;
  }

  resume() {
    this.paused = false;
    this.samples = [];
    this.toggle.textContent = 'Pause';
    this.upload.start();
  }

  progress(sent, total) {
    const now = performance.now();
    this.samples.push([now, sent]);
    while (this.samples.length > 2 && now - this.samples[0][0] > 5000) this.samples.shift();
    const [t0, s0] = this.samples[0];
    const rate = now > t0 ? ((sent - s0) * 1000) / (now - t0) : 0;
    const percent = total ? (sent * 100) / total : 0;
    this.bar.value = percent;
    const left = rate > 0 ? Math.ceil((total - sent) / rate) : null;
    this.figures.textContent = `${Math.floor(percent)} % · ${formatBytes(rate)}/s`
      + (left != null ? ` · ${left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`} left` : '');
  }

  uploaded() {
    this.done = true;
    this.bar.value = 100;
    this.figures.textContent = '100 % · uploaded';
    this.toggle.hidden = true;
    this.save.disabled = false;
    announce('Upload complete. Save it to the vault.');
  }

  failed(e) {
    const status = e && e.originalResponse ? e.originalResponse.getStatus() : null;
    this.message.replaceChildren(alertBox(status === 413 ? 'The file is larger than the vault accepts.'
      : `The upload stopped${status ? ` (HTTP ${status})` : ''}. Press Resume to try again.`));
    this.paused = true;
    this.toggle.textContent = 'Resume';
  }

  async finalize() {
    this.save.disabled = true;
    const uploadId = this.upload.url.split('/').pop();
    const json = { uploadId, filename: this.file.name };
    if (this.title.value.trim()) json.title = this.title.value.trim();
    if (this.description.value.trim()) json.description = this.description.value.trim();
    const tags = list(this.tags.value);
    if (tags.length) json.tags = tags;
    if (this.teamBoxes.length) json.teams = this.teamBoxes.filter((b) => b.checked).map((b) => b.value);
    try {
      const { body } = await api('uploads/finalize', { method: 'POST', json });
      this.message.replaceChildren(alertBox('Saved. The vault is preparing it for playback.', 'success'),
        h('a', { href: `#/videos/${body.videoId}` }, 'Open its details'));
      this.el.querySelector('form').hidden = true;
      this.el.dataset.videoId = body.videoId;
      announce('Saved to the vault.');
    } catch (e) {
      this.save.disabled = false;
      this.message.replaceChildren(alertBox(`Not saved: ${e.message}`));
    }
  }
}

async function fingerprint(file, options) {
  const text = [file.name, file.size, file.type, file.lastModified, options.endpoint].join('\u0000');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return 'pulsevault-' + Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
