// What changed in a String version against the one before it, as the service computed it: one line
// per entry, removed lines struck through and marked "removed", added ones marked "added" (in words for
// screen readers, not only by colour).
import { element, unseen } from './dom.js';

const MARKS = {
  delete: { tag: 'del', sign: '−', words: 'removed: ' },
  insert: { tag: 'ins', sign: '+', words: 'added: ' },
  equal: { tag: 'span', sign: ' ', words: '' }
};

/**
 * @param version a version of /api/history, whose diff (docs/api.md) runs from the previous version's value
 * @param previous the version listed after it (one older)
 * @returns the diff's figure, or null when the version carries none (a SecureString, the oldest version)
 */
export function lineDiff(version, previous) {
  if (!Array.isArray(version.diff) || !previous) {
    return null;
  }
  const figure = element('figure', null, 'diff');
  figure.appendChild(element('figcaption', 'Changes from version ' + previous.version));
  const lines = element('pre');
  version.diff.forEach((line) => {
    const mark = MARKS[line.op] || MARKS.equal;
    const shown = element(mark.tag, null, 'line ' + (line.op || 'equal'));
    const sign = element('span', mark.sign, 'sign');
    sign.setAttribute('aria-hidden', 'true');
    shown.append(sign, unseen(mark.words), line.text);
    lines.appendChild(shown);
  });
  figure.appendChild(lines);
  return figure;
}
