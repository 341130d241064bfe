// The hosted UI redirects here with the tokens in the fragment (implicit grant) or with a one-time
// code in the query (code grant with PKCE). Take what came, drop it from the address bar and history
// first, check that this tab started the sign-in (state), and let the server verify the token (and
// its nonce) — in the code flow after redeeming the code with this tab's PKCE verifier, so the tokens
// never reach the browser — and read the parameter with the user's own credentials.
(function () {
  'use strict';
  var nameLine = document.getElementById('name');
  var parameterLine = document.getElementById('parameter');
  var detailLine = document.getElementById('detail');

  var query = new URLSearchParams(window.location.search);
  var fragment = new URLSearchParams(window.location.hash.substring(1));
  if (window.location.search || window.location.hash) {
    history.replaceState(null, '', window.location.pathname);
  }
  var expectedState = sessionStorage.getItem('portal.state');
  var nonce = sessionStorage.getItem('portal.nonce');
  var verifier = sessionStorage.getItem('portal.verifier');
  sessionStorage.removeItem('portal.state');
  sessionStorage.removeItem('portal.nonce');
  sessionStorage.removeItem('portal.verifier');

  // The sign-in as the redirect delivered it: a code (query) or an id token (fragment).
  var code = query.get('code');
  var idToken = fragment.get('id_token');
  var returned = code ? query : fragment;

  // Fills the page from a successful answer of /api/session.
  function show(body) {
    nameLine.textContent = 'Name: ' + body.name;
    parameterLine.textContent = 'SSM Parameter Store: ' + body.parameter.value;
    detailLine.textContent = '';
  }

  function deny(name, detail) {
    nameLine.textContent = 'Name: ' + (name || 'Guest');
    parameterLine.textContent = 'Deny access to SSM Parameter Store.';
    detailLine.textContent = detail || '';
  }

  // The hosted UI's refusal (e.g. error=invalid_request): its OAuth error code, never free text from the address.
  if (query.get('error')) {
    var error = /^[a-z_]{1,40}$/.test(query.get('error')) ? ' (' + query.get('error') + ')' : '';
    deny(null, 'The hosted UI refused the sign-in' + error + '; sign in again.');
    return;
  }
  if (!code && !idToken) {
    deny(null, '');
    return;
  }
  if (!expectedState || returned.get('state') !== expectedState) {
    deny(null, 'This sign-in was not started from this page; sign in again.');
    return;
  }
  if (code && !verifier) {
    deny(null, 'This sign-in was not started from this page; sign in again.');
    return;
  }

  fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(code ? { code: code, codeVerifier: verifier, nonce: nonce } : { idToken: idToken, nonce: nonce })
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (response.ok) {
        show(body);
      } else {
        deny(body.name, body.detail);
      }
    });
  }).catch(function () {
    deny(null, 'The service could not be reached.');
  });
}());
