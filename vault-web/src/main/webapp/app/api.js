// The vault's API with the signed-in user's bearer token. Problems (application/problem+json) become an
// ApiError with the document's stable type, so pages can tell a 412 conflict from a 404.
import { token, refreshed } from './auth.js';

export const API = new URL('api/v1/', document.baseURI).href;

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The vault answered HTTP ${status}.`);
    this.status = status;
    this.type = problem && problem.type ? String(problem.type).split('/').pop() : null;
    this.problem = problem;
  }
}

/** api('videos/<id>', {method, json, headers}) → {status, headers, body} */
export async function api(path, { method = 'GET', json, headers = {}, raw = false } = {}) {
  const send = async (bearer) => fetch(API + path, {
    method,
    headers: {
      Accept: 'application/json',
      ...(json !== undefined ? { 'Content-Type': headers['Content-Type'] || 'application/json' } : {}),
      ...headers,
      Authorization: `Bearer ${bearer}`,
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
    cache: 'no-store',
  });
  let bearer = await token();
  if (!bearer) throw signedOut();
  let answer = await send(bearer);
  if (answer.status === 401) { // expired between the check and the request: renew once
    bearer = await refreshed();
    if (!bearer) throw signedOut();
    answer = await send(bearer);
    if (answer.status === 401) throw signedOut();
  }
  const type = answer.headers.get('Content-Type') || '';
  const body = raw ? null : (type.includes('json') ? await answer.json().catch(() => null) : await answer.text());
  if (!answer.ok) throw new ApiError(answer.status, typeof body === 'object' ? body : null);
  return { status: answer.status, headers: answer.headers, body };
}

function signedOut() {
  window.dispatchEvent(new CustomEvent('pv:signed-out'));
  return new ApiError(401, { type: 'unauthenticated', detail: 'You are signed out. Sign in again.' });
}

/** A signed URL for one file of a video (a manifest opens a playback session). */
export async function signed(videoId, path) {
  const { body } = await api('media/sign', { method: 'POST', json: { videoId, path } });
  return body.url;
}
