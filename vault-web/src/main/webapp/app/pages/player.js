// The player: hls.js where Media Source Extensions exist, the browser's own HLS otherwise (Safari, iPad).
// The manifest's signed URL is fetched when the page opens and opens one playback session; the quality
// menu lists the ladder's rungs. Keyboard: the video's own controls, plus k/space play-pause and j/l seek.
import { api, signed } from '../api.js';
import { h, page, alertBox, formatDuration } from '../ui.js';

export default async function player(ctx, id) {
  const video = h('video', { controls: true, playsinline: true, preload: 'metadata', tabindex: '0', 'aria-label': 'Video player: k or space plays and pauses, j and l go 10 seconds back and on' });
  const quality = h('select', { id: 'quality', disabled: true }, h('option', { value: '-1' }, 'Auto'));
  const status = h('div', { class: 'player-status' });
  page('Player', h('h1', {}, 'Player'), status,
    h('div', { class: 'player' }, video),
    h('div', { class: 'player-bar' },
      h('label', { for: 'quality' }, 'Quality '), quality,
      h('a', { href: `#/videos/${id}`, class: 'button' }, 'Details')));

  let record;
  try {
    record = (await api(`videos/${id}`)).body;
  } catch (e) {
    status.replaceChildren(alertBox(e.status === 404 ? 'There is no such video, or it is not shared with you.' : e.message));
    return undefined;
  }
  const heading = document.querySelector('#main h1');
  heading.textContent = record.title || 'Untitled video'; // on the page only: the document title stays generic
  if (record.status !== 'transcoded') {
    status.replaceChildren(alertBox(record.status === 'failed' ? 'This video cannot be played.' : `Not ready yet: ${record.status}.`, 'info'));
    return undefined;
  }
  const [manifest, poster] = await Promise.all([
    signed(id, 'stream/master.m3u8'),
    record.poster ? signed(id, 'poster.jpg').catch(() => null) : null,
  ]);
  if (poster) video.poster = poster;

  let hls = null;
  if (window.Hls && Hls.isSupported()) {
    hls = new Hls({ capLevelToPlayerSize: false });
    hls.on(Hls.Events.MANIFEST_PARSED, (e, data) => {
      data.levels.forEach((level, i) => quality.append(h('option', { value: String(i) }, level.height ? `${level.height}p` : `rung ${i + 1}`)));
      quality.disabled = false;
    });
    hls.on(Hls.Events.ERROR, (e, data) => {
      if (data.fatal) status.replaceChildren(alertBox('Playback stopped. Reload the page to try again.'));
    });
    quality.addEventListener('change', () => { hls.currentLevel = Number(quality.value); });
    hls.loadSource(manifest);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = manifest; // the browser's own HLS picks the rung itself
    (record.renditions || []).forEach((r) => quality.append(h('option', { value: r.name, disabled: true }, r.name)));
  } else {
    status.replaceChildren(alertBox('This browser cannot play HLS video.'));
  }
  if (record.duration) status.replaceChildren(h('p', { class: 'muted' }, `Length ${formatDuration(record.duration)}`));

  const keys = (e) => {
    // only while the player has the focus (WCAG 2.1.4: single-key shortcuts must not fire elsewhere)
    if (!e.target.closest('.player') || e.target.closest('input, select, textarea, button, a')) return;
    // (space on the focused video is its own control's)
    if (e.key === 'k' || (e.key === ' ' && e.target !== video)) {
      e.preventDefault();
      if (video.paused) video.play(); else video.pause();
    }
    if (e.key === 'j') video.currentTime = Math.max(0, video.currentTime - 10);
    if (e.key === 'l') video.currentTime = Math.min(video.duration || 0, video.currentTime + 10);
  };
  document.addEventListener('keydown', keys);
  return () => {
    document.removeEventListener('keydown', keys);
    if (hls) hls.destroy();
    video.removeAttribute('src');
  };
}
