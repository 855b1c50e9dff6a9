import { api } from '../api.js';
import { fill, h, table, badge } from '../dom.js';
import { time } from '../format.js';

export const title = 'Audit';

const Outcomes = ['', 'applied', 'noOp', 'pending', 'failed', 'approved', 'rejected', 'resubmitted', 'discarded'];

export async function render({ main, query }) {
  const filters = Object.fromEntries(['group', 'outcome', 'since', 'limit'].map(n => [n, query.get(n) ?? '']));
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const list = await api(`audit?${params}`);

  const form = h('form', { class: 'filters', role: 'search', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const next = new URLSearchParams();
    for (const name of ['group', 'outcome', 'limit']) if (data.get(name)) next.set(name, data.get(name));
    if (data.get('since')) next.set('since', new Date(`${data.get('since')}Z`).toISOString());
    location.hash = `#/audit?${next}`;
  } },
    field('audit-group', 'Group id', h('input', { id: 'audit-group', name: 'group', value: filters.group, size: 38 })),
    field('audit-outcome', 'Outcome', h('select', { id: 'audit-outcome', name: 'outcome' }, Outcomes.map(o => h('option', { value: o, selected: o === filters.outcome }, o || 'any')))),
    field('audit-since', 'Since (UTC)', h('input', { id: 'audit-since', name: 'since', type: 'datetime-local', value: filters.since ? filters.since.slice(0, 16) : '' })),
    field('audit-limit', 'At most', h('input', { id: 'audit-limit', name: 'limit', type: 'number', min: 1, max: 1000, value: filters.limit || list.limit })),
    h('button', { type: 'submit' }, 'Filter'),
    h('button', { type: 'button', class: 'secondary', id: 'refresh', onclick: () => render({ main, query }) }, 'Refresh'));

  fill(main, 
    h('h1', {}, 'Audit'),
    form,
    table(`Audit entries, newest first (${list.entries.length})`,
      [{ label: 'Time', rowHeader: true }, 'Kind', 'Group', 'Distinguished name', 'Command', 'What changed', 'Outcome', 'Failure reason', 'Message', 'Trace id', 'By'],
      list.entries.map(e => [
        time(e.time),
        e.kind,
        e.groupId ? h('a', { href: `#/groups/${encodeURIComponent(e.groupId)}` }, e.groupId) : '',
        e.distinguishedName ? h('code', {}, e.distinguishedName) : '',
        e.commandKind ?? '',
        e.changes ?? '',
        badge(e.outcome),
        e.failureReason ?? '',
        e.message ?? '',
        e.traceId ? h('code', {}, e.traceId) : '',
        e.actor ?? '',
      ]),
      'none match.'));
}

function field(id, label, control) {
  return h('div', {}, h('label', { for: id }, label), control);
}
