// Each click on Sign In carries a fresh random state (checked by signin.js against the redirect,
// so a sign-in started elsewhere is refused) and nonce (the hosted UI writes it into the id token,
// and the server checks it). In the code flow (the server's link asks for response_type=code) it
// also carries a PKCE challenge (RFC 7636, S256): a fresh random verifier stays in this tab, only its
// SHA-256 goes to the hosted UI, and the server redeems the code with the verifier. All three live in
// sessionStorage: this tab only, gone when it closes, removed by signin.js once used.
(function () {
  'use strict';
  var link = document.getElementById('sign-in');
  var problem = document.getElementById('sign-in-problem');

  function randomValue() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function base64url(bytes) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(bytes)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // 32 random bytes: a 43-character verifier of the unreserved characters RFC 7636 allows.
  function newVerifier() {
    var bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    return base64url(bytes);
  }

  function challengeOf(verifier) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(base64url);
  }

  function go(target, state, nonce) {
    sessionStorage.setItem('portal.state', state);
    sessionStorage.setItem('portal.nonce', nonce);
    target.searchParams.set('state', state);
    target.searchParams.set('nonce', nonce);
    window.location.assign(target.toString());
  }

  function cannotSignIn(text) {
    problem.textContent = text;
    problem.hidden = false;
  }

  link.addEventListener('click', function (event) {
    event.preventDefault();
    var target = new URL(link.href);
    var state = randomValue();
    var nonce = randomValue();
    if (target.searchParams.get('response_type') !== 'code') {
      go(target, state, nonce);
      return;
    }
    if (!window.crypto || !crypto.subtle) {
      // WebCrypto's digest exists only in secure contexts: https, or http on a loopback address.
      cannotSignIn('Signing in needs a secure connection (https) in this browser.');
      return;
    }
    var verifier = newVerifier();
    challengeOf(verifier).then(function (challenge) {
      sessionStorage.setItem('portal.verifier', verifier);
      target.searchParams.set('code_challenge', challenge);
      target.searchParams.set('code_challenge_method', 'S256');
      go(target, state, nonce);
    }).catch(function () {
      cannotSignIn('This browser could not prepare the sign-in; try again.');
    });
  });
}());
