// Implicit flow: the hosted UI redirects here with the tokens in the fragment. Take them, drop them from
// the address bar and history first, check that this tab started the sign-in (state), and let the server
// verify the token (and its nonce). Code flow: the service redeemed the code and keeps the tokens in its
// session (an HttpOnly cookie), so the page only asks the API with that cookie. Either way the server
// reads with the user's own credentials, and the answer fills the page: the header (header.js), the
// seed's two lines, the search box (search.js) and a table per configured path (paths.js), whose
// SecureStrings come only on Show and whose history opens on demand.
import { sentenceFor, signedInApi } from './api.js';
import { sessionHeader } from './header.js';
import { historyDialog } from './history.js';
import { showPaths } from './paths.js';
import { parameterSearch } from './search.js';
import { forgetSignIn, takeSignIn } from './state.js';

const byId = (id) => document.getElementById(id);
const codeFlow = byId('view').dataset.flow === 'code';
const nameLine = byId('name');
const parameterLine = byId('parameter');
const detailLine = byId('detail');
const pathsArea = byId('paths');
const status = byId('status');
const search = parameterSearch(byId('search'), byId('filter'), byId('filter-count'));

const query = new URLSearchParams(window.location.search);
const fragment = new URLSearchParams(window.location.hash.substring(1));
if (window.location.search || window.location.hash) {
  history.replaceState(null, '', window.location.pathname);
}
const kept = takeSignIn();
const idToken = fragment.get('id_token');

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
let role = null;

const header = sessionHeader({
  // The same sign-in asks again as the other role: the implicit flow posts its token (kept in this page
  // only) again, the code flow's session cookie goes along by itself.
  chooseRole: (arn) => view(arn),
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
  search.show(showPaths(pathsArea, body.paths || [], actions));
}

async function view(chosenRole) {
  const answer = await api.session(chosenRole);
  if (answer.ok) {
    show(answer.body);
  } else {
    const ended = answer.status === 0 || answer.body.reason === 'SESSION_ENDED';
    deny(answer.body.name, ended ? sentenceFor(answer) : answer.body.detail);
  }
}

function start() {
  // The hosted UI's refusal (e.g. error=invalid_request): its OAuth error code, never free text from the address.
  if (query.get('error')) {
    const error = /^[a-z_]{1,40}$/.test(query.get('error')) ? ' (' + query.get('error') + ')' : '';
    deny(null, 'The hosted UI refused the sign-in' + error + '; sign in again.');
    return;
  }
  if (codeFlow) {
    api = signedInApi({});
    view(null);
    return;
  }
  if (!idToken) {
    deny(null, '');
    return;
  }
  // A state we did not send.
  if (!kept.state || fragment.get('state') !== kept.state) {
    deny(null, 'This sign-in was not started from this page; sign in again.');
    return;
  }
  api = signedInApi({ idToken, nonce: kept.nonce });
  view(null);
}

start();
