// The signed-in page's header: who is signed in, the role of the view (a picker when the sign-in
// grants several), when the session ends (in the reader's locale) and Sign out.
import { element, roleName, when } from './dom.js';

const byId = (id) => document.getElementById(id);

/** @param actions {chooseRole(arn), signOut()}: called before the Sign out link is followed */
export function sessionHeader(actions) {
  const bar = byId('session-bar');
  const user = byId('user-name');
  const roleLine = byId('role-line');
  const roleForm = byId('role-form');
  const picker = byId('role');
  const sessionEnd = byId('session-end');

  picker.addEventListener('change', () => actions.chooseRole(picker.value));
  byId('sign-out').addEventListener('click', () => actions.signOut());

  function showRoles(roles, current) {
    const several = roles.length > 1;
    roleForm.hidden = !several;
    roleLine.hidden = several;
    // No role in the answer: the identity pool chose its authenticated role (a user in no group).
    roleLine.textContent = 'Role: ' + (current ? roleName(current) : 'the default authenticated role');
    // The same roles after a switch: only the choice moves, so the picker the user is on stays as it is.
    const listed = Array.from(picker.options, (option) => option.value);
    if (listed.join('\n') !== roles.join('\n')) {
      picker.replaceChildren(...roles.map((arn) => {
        const option = element('option', roleName(arn));
        option.value = arn;
        return option;
      }));
    }
    if (current) {
      picker.value = current;
    }
  }

  return {
    show(body) {
      user.textContent = body.name;
      showRoles(body.roles || [], body.role);
      sessionEnd.hidden = !body.sessionExpiresAt;
      if (body.sessionExpiresAt) {
        sessionEnd.replaceChildren('Session ends ', when(body.sessionExpiresAt, { dateStyle: 'medium', timeStyle: 'short' }));
      }
      bar.hidden = false;
    },
    hide() {
      bar.hidden = true;
    }
  };
}
