// Audit (auditors): verifies every hash chain and shows each one OK, or its first break with kind and place.
import { api } from '../api.js';
import { h, page, alertBox, announce } from '../ui.js';

export default async function audit() {
  const results = h('div', { class: 'audit-results', 'aria-live': 'polite' });
  const signed = h('section', { 'aria-labelledby': 'cp-h' }, h('h2', { id: 'cp-h' }, 'Signed checkpoints'));
  const run = h('button', { type: 'button', class: 'primary', onclick: verify }, 'Verify the audit trail');
  page('Audit', h('h1', {}, 'Audit'),
    h('p', {}, 'Checks that no line of the audit trail was edited, removed or reordered (each line carries the hash of the one before).'),
    run, results, signed);

  async function verify() {
    run.disabled = true;
    results.replaceChildren(h('p', { class: 'muted' }, 'Verifying…'));
    try {
      const { body } = await api('audit/verify');
      const rows = body.chains.map((c) => h('tr', { 'data-chain': c.category, 'data-ok': String(c.ok) },
        h('th', { scope: 'row' }, c.category),
        h('td', {}, h('span', { class: `badge ${c.ok ? 'ok' : 'broken'}` }, c.ok ? 'OK' : 'Broken')),
        h('td', {}, String(c.files)), h('td', {}, String(c.entries)),
        h('td', {}, c.problem ? `${c.problem.kind} at ${c.problem.file} line ${c.problem.line}: ${c.problem.message}` : '–')));
      results.replaceChildren(
        body.ok ? alertBox('Every chain verifies.', 'success') : alertBox('The audit trail does not verify: see the first break of each chain below.'),
        h('table', { class: 'chains' },
          h('caption', { class: 'visually-hidden' }, 'Audit chains'),
          h('thead', {}, h('tr', {}, ['Chain', 'Result', 'Files', 'Entries', 'First break'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, rows)));
      announce(body.ok ? 'Every chain verifies.' : 'The audit trail does not verify.');
      await checkpoints();
    } catch (e) {
      results.replaceChildren(alertBox(`The verification could not run: ${e.message}`));
    } finally {
      run.disabled = false;
    }
  }
  async function checkpoints() {
    try {
      const { body } = await api('audit/checkpoints/verify');
      const findings = body.findings.filter((f) => !['hash-mismatch', 'broken-link', 'truncated-tail', 'broken-cross-day-link'].includes(f.kind));
      signed.replaceChildren(h('h2', { id: 'cp-h' }, 'Signed checkpoints'),
        findings.length === 0 ? alertBox('The chains agree with every signed checkpoint.', 'success')
          : h('ul', { class: 'findings' }, findings.map((f) => h('li', { 'data-kind': f.kind, 'data-severity': f.severity },
            h('strong', {}, `${f.severity === 'warning' ? 'Warning' : 'Break'}: ${f.kind}`), ` ${f.file}${f.line ? ` line ${f.line}` : ''}: ${f.message}`))));
    } catch (e) {
      signed.replaceChildren(h('h2', { id: 'cp-h' }, 'Signed checkpoints'), alertBox(`The checkpoints could not be checked: ${e.message}`));
    }
  }

  await verify();
}
