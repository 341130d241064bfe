// The service's JSON API. Every call resolves (never rejects) to {ok, status, body}: body is the JSON
// answer, a problem+json (RFC 9457) on a refusal, or {} when nothing readable came back; status 0 means
// the service could not be reached.

async function post(path, request) {
  let response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      cache: 'no-store'
    });
  } catch (unreachable) {
    return { ok: false, status: 0, body: {} };
  }
  const body = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body: body || {} };
}

/**
 * The calls of one signed-in page. {@code credentials} is what proves the sign-in in each body: the
 * implicit flow's {idToken, nonce}, kept in this page's memory only (forget() drops it: Sign out), or
 * nothing in the code flow, whose HttpOnly session cookie goes along by itself.
 */
export function signedInApi(credentials) {
  let proof = credentials;
  const withProof = (fields, role) => {
    const request = Object.assign({}, proof, fields);
    if (role) {
      request.role = role;
    }
    return request;
  };
  return {
    session: (role) => post('/api/session', withProof({}, role)),
    parameter: (name, version, role) => post('/api/parameter', withProof(version ? { name, version } : { name }, role)),
    history: (name, role) => post('/api/history', withProof({ name }, role)),
    forget: () => { proof = {}; }
  };
}

/** The sentence a refused call shows in place of what was asked for. */
export function sentenceFor(answer) {
  if (answer.status === 0) {
    return 'The service could not be reached; try again.';
  }
  if (answer.status === 401) {
    return 'Your session ended — sign in again.';
  }
  return answer.body.detail || answer.body.title || 'The service could not answer (' + answer.status + '); try again.';
}
