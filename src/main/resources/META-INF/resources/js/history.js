// The versions of one parameter in a modal dialog: who changed it and when (the reader's locale), its
// labels and description, a SecureString version's value on Show, and what changed in a String version
// against the one before it. The dialog takes the focus, Escape or Close shuts it, and the focus goes
// back to the History button that opened it; closing takes any shown value off the page.
import { sentenceFor } from './api.js';
import { element, when } from './dom.js';
import { secretValue } from './secret.js';
import { lineDiff } from './diff.js';

function describe(version, previous, name, actions) {
  const item = element('li', null, 'version');
  const heading = element('h3', 'Version ' + version.version);
  (version.labels || []).forEach((label) => heading.append(' ', element('span', label, 'label')));
  item.appendChild(heading);

  const facts = element('dl');
  const fact = (term, ...value) => {
    const dd = element('dd');
    dd.append(...value);
    facts.append(element('dt', term), dd);
  };
  fact('Type', version.type);
  fact('Changed by', version.lastModifiedUser || 'unknown');
  fact('When', when(version.lastModified));
  if (version.description) {
    fact('Description', version.description);
  }
  const what = name + ' version ' + version.version;
  fact('Value', version.type === 'SecureString'
    ? secretValue(what, () => actions.reveal(name, version.version), actions.say)
    : element('span', version.value, 'value'));
  item.appendChild(facts);

  const diff = lineDiff(version, previous);
  if (diff) {
    item.appendChild(diff);
  }
  return item;
}

/** @param actions {history(name), reveal(name, version), say(sentence)} */
export function historyDialog(dialog, actions) {
  const title = dialog.querySelector('#history-title');
  const status = dialog.querySelector('#history-status');
  const versions = dialog.querySelector('#history-versions');
  const close = dialog.querySelector('#history-close');
  let opener = null;
  let asked = 0;

  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    asked++;
    versions.replaceChildren();
    if (opener && opener.isConnected) {
      opener.focus();
    }
    opener = null;
  });

  return async function open(name, from) {
    const ask = ++asked;
    opener = from;
    title.textContent = 'History of ' + name;
    status.textContent = 'Loading the versions…';
    status.classList.remove('error');
    versions.replaceChildren();
    if (!dialog.open) {
      dialog.showModal();
    }
    close.focus();
    const answer = await actions.history(name);
    if (ask !== asked) {
      return; // closed or opened for another parameter meanwhile
    }
    if (!answer.ok) {
      status.textContent = sentenceFor(answer);
      status.classList.add('error');
      return;
    }
    const list = answer.body.versions || [];
    status.textContent = list.length + (list.length === 1 ? ' version' : ' versions') + ', newest first.';
    versions.replaceChildren(...list.map((version, i) => describe(version, list[i + 1], name, actions)));
  };
}
