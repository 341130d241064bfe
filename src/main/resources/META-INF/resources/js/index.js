// Implicit flow: each click on Sign In carries a fresh random state (checked by signin.js against the
// redirect, so a sign-in started elsewhere is refused) and nonce (the hosted UI writes it into the id
// token, and the server checks it), kept by state.js until signin.js uses them.
// Code flow: Sign In is the service's own /login, which makes state, nonce and the PKCE verifier itself
// and keeps them server-side (an encrypted cookie), so the link is followed as it is.
import { rememberSignIn } from './state.js';

const link = document.getElementById('sign-in');

function randomValue() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

link.addEventListener('click', (event) => {
  const target = new URL(link.href);
  if (target.searchParams.get('response_type') !== 'token') {
    return;
  }
  event.preventDefault();
  const kept = { state: randomValue(), nonce: randomValue() };
  rememberSignIn(kept);
  target.searchParams.set('state', kept.state);
  target.searchParams.set('nonce', kept.nonce);
  window.location.assign(target.toString());
});
