import { api, can, Roles } from '../api.js';
import { fill, h, table, notice } from '../dom.js';
import { time } from '../format.js';

export const title = 'Dead letters';

export async function render({ who, main }) {
  const list = await api('dead-letters');
  const mayOperate = can(who, Roles.Operate);
  const reload = () => render({ who, main });
  fill(main, 
    h('h1', {}, 'Dead letters'),
    h('p', { class: 'muted' }, 'Messages the agent or the cloud could not process. Resubmit sends one back to its queue; discard deletes it. Both are audited.'),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'refresh', onclick: reload }, 'Refresh')),
    ...list.errors.map(e => h('p', { class: 'error' }, `${e.queue}: ${e.error}`)),
    table('Dead-lettered messages',
      [{ label: 'Message', rowHeader: true }, 'Queue', 'Group', 'Reason', 'Description', 'Enqueued', { label: 'Deliveries', num: true }, 'Body', ...(mayOperate ? ['Actions'] : [])],
      list.deadLetters.map(d => [
        h('code', {}, d.messageId),
        d.queue,
        d.sessionId ?? '',
        d.reason ?? '',
        d.description ?? '',
        time(d.enqueuedAt),
        d.deliveryCount,
        h('details', {}, h('summary', {}, 'Body'), h('pre', {}, d.body)),
        ...(mayOperate ? [h('div', { class: 'actions' },
          h('button', { type: 'button', 'aria-label': `Resubmit ${d.messageId} to ${d.queue}`, onclick: () => act(d, 'resubmit', reload) }, 'Resubmit'),
          h('button', { type: 'button', class: 'danger', 'aria-label': `Discard ${d.messageId} from ${d.queue}`, onclick: () => act(d, 'discard', reload) }, 'Discard'))] : []),
      ]),
      'there are none.'));
}

async function act(message, action, reload) {
  try {
    const answer = await api(`dead-letters/${encodeURIComponent(message.queue)}/${message.id}/${action}`, { method: 'POST' });
    notice(`${message.messageId}: ${answer.status}.`);
    await reload();
  } catch (error) {
    notice(error.message, true);
  }
}
