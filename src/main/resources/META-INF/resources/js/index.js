// Implicit flow: each click on Sign In carries a fresh random state (checked by signin.js against the
// redirect, so a sign-in started elsewhere is refused) and nonce (the hosted UI writes it into the id
// token, and the server checks it), kept in sessionStorage: this tab only, removed by signin.js once used.
// Code flow: Sign In is the service's own /login, which makes state, nonce and the PKCE verifier itself
// and keeps them server-side (an encrypted cookie), so the link is followed as it is.
(function () {
  'use strict';
  var link = document.getElementById('sign-in');

  function randomValue() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  link.addEventListener('click', function (event) {
    var target = new URL(link.href);
    if (target.searchParams.get('response_type') !== 'token') {
      return;
    }
    event.preventDefault();
    var state = randomValue();
    var nonce = randomValue();
    sessionStorage.setItem('portal.state', state);
    sessionStorage.setItem('portal.nonce', nonce);
    target.searchParams.set('state', state);
    target.searchParams.set('nonce', nonce);
    window.location.assign(target.toString());
  });
}());
