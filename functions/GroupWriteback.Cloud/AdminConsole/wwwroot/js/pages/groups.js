import { api } from '../api.js';
import { fill, h, table, badge } from '../dom.js';
import { time, camel } from '../format.js';

export const title = 'Groups';

const Outcomes = ['', 'succeeded', 'partial', 'failed', 'timedOut', 'deleted', 'skipped', 'rejected', 'none'];

export async function render({ main, query }) {
  const search = query.get('search') ?? '';
  const outcome = query.get('outcome') ?? '';
  const params = new URLSearchParams({ limit: '500' });
  if (search) params.set('search', search);
  if (outcome) params.set('outcome', outcome);
  const list = await api(`groups?${params}`);

  const form = h('form', { class: 'filters', role: 'search', onsubmit: event => {
    event.preventDefault();
    const next = new URLSearchParams();
    const data = new FormData(event.target);
    for (const name of ['search', 'outcome']) if (data.get(name)) next.set(name, data.get(name));
    location.hash = `#/groups?${next}`;
  } },
    h('div', {}, h('label', { for: 'group-search' }, 'Name, id or DN contains'), h('input', { id: 'group-search', name: 'search', type: 'search', value: search })),
    h('div', {}, h('label', { for: 'group-outcome' }, 'Last outcome'),
      h('select', { id: 'group-outcome', name: 'outcome' }, Outcomes.map(o => h('option', { value: o, selected: o === outcome }, o || 'any')))),
    h('button', { type: 'submit' }, 'Search'));

  fill(main, 
    h('h1', {}, 'Groups'),
    form,
    h('p', { class: 'muted' }, `${list.matched} groups match${list.matched > list.groups.length ? `; the first ${list.groups.length} are listed` : ''}.`),
    table('Groups with writeback state',
      [{ label: 'Group', rowHeader: true }, 'Phase', 'In AD', 'Last outcome', 'Failure or skip reason', { label: 'Members written', num: true }, { label: 'Members skipped', num: true }, 'Last pass'],
      list.groups.map(g => [
        h('a', { href: `#/groups/${encodeURIComponent(g.groupId)}` }, g.displayName ?? g.groupId),
        camel(g.phase),
        g.writtenBack ? 'yes' : 'no',
        badge(g.lastOutcome),
        g.lastError ?? g.skipReason ?? '',
        g.membersWritten,
        g.membersSkipped,
        time(g.lastPassAt),
      ]),
      'no group matches.'));
}
