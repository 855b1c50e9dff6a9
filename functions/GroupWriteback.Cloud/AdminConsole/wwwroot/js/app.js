import { ApiError, me } from './api.js';
import { accessToken, completeSignIn, signIn, signInConfig, signOut } from './auth.js';
import { fill, h, notice } from './dom.js';
import * as overview from './pages/overview.js';
import * as groups from './pages/groups.js';
import * as group from './pages/group.js';
import * as approvals from './pages/approvals.js';
import * as deadLetters from './pages/dead-letters.js';
import * as audit from './pages/audit.js';

// Hash routes: #/overview, #/groups, #/groups/<id>, #/approvals, #/dead-letters, #/audit?group=…
const pages = { overview, groups, approvals, 'dead-letters': deadLetters, audit };
const main = document.getElementById('main');
let who = null;
let stop = null;
let shown = 0;

function parse() {
  const [path, query] = (location.hash.replace(/^#\/?/, '') || 'overview').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(query ?? '') };
}

async function show() {
  stop?.();
  stop = null;
  const { parts, query } = parse();
  const name = parts[0] === 'groups' && parts[1] ? 'group' : parts[0];
  const page = name === 'group' ? group : pages[name];
  for (const link of document.querySelectorAll('nav a')) {
    link.toggleAttribute('aria-current', false);
    if (link.dataset.page === (name === 'group' ? 'groups' : name)) link.setAttribute('aria-current', 'page');
  }

  notice('');
  if (!page) {
    main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, 'There is no such page. '), h('a', { href: '#/overview' }, 'Overview'));
    return;
  }

  // Each page draws into its own view: one that is left before it has loaded draws into a detached element.
  const generation = ++shown;
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  const context = { who, params: parts.slice(1), query, main: view };
  try {
    const end = (await page.render(context)) ?? null;
    if (generation === shown) stop = end;
    else end?.();
  } catch (error) {
    view.replaceChildren(h('h1', {}, page.title ?? 'Error'), h('p', { class: 'error' }, `Could not load the page: ${error.message}`));
  }

  document.title = `${page.title ?? 'Console'} · GroupWriteback`;
}

// With Entra sign-in, a tab without a token (or whose token the API refused) shows a sign-in button; the
// authority's answer comes back to this page.
async function start() {
  const place = document.getElementById('who');
  const signInButton = () => h('button', { type: 'button', onclick: () => signIn().catch(error => notice(error.message, true)) }, 'Sign in');
  const offerSignIn = () => {
    fill(place, signInButton());
    main.replaceChildren(h('h1', {}, 'Sign in'), h('p', {}, 'The console signs you in with your organisation\'s Microsoft Entra ID account; what you may do follows the admin API roles assigned to you.'), signInButton());
  };
  const signingIn = (await signInConfig()).enabled;
  if (signingIn) {
    try {
      await completeSignIn();
    } catch (error) {
      notice(error.message, true);
    }

    if (!accessToken()) {
      offerSignIn();
      return;
    }
  }

  try {
    who = await me();
  } catch (error) {
    if (!signingIn || !(error instanceof ApiError) || error.status !== 401) throw error;
    notice(error.message, true);
    offerSignIn();
    return;
  }

  const roles = who.roles.length ? who.roles.join(', ') : 'no admin API role';
  fill(place,
    h('span', { id: 'who-name' }, who.name),
    ` (${who.authentication === 'key' ? 'admin key' : 'signed in'}; `, h('span', { id: 'who-roles' }, roles), ')',
    who.authentication === 'entra' ? h('button', { type: 'button', id: 'sign-out', class: 'secondary', onclick: () => { signOut(); location.reload(); } }, 'Sign out') : null);
  window.addEventListener('hashchange', () => {
    show();
    main.focus();
  });
  await show();
}

start().catch(error => notice(`The console could not start: ${error.message}`, true));
