import { api, can, Roles, ApiError } from '../api.js';
import { fill, h, table, badge, facts, notice } from '../dom.js';
import { time, camel } from '../format.js';

export const title = 'Group';

export async function render({ who, main, params }) {
  const id = params[0];
  const [report, plan, audit] = await Promise.all([
    api(`groups/${encodeURIComponent(id)}`).catch(orNull),
    api(`groups/${encodeURIComponent(id)}/plan`).catch(error => ({ error: error.message })),
    api(`audit?group=${encodeURIComponent(id)}&limit=20`).catch(() => ({ entries: [] })),
  ]);
  const name = report?.displayName ?? plan?.displayName ?? id;

  fill(main, 
    h('p', {}, h('a', { href: '#/groups' }, '← Groups')),
    h('h1', {}, name),
    can(who, Roles.Operate) ? h('div', { class: 'actions' }, h('button', { type: 'button', id: 'sync-now', onclick: () => syncNow(id) }, 'Sync now')) : null,
    h('h2', {}, 'Writeback state'),
    report ? state(report) : h('p', { class: 'muted' }, 'No pass has run for this group yet.'),
    h('h2', { id: 'plan-heading' }, 'Dry run: what a pass would do now'),
    plan.error ? h('p', { class: 'error' }, plan.error) : diff(plan, report),
    h('h2', {}, 'Recent results'),
    table('Recent results of this group', [{ label: 'Time', rowHeader: true }, 'Command', 'What changed', 'Outcome', 'Message'],
      audit.entries.map(e => [time(e.time), e.commandKind ?? e.kind, e.changes ?? '', badge(e.outcome), e.message ?? '']),
      'none recorded.'),
    h('p', {}, h('a', { href: `#/audit?group=${encodeURIComponent(id)}` }, 'All audit entries of this group')));
}

function orNull(error) {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
}

function state(g) {
  return facts([
    ['Group id', h('code', {}, g.groupId)],
    ['Phase', camel(g.phase)],
    ['Written back', g.writtenBack ? 'yes' : 'no'],
    ['Distinguished name', g.distinguishedName ? h('code', {}, g.distinguishedName) : null],
    ['Last outcome', badge(g.lastOutcome)],
    g.lastError ? ['Failure', g.lastError] : null,
    g.skipReason ? ['Skipped because', g.skipReason] : null,
    ['Members in AD (last pass)', g.knownMemberCount ?? '—'],
    ['Members written by the last pass', g.membersWritten],
    ['Members skipped', g.membersSkipped > 0 ? `${g.membersSkipped} (no on-premises identity: not synced from AD, or not found there; the results below name them)` : '0'],
    ['Last pass', `${time(g.lastPassAt)} (pass ${g.pass})`],
  ]);
}

// The plan as a diff: the group as the last pass left it beside what the next pass would make of it.
function diff(plan, report) {
  const rows = [
    ['Action', '', badge(plan.action), false],
    ['Display name', plan.currentDisplayName ?? (report?.writtenBack ? report.displayName : null), plan.displayName, plan.renamed || plan.action === 'create'],
    ['Distinguished name / OU', plan.currentDistinguishedName ?? report?.distinguishedName, plan.targetOu ? `in ${plan.targetOu}` : (plan.action === 'delete' ? 'deleted' : ''), plan.moved || plan.action === 'create' || plan.action === 'delete'],
    ['Group type', '', plan.groupType ?? '', plan.action === 'create'],
    ['Members with an on-premises identity', report?.knownMemberCount ?? plan.knownMemberCount, plan.membersWritable, plan.membersWritable !== (report?.knownMemberCount ?? plan.knownMemberCount)],
    ['Members that cannot be written', report?.membersSkipped, plan.membersSkipped, (plan.membersSkipped ?? 0) !== (report?.membersSkipped ?? 0)],
  ];
  const changes = [
    plan.action === 'create' ? 'created' : null,
    plan.renamed ? 'renamed' : null,
    plan.moved ? 'moved' : null,
    plan.action === 'delete' ? 'deleted' : null,
  ].filter(Boolean);
  return h('div', { id: 'plan' },
    h('p', {}, `Reason: ${plan.reason}. `, changes.length ? `The group would be ${changes.join(', ')}.` : plan.action === 'unchanged' ? 'Nothing would change.' : ''),
    h('table', { class: 'diff' },
      h('caption', {}, 'Now (last pass) and after the next pass'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'After the pass'))),
      h('tbody', {}, rows.map(([field, before, after, changed]) => h('tr', {},
        h('th', { scope: 'row' }, field),
        h('td', { class: changed && before !== undefined && before !== null && before !== '' ? 'before' : 'same' }, before ?? '—'),
        h('td', { class: changed ? 'after' : 'same' }, after ?? '—'))))));
}

async function syncNow(id) {
  try {
    const answer = await api(`groups/${encodeURIComponent(id)}/sync`, { method: 'POST' });
    notice(`Pass ${answer.status}: ${answer.message}`);
  } catch (error) {
    notice(error.message, true);
  }
}
