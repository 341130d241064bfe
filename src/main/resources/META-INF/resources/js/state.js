// What an implicit-flow sign-in keeps in this tab between the index page and /signin, in sessionStorage
// (this tab only, gone when it closes). The keys are named here and nowhere else; signin.js takes each
// entry once and removes it. The code flow keeps nothing in the browser (the service holds its state).
const KEYS = Object.freeze({
  state: 'portal.state',
  nonce: 'portal.nonce'
});

/** Before leaving for the hosted UI: the state and nonce sent with the sign-in. */
export function rememberSignIn({ state, nonce }) {
  sessionStorage.setItem(KEYS.state, state);
  sessionStorage.setItem(KEYS.nonce, nonce);
}

/** What the sign-in that led here left behind, removed as it is read: each value is good for one use. */
export function takeSignIn() {
  const taken = {};
  for (const [field, key] of Object.entries(KEYS)) {
    taken[field] = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  }
  return taken;
}

/** Sign out: nothing of a sign-in stays in this tab. */
export function forgetSignIn() {
  Object.values(KEYS).forEach((key) => sessionStorage.removeItem(key));
}
