// Each click on Sign In carries a fresh random state (checked by signin.js against the redirect,
// so a sign-in started elsewhere is refused) and nonce (the hosted UI writes it into the id token,
// and the server checks it). In the code flow (the server's link asks for response_type=code) it
// also carries a PKCE challenge (RFC 7636, S256): a fresh random verifier stays in this tab, only its
// SHA-256 goes to the hosted UI, and the server redeems the code with the verifier. All three are
// kept by state.js until signin.js uses them.
import { rememberSignIn } from './state.js';

const link = document.getElementById('sign-in');
const problem = document.getElementById('sign-in-problem');

function randomValue() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// 32 random bytes: a 43-character verifier of the unreserved characters RFC 7636 allows.
function newVerifier() {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

function go(target, kept) {
  rememberSignIn(kept);
  target.searchParams.set('state', kept.state);
  target.searchParams.set('nonce', kept.nonce);
  window.location.assign(target.toString());
}

function cannotSignIn(text) {
  problem.textContent = text;
  problem.hidden = false;
}

link.addEventListener('click', async (event) => {
  event.preventDefault();
  const target = new URL(link.href);
  const kept = { state: randomValue(), nonce: randomValue() };
  if (target.searchParams.get('response_type') !== 'code') {
    go(target, kept);
    return;
  }
  if (!window.crypto || !crypto.subtle) {
    // WebCrypto's digest exists only in secure contexts: https, or http on a loopback address.
    cannotSignIn('Signing in needs a secure connection (https) in this browser.');
    return;
  }
  kept.verifier = newVerifier();
  try {
    target.searchParams.set('code_challenge', await challengeOf(kept.verifier));
  } catch (failed) {
    cannotSignIn('This browser could not prepare the sign-in; try again.');
    return;
  }
  target.searchParams.set('code_challenge_method', 'S256');
  go(target, kept);
});
