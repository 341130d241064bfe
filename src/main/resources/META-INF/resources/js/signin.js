// The hosted UI redirects here with the tokens in the fragment (implicit grant). Take the id token,
// drop the fragment from the address bar and history, check that this tab started the sign-in
// (state), and let the server verify the token (and its nonce) and read the parameter with the
// user's own credentials.
(function () {
  'use strict';
  var nameLine = document.getElementById('name');
  var parameterLine = document.getElementById('parameter');
  var detailLine = document.getElementById('detail');

  var fragment = new URLSearchParams(window.location.hash.substring(1));
  var idToken = fragment.get('id_token');
  if (window.location.hash) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  var expectedState = sessionStorage.getItem('portal.state');
  var nonce = sessionStorage.getItem('portal.nonce');
  sessionStorage.removeItem('portal.state');
  sessionStorage.removeItem('portal.nonce');

  function deny(name, detail) {
    nameLine.textContent = 'Name: ' + (name || 'Guest');
    parameterLine.textContent = 'Deny access to SSM Parameter Store.';
    detailLine.textContent = detail || '';
  }

  if (!idToken) {
    deny(null, '');
    return;
  }
  if (!expectedState || fragment.get('state') !== expectedState) {
    deny(null, 'This sign-in was not started from this page; sign in again.');
    return;
  }

  fetch('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ idToken: idToken, nonce: nonce })
  }).then(function (response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (response.ok) {
        nameLine.textContent = 'Name: ' + body.name;
        parameterLine.textContent = 'SSM Parameter Store: ' + body.parameter.value;
        detailLine.textContent = '';
      } else {
        deny(body.name, body.detail);
      }
    });
  }).catch(function () {
    deny(null, 'The service could not be reached.');
  });
}());
