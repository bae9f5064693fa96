// Live events (GET api/v1/events, Server-Sent Events) read with fetch rather than EventSource: fetch can
// send the bearer token, so no ticket ever appears in a URL. Reconnects with Last-Event-ID (the server
// resumes within its window) after the stream ends (it does every 15 minutes) or the network drops.
import { API } from './api.js';
import { token } from './auth.js';

const listeners = new Set();
let lastId = null;
let running = false;
let controller = null;

/** on((type, data) => ...) → a function that stops listening */
export function on(listener) {
  listeners.add(listener);
  if (!running) connect();
  return () => listeners.delete(listener);
}

export function stop() {
  running = false;
  if (controller) controller.abort();
}

async function connect() {
  running = true;
  let delay = 1000;
  while (running) {
    try {
      const bearer = await token();
      if (!bearer) { running = false; return; }
      controller = new AbortController();
      const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${bearer}` };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const answer = await fetch(API + 'events', { headers, signal: controller.signal, cache: 'no-store' });
      if (answer.status === 403) { running = false; return; } // no media role: nothing to hear
      if (!answer.ok || !answer.body) throw new Error(`events: HTTP ${answer.status}`);
      delay = 1000;
      await read(answer.body);
    } catch (e) {
      if (!running) return;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 30000);
  }
}

/** The text/event-stream format: fields up to a blank line make one event; lines starting ':' are comments. */
async function read(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { type: 'message', data: [], id: null };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let nl;
    while ((nl = buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
      if (line === '') {
        if (event.id) lastId = event.id;
        if (event.data.length) dispatch(event.type, event.data.join('\n'));
        event = { type: 'message', data: [], id: null };
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (name === 'event') event.type = val;
        else if (name === 'data') event.data.push(val);
        else if (name === 'id') event.id = val;
      }
    }
  }
}

function dispatch(type, text) {
  let data;
  try { data = JSON.parse(text); } catch { data = text; }
  for (const l of listeners) {
    try { l(type, data); } catch (e) { console.error(e); }
  }
}
