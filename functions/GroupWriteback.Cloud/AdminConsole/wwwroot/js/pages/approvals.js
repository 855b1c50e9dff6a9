import { api, can, Roles } from '../api.js';
import { fill, h, notice } from '../dom.js';

export const title = 'Approvals';

const Workflows = { delta: 'Delta round', fullSync: 'Full sync', disableWriteback: 'Disable writeback', group: 'Group pass' };

export async function render({ who, main }) {
  const [list, groups] = await Promise.all([api('approvals'), api('groups?limit=2000').catch(() => ({ groups: [] }))]);
  const names = new Map(groups.groups.map(g => [g.groupId, g.displayName]));
  fill(main, 
    h('h1', {}, 'Approvals'),
    list.pending.length === 0
      ? h('p', { class: 'muted' }, 'Nothing waits for an approval.')
      : h('div', {}, list.pending.map((pending, i) => approval(pending, i, names, who, can(who, Roles.Approve), () => render({ who, main })))));
}

function approval(pending, index, names, who, mayApprove, reload) {
  const preview = pending.preview;
  const heading = `${Workflows[pending.workflow] ?? pending.workflow}: ${preview.count} ${preview.kind} would be deleted`;
  const headingId = `approval-${index}`;
  const shown = preview.items.map(item => names.get(item) ? `${names.get(item)} (${item})` : item);
  const form = h('form', { class: 'actions', 'aria-labelledby': headingId, onsubmit: event => event.preventDefault() },
    // The approver recorded is the signed-in caller, never a name typed here.
    h('p', { class: 'muted' }, `Decided as ${who?.name ?? 'the key holder'}.`),
    h('div', { class: 'field' }, h('label', { for: `comment-${index}` }, 'Comment'), h('input', { id: `comment-${index}`, name: 'comment' })),
    h('button', { type: 'button', class: 'danger', onclick: event => decide(pending, 'approve', event.target.form, reload) }, 'Approve the deletes'),
    h('button', { type: 'button', class: 'secondary', onclick: event => decide(pending, 'reject', event.target.form, reload) }, 'Reject'));
  return h('section', { class: 'approval', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, heading),
    h('p', { class: 'muted' }, `Instance ${pending.instanceId}; preview ${preview.id}; an approval is asked for above ${preview.threshold} deletes.`),
    h('details', { open: true }, h('summary', {}, `What would go (${shown.length}${preview.count > shown.length ? ` of ${preview.count}` : ''})`),
      h('ul', {}, shown.map(item => h('li', {}, item)))),
    mayApprove ? form : h('p', { class: 'muted' }, 'You may look but not decide: that needs the Writeback.Approve role.'));
}

async function decide(pending, decision, form, reload) {
  const data = new FormData(form);
  try {
    const answer = await api(`approvals/${encodeURIComponent(pending.instanceId)}`, {
      method: 'POST',
      body: { decision, comment: data.get('comment') || null, previewId: pending.preview.id },
    });
    notice(`${pending.instanceId}: ${answer.status}. ${answer.message}`);
    await reload();
  } catch (error) {
    notice(error.message, true);
  }
}
