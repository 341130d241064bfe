// Implicit flow: the hosted UI redirects here with the tokens in the fragment. Take them, drop them from
// the address bar and history first, check that this tab started the sign-in (state), and let the server
// verify the token (and its nonce). Code flow: the service redeemed the code and keeps the tokens in its
// session (an HttpOnly cookie), so the page only asks /api/session with that cookie. Either way the server
// reads the parameters with the user's own credentials, and the answer fills the page: the seed's two
// lines, a role picker when the sign-in grants several roles, and a table per configured path (a
// SecureString's value hidden until Show). Values are set as text, never as HTML.
(function () {
  'use strict';
  var codeFlow = document.currentScript.dataset.flow === 'code';
  var nameLine = document.getElementById('name');
  var parameterLine = document.getElementById('parameter');
  var detailLine = document.getElementById('detail');
  var roleForm = document.getElementById('role-form');
  var rolePicker = document.getElementById('role');
  var pathsArea = document.getElementById('paths');
  var copyStatus = document.getElementById('copy-status');

  var query = new URLSearchParams(window.location.search);
  var fragment = new URLSearchParams(window.location.hash.substring(1));
  if (window.location.search || window.location.hash) {
    history.replaceState(null, '', window.location.pathname);
  }
  var expectedState = sessionStorage.getItem('portal.state');
  var nonce = sessionStorage.getItem('portal.nonce');
  sessionStorage.removeItem('portal.state');
  sessionStorage.removeItem('portal.nonce');

  var idToken = fragment.get('id_token');

  // Fills the page from a successful answer of /api/session.
  function show(body) {
    nameLine.textContent = 'Name: ' + body.name;
    parameterLine.textContent = 'SSM Parameter Store: ' + body.parameter.value;
    detailLine.textContent = '';
    showRoles(body.roles || [], body.role);
    showPaths(body.paths || []);
  }

  function deny(name, detail) {
    nameLine.textContent = 'Name: ' + (name || 'Guest');
    parameterLine.textContent = 'Deny access to SSM Parameter Store.';
    detailLine.textContent = detail || '';
    pathsArea.replaceChildren();
  }

  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text !== undefined && text !== null) {
      made.textContent = text;
    }
    if (className) {
      made.className = className;
    }
    return made;
  }

  /** The last part of a role ARN is what people call it. */
  function roleName(arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  function showRoles(roles, current) {
    roleForm.hidden = roles.length < 2;
    rolePicker.replaceChildren();
    roles.forEach(function (arn) {
      var option = element('option', roleName(arn));
      option.value = arn;
      option.selected = arn === current;
      rolePicker.appendChild(option);
    });
  }

  function showPaths(paths) {
    pathsArea.replaceChildren();
    paths.forEach(function (listing) {
      var section = element('section', null, 'path');
      if (listing.denied) {
        section.appendChild(element('h2', listing.path));
        section.appendChild(element('p', 'Your role may not read the parameters under ' + listing.path + '.', 'denied'));
      } else {
        section.appendChild(table(listing));
        if (listing.truncated) {
          section.appendChild(element('p', 'Only the first ' + listing.parameters.length
              + ' parameters are shown; this path holds more.', 'detail'));
        }
      }
      pathsArea.appendChild(section);
    });
  }

  var COLUMNS = ['Name', 'Type', 'Value', 'Version', 'Last modified'];

  function table(listing) {
    var made = element('table');
    var count = listing.parameters.length;
    made.appendChild(element('caption', listing.path + ' · ' + count + (count === 1 ? ' parameter' : ' parameters')));
    var head = element('thead');
    var headRow = element('tr');
    COLUMNS.forEach(function (column) {
      var th = element('th', column);
      th.scope = 'col';
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    made.appendChild(head);
    var rows = element('tbody');
    if (count === 0) {
      var empty = element('td', 'No parameter here that your role may read.');
      empty.colSpan = COLUMNS.length;
      rows.appendChild(element('tr')).appendChild(empty);
    }
    listing.parameters.forEach(function (parameter) {
      var row = element('tr');
      row.appendChild(cell('Name', element('span', parameter.name, 'name')));
      row.appendChild(cell('Type', element('span', parameter.type)));
      row.appendChild(cell('Value', parameter.type === 'SecureString' ? secret(parameter) : element('span', parameter.value, 'value')));
      row.appendChild(cell('Version', element('span', String(parameter.version))));
      row.appendChild(cell('Last modified', when(parameter.lastModified)));
      rows.appendChild(row);
    });
    made.appendChild(rows);
    return made;
  }

  function cell(label, content) {
    var td = element('td');
    td.setAttribute('data-label', label);
    td.appendChild(content);
    return td;
  }

  /** A date in the reader's own locale and time zone, with the exact instant kept in the markup. */
  function when(iso) {
    var time = element('time');
    if (iso) {
      time.dateTime = iso;
      time.textContent = new Date(iso).toLocaleString();
    }
    return time;
  }

  /** A SecureString: hidden until Show, then copyable; Hide hides it again. */
  function secret(parameter) {
    var box = element('span', null, 'secret');
    var shown = element('span', '••••••••', 'value');
    var toggle = element('button', 'Show');
    toggle.type = 'button';
    toggle.setAttribute('aria-label', 'Show the value of ' + parameter.name);
    toggle.setAttribute('aria-pressed', 'false');
    var copy = element('button', 'Copy');
    copy.type = 'button';
    copy.setAttribute('aria-label', 'Copy the value of ' + parameter.name);
    toggle.addEventListener('click', function () {
      var reveal = toggle.getAttribute('aria-pressed') !== 'true';
      shown.textContent = reveal ? parameter.value : '••••••••';
      toggle.textContent = reveal ? 'Hide' : 'Show';
      toggle.setAttribute('aria-pressed', String(reveal));
    });
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(parameter.value).then(function () {
        copyStatus.textContent = 'Copied the value of ' + parameter.name + '.';
      }, function () {
        copyStatus.textContent = 'This browser did not allow copying; use Show and copy by hand.';
      });
    });
    box.appendChild(shown);
    box.appendChild(toggle);
    box.appendChild(copy);
    return box;
  }

  // The hosted UI's refusal (e.g. error=invalid_request): its OAuth error code, never free text from the address.
  if (query.get('error')) {
    var error = /^[a-z_]{1,40}$/.test(query.get('error')) ? ' (' + query.get('error') + ')' : '';
    deny(null, 'The hosted UI refused the sign-in' + error + '; sign in again.');
    return;
  }
  if (!codeFlow && !idToken) {
    deny(null, '');
    return;
  }
  // A state we did not send.
  if (!codeFlow && (!expectedState || fragment.get('state') !== expectedState)) {
    deny(null, 'This sign-in was not started from this page; sign in again.');
    return;
  }

  function view(role) {
    var request = codeFlow ? {} : { idToken: idToken, nonce: nonce };
    if (role) {
      request.role = role;
    }
    fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          show(body);
        } else if (body.reason === 'SESSION_ENDED') {
          deny(null, 'Your session ended \u2014 sign in again.');
        } else {
          deny(body.name, body.detail);
        }
      });
    }).catch(function () {
      deny(null, 'The service could not be reached.');
    });
  }

  // Another role: the same sign-in asks again (the implicit flow posts its token again, the code flow's
  // session cookie goes along by itself).
  rolePicker.addEventListener('change', function () {
    view(rolePicker.value);
  });

  view(null);
}());
