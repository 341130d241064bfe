// The hosted UI redirects here with the tokens in the fragment (implicit grant) or with a one-time
// code in the query (code grant with PKCE). Take what came, drop it from the address bar and history
// first, check that this tab started the sign-in (state), and let the server verify the token (and its
// nonce) — in the code flow after redeeming the code with this tab's PKCE verifier, so the tokens never
// reach the browser — and read the parameters with the user's own credentials. The answer fills the
// page: the header (header.js), the seed's two lines, the search box (search.js) and a table per
// configured path (paths.js), whose SecureStrings come only on Show and whose history opens on demand.
import { sentenceFor, signedInApi } from './api.js';
import { sessionHeader } from './header.js';
import { historyDialog } from './history.js';
import { showPaths } from './paths.js';
import { parameterSearch } from './search.js';
import { forgetSignIn, rememberRole, takeSignIn } from './state.js';

const byId = (id) => document.getElementById(id);
const nameLine = byId('name');
const parameterLine = byId('parameter');
const detailLine = byId('detail');
const roleNote = byId('role-note');
const pathsArea = byId('paths');
const status = byId('status');
const search = parameterSearch(byId('search'), byId('filter'), byId('filter-count'));

const query = new URLSearchParams(window.location.search);
const fragment = new URLSearchParams(window.location.hash.substring(1));
if (window.location.search || window.location.hash) {
  history.replaceState(null, '', window.location.pathname);
}
const kept = takeSignIn();
// The sign-in as the redirect delivered it: a code (query) or an id token (fragment).
const code = query.get('code');
const idToken = fragment.get('id_token');
const returned = code ? query : fragment;

const say = (sentence) => { status.textContent = sentence; };

function deny(name, detail) {
  header.hide();
  nameLine.textContent = 'Name: ' + (name || 'Guest');
  parameterLine.textContent = 'Deny access to SSM Parameter Store.';
  detailLine.textContent = detail || '';
  pathsArea.replaceChildren();
  search.show([]);
}

let api = null;
let role = kept.role;

const header = sessionHeader({
  // The implicit flow's token (kept in this page only) is posted again with the other role; the code
  // flow's code is spent, so the choice is kept for this tab and a new sign-in carries it.
  chooseRole(arn) {
    if (code) {
      rememberRole(arn);
      window.location.assign('/');
    } else {
      view(arn);
    }
  },
  signOut() {
    api.forget();
    forgetSignIn();
  }
});

const openHistory = historyDialog(byId('history'), {
  history: (name) => api.history(name, role),
  reveal: (name, version) => api.parameter(name, version, role),
  say
});

const actions = {
  reveal: (name) => api.parameter(name, null, role),
  openHistory,
  say
};

function show(body) {
  role = body.role || role;
  header.show(body);
  nameLine.textContent = 'Name: ' + body.name;
  parameterLine.textContent = 'SSM Parameter Store: ' + body.parameter.value;
  detailLine.textContent = '';
  roleNote.hidden = !code || (body.roles || []).length < 2;
  search.show(showPaths(pathsArea, body.paths || [], actions));
}

async function view(chosenRole) {
  const answer = await api.session(chosenRole);
  if (answer.ok) {
    show(answer.body);
  } else {
    deny(answer.body.name, answer.status === 0 ? sentenceFor(answer) : answer.body.detail);
  }
}

function start() {
  // The hosted UI's refusal (e.g. error=invalid_request): its OAuth error code, never free text from the address.
  if (query.get('error')) {
    const error = /^[a-z_]{1,40}$/.test(query.get('error')) ? ' (' + query.get('error') + ')' : '';
    deny(null, 'The hosted UI refused the sign-in' + error + '; sign in again.');
    return;
  }
  if (!code && !idToken) {
    deny(null, '');
    return;
  }
  // A state we did not send, or a code without the verifier this page kept for it.
  if (!kept.state || returned.get('state') !== kept.state || (code && !kept.verifier)) {
    deny(null, 'This sign-in was not started from this page; sign in again.');
    return;
  }
  api = signedInApi(code
    ? { code, codeVerifier: kept.verifier, nonce: kept.nonce }
    : { idToken, nonce: kept.nonce });
  view(kept.role);
}

start();
