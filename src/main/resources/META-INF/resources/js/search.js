// The search box: as one types, only the rows whose name (or String value) contains the text stay,
// in every path at once, and the count line ("2 of 4 parameters", a polite live region) says so.

function matches(entry, text) {
  return text === ''
    || entry.name.toLowerCase().includes(text)
    || (entry.value !== null && entry.value !== undefined && String(entry.value).toLowerCase().includes(text));
}

/** @returns {show(rows)}: starts filtering a new view's rows with what the box holds now */
export function parameterSearch(box, input, count) {
  let rows = [];

  function apply() {
    const text = input.value.trim().toLowerCase();
    const visible = new Map();
    let shown = 0;
    rows.forEach((entry) => {
      const hit = matches(entry, text);
      entry.row.hidden = !hit;
      visible.set(entry.noMatch, (visible.get(entry.noMatch) || 0) + (hit ? 1 : 0));
      shown += hit ? 1 : 0;
    });
    visible.forEach((hits, noMatch) => { noMatch.hidden = hits > 0; });
    count.textContent = shown + ' of ' + rows.length + (rows.length === 1 ? ' parameter' : ' parameters');
  }

  input.addEventListener('input', apply);
  return {
    show(newRows) {
      rows = newRows;
      box.hidden = rows.length === 0;
      apply();
    }
  };
}
