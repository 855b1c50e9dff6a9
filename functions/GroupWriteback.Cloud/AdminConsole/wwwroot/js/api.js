// The admin API, called with the signed-in user's access token when the host has Entra sign-in (auth.js), and
// otherwise with the key the page asked for once (kept in this tab's sessionStorage).
import { accessToken, signIn, signInConfig, signOut } from './auth.js';

const KeyName = 'groupwriteback.adminKey';
export const Roles = { Read: 'Writeback.Read', Operate: 'Writeback.Operate', Approve: 'Writeback.Approve' };

export class ApiError extends Error {
  constructor(status, message, target) {
    super(message);
    this.status = status;
    this.target = target;
  }
}

// One prompt at a time, however many calls were refused at once.
let asking = null;

function askKey() {
  asking ??= new Promise(resolve => {
    const dialog = document.getElementById('key-dialog');
    const form = document.getElementById('key-form');
    const input = document.getElementById('key-input');
    form.addEventListener('submit', () => {
      sessionStorage.setItem(KeyName, input.value);
      input.value = '';
      asking = null;
      resolve();
    }, { once: true });
    if (!dialog.open) dialog.showModal();
    input.focus();
  });
  return asking;
}

async function send(path, method, body, token) {
  const headers = { Accept: 'application/json' };
  const key = token ? null : sessionStorage.getItem(KeyName);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['x-functions-key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { response, key };
}

// Answers the JSON body; any failure throws ApiError with the API's message. Signed in, a 401 forgets the token
// (expired or refused) and, when there was none, goes to sign in; with a key, a 401 asks for the key and tries again.
export async function api(path, { method = 'GET', body } = {}) {
  if ((await signInConfig()).enabled) return answer(path, method, await signedInSend(path, method, body));
  let { response, key } = await send(path, method, body);
  for (let tries = 0; response.status === 401 && tries < 3; tries++) {
    // Only the key this call was refused with is forgotten: another call may have been given a new one meanwhile.
    if (sessionStorage.getItem(KeyName) === key) {
      sessionStorage.removeItem(KeyName);
      await askKey();
    }

    ({ response, key } = await send(path, method, body));
  }

  return answer(path, method, response);
}

async function signedInSend(path, method, body) {
  const token = accessToken();
  if (!token) {
    await signIn();
    throw new ApiError(401, 'Signing in…');
  }

  const { response } = await send(path, method, body, token);
  if (response.status === 401) signOut();
  return response;
}

async function answer(path, method, response) {
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.message ?? `${method} /api/${path} answered ${response.status}`, data?.error?.target);
  }

  return data;
}

// Who the caller is: GET /api/me where the host answers it; otherwise the key holder, who may do everything.
export async function me() {
  try {
    const answer = await api('me');
    if (answer && Array.isArray(answer.roles)) return answer;
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405)) throw error;
  }

  return { name: 'admin key', roles: Object.values(Roles), authentication: 'key' };
}

export function can(who, role) {
  return who.roles.includes(role);
}
