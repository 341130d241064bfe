// Each click on Sign In carries a fresh random state (checked by signin.js against the redirect,
// so a sign-in started elsewhere is refused) and nonce (the hosted UI writes it into the id token,
// and the server checks it). Both live in sessionStorage: this tab only, gone when it closes.
(function () {
  'use strict';
  var link = document.getElementById('sign-in');

  function randomValue() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  link.addEventListener('click', function (event) {
    event.preventDefault();
    var state = randomValue();
    var nonce = randomValue();
    sessionStorage.setItem('portal.state', state);
    sessionStorage.setItem('portal.nonce', nonce);
    var target = new URL(link.href);
    target.searchParams.set('state', state);
    target.searchParams.set('nonce', nonce);
    window.location.assign(target.toString());
  });
}());
