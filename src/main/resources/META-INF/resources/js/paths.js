// A table per configured path (or a sentence when the role may not read it). A String's value is
// shown; a SecureString's comes only on Show (secret.js). Every row has its History (history.js).
import { button, element, when } from './dom.js';
import { secretValue } from './secret.js';

const COLUMNS = ['Name', 'Type', 'Value', 'Version', 'Last modified'];

function cell(label, ...content) {
  const td = element('td');
  td.setAttribute('data-label', label);
  td.append(...content);
  return td;
}

/** The version and its History button, kept together as one grid item on narrow screens. */
function withHistory(version, history) {
  const both = element('span', null, 'version-cell');
  both.append(version, history);
  return both;
}

function fullRow(text, className) {
  const td = element('td', text);
  td.colSpan = COLUMNS.length;
  const row = element('tr', null, className);
  row.appendChild(td);
  return row;
}

/**
 * @param actions {reveal(name), openHistory(name, opener), say(sentence)}
 * @returns the rows, each {row, name, value (a String's, else null), noMatch (its table's "nothing matches" row)}
 */
function table(listing, actions, rows) {
  const made = element('table');
  const count = listing.parameters.length;
  made.appendChild(element('caption', listing.path + ' · ' + count + (count === 1 ? ' parameter' : ' parameters')));
  const headRow = element('tr');
  COLUMNS.forEach((column) => {
    const th = element('th', column);
    th.scope = 'col';
    headRow.appendChild(th);
  });
  made.appendChild(element('thead')).appendChild(headRow);
  const body = element('tbody');
  if (count === 0) {
    body.appendChild(fullRow('No parameter here that your role may read.'));
  }
  const noMatch = fullRow('No parameter here matches the search.', 'no-match');
  noMatch.hidden = true;
  listing.parameters.forEach((parameter) => {
    const secure = parameter.type === 'SecureString';
    const history = button('History', 'History of ' + parameter.name);
    history.className = 'history-button';
    history.addEventListener('click', () => actions.openHistory(parameter.name, history));
    const row = element('tr');
    row.append(
      cell('Name', element('span', parameter.name, 'name')),
      cell('Type', element('span', parameter.type)),
      cell('Value', secure
        ? secretValue(parameter.name, () => actions.reveal(parameter.name), actions.say)
        : element('span', parameter.value, 'value')),
      cell('Version', withHistory(element('span', String(parameter.version)), history)),
      cell('Last modified', when(parameter.lastModified)));
    body.appendChild(row);
    rows.push({ row, name: parameter.name, value: secure ? null : parameter.value, noMatch });
  });
  body.appendChild(noMatch);
  made.appendChild(body);
  return made;
}

/** Fills the area with the paths of a view and returns its parameter rows (for the search). */
export function showPaths(area, paths, actions) {
  const rows = [];
  area.replaceChildren();
  paths.forEach((listing) => {
    const section = element('section', null, 'path');
    if (listing.denied) {
      section.append(element('h2', listing.path),
        element('p', 'Your role may not read the parameters under ' + listing.path + '.', 'denied'));
    } else {
      section.appendChild(table(listing, actions, rows));
      if (listing.truncated) {
        section.appendChild(element('p', 'Only the first ' + listing.parameters.length
            + ' parameters are shown; this path holds more.', 'detail'));
      }
    }
    area.appendChild(section);
  });
  return rows;
}
