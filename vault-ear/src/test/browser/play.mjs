// Plays a signed PulseVault HLS URL with hls.js in headless Debian Chromium, seeks to the middle and
// prints one JSON line: {levels, error, currentTime, duration}. Run by PlaybackIT:
//   node play.mjs <signed master URL> [page port]
import http from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [, , src, port = '18765'] = process.argv;
const here = new URL('.', import.meta.url).pathname;
const page = `<!doctype html><html><body><video id="v" muted playsinline></video>
<script src="/hls.min.js"></script>
<script>
  window.result = { levels: 0, error: null };
  const video = document.getElementById('v');
  const hls = new Hls();
  hls.on(Hls.Events.MANIFEST_PARSED, (e, data) => { window.result.levels = data.levels.length; video.play(); });
  hls.on(Hls.Events.ERROR, (e, data) => {
    if (data.fatal) window.result.error = data.details + (data.response ? ' ' + data.response.code : '');
  });
  hls.loadSource(new URLSearchParams(location.search).get('src'));
  hls.attachMedia(video);
</script></body></html>`;

const server = http.createServer(async (req, res) => {
  if (req.url.startsWith('/hls.min.js')) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end(await readFile(join(here, 'node_modules/hls.js/dist/hls.min.js')));
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(page);
  }
});
await new Promise((resolve) => server.listen(Number(port), '127.0.0.1', resolve));
const profile = await mkdtemp(join(tmpdir(), 'pulsevault-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run',
    '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
});
const video = () => document.getElementById('v');
let result;
try {
  const p = await context.newPage();
  await p.goto(`http://127.0.0.1:${port}/?src=${encodeURIComponent(src)}`);
  const playingOrFailed = () => window.result.error || document.getElementById('v').currentTime > 1;
  await p.waitForFunction(playingOrFailed, null, { timeout: 60000 });
  result = await p.evaluate(() => window.result);
  if (!result.error) {
    const duration = await p.evaluate(() => document.getElementById('v').duration);
    await p.evaluate((d) => { document.getElementById('v').currentTime = d / 2; }, duration);
    await p.waitForFunction((d) => window.result.error || document.getElementById('v').currentTime > d / 2 + 1, duration,
      { timeout: 60000 });
    result = await p.evaluate(() => ({ ...window.result, currentTime: document.getElementById('v').currentTime,
      duration: document.getElementById('v').duration }));
  }
} catch (e) {
  result = { error: 'timeout: ' + e.message.split('\n')[0] };
} finally {
  await context.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
