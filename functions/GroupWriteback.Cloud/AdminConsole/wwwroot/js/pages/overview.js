import { api, can, Roles } from '../api.js';
import { fill, h, table, badge, notice } from '../dom.js';
import { time, ago, duration, percent, camel } from '../format.js';
import { every } from './refresh.js';

export const title = 'Overview';

export async function render({ who, main }) {
  const draw = async () => {
    const [status, groups] = await Promise.all([api('status'), api('groups?limit=0')]);
    fill(main, 
      h('h1', {}, 'Overview'),
      h('div', { class: 'cards' },
        card('Writeback', h('p', { class: `big ${status.writebackEnabled ? 'on' : 'off'}`, id: 'writeback-state' }, status.writebackEnabled ? 'On' : 'Off'),
          status.writeback?.disabledAt ? h('p', { class: 'muted' }, `Disabled ${time(status.writeback.disabledAt)}`) : null),
        card('Full sync', fullSync(status.fullSync)),
        card('Dead letters', h('p', { class: 'big', id: 'dead-letter-count' }, status.deadLetters ?? '?'), h('a', { href: '#/dead-letters' }, 'See the dead letters')),
        card('Delta', h('p', { class: 'big' }, camel(status.delta.phase) ?? status.delta.runtimeStatus),
          h('p', { class: 'muted' }, `${status.delta.rounds} rounds; last ${status.delta.lastRoundAt ? ago(status.delta.lastRoundAt) : 'never'}`))),
      can(who, Roles.Operate)
        ? h('div', { class: 'actions' }, h('button', { type: 'button', id: 'start-full-sync', onclick: startFullSync }, 'Start a full sync'))
        : null,
      h('h2', {}, 'Agents'),
      agents(status.agents ?? []),
      h('h2', {}, 'Groups by last outcome'),
      table('Groups by last outcome', [{ label: 'Outcome', rowHeader: true }, { label: 'Groups', num: true }],
        Object.entries(groups.outcomes).map(([outcome, count]) => [h('a', { href: `#/groups?outcome=${encodeURIComponent(outcome)}` }, badge(outcome)), count]),
        'no group has writeback state yet.'),
      h('h2', {}, 'Queues'),
      table('Queues', [{ label: 'Queue', rowHeader: true }, { label: 'Active', num: true }, { label: 'In flight', num: true }, { label: 'Dead-lettered', num: true }, 'Error'],
        status.queues.map(q => [q.queue, q.active ?? '?', q.inFlight ?? '?', q.deadLettered ?? '?', q.error ?? ''])));
  };

  const loop = every(2000, draw);
  await loop.start();
  return loop.stop;
}

function card(heading, ...body) {
  return h('section', { class: 'card', 'aria-label': heading }, h('h2', {}, heading), ...body);
}

function fullSync(run) {
  if (!run) return h('p', { id: 'full-sync-progress' }, 'No full sync has run.');
  const done = percent(run.done, run.total);
  const running = run.runtimeStatus === 'running' || run.runtimeStatus === 'pending';
  const remaining = run.estimatedCompletionAt ? (new Date(run.estimatedCompletionAt).getTime() - Date.now()) / 1000 : null;
  return [
    h('p', { class: 'big', id: 'full-sync-progress' }, `${done} %`),
    h('label', { for: 'full-sync-bar', class: 'muted' }, `${run.done} of ${run.total} groups (${camel(run.phase) ?? run.runtimeStatus})`),
    h('progress', { id: 'full-sync-bar', max: Math.max(run.total, 1), value: run.done }, `${done} %`),
    h('p', { class: 'muted', id: 'full-sync-rate' },
      run.groupsPerSecond ? `${run.groupsPerSecond} groups/s` : 'rate not known yet',
      running && remaining !== null ? ` · about ${duration(remaining)} left` : '',
      ` · started ${time(run.createdAt)}`),
  ];
}

function agents(list) {
  return table('Agents', [{ label: 'Agent', rowHeader: true }, 'Host', 'Version', 'Last seen', 'State', { label: 'Sessions', num: true }, { label: 'In flight', num: true }, 'Last error'],
    list.map(a => [a.agentId, a.host, a.version, `${time(a.lastSeen)} (${ago(a.lastSeen)})`, badge(a.state), a.openSessions, a.inFlightCommands, a.lastError ?? '']),
    'no agent has reported yet.');
}

async function startFullSync() {
  try {
    const answer = await api('sync', { method: 'POST' });
    notice(`Full sync ${answer.status}: ${answer.message}`);
  } catch (error) {
    notice(error.message, true);
  }
}
