// Small rendering helpers. Values from the service are always set as text, never as HTML.

export function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text !== undefined && text !== null) {
    made.textContent = text;
  }
  if (className) {
    made.className = className;
  }
  return made;
}

export function button(text, label) {
  const made = element('button', text);
  made.type = 'button';
  if (label) {
    made.setAttribute('aria-label', label);
  }
  return made;
}

/** A date in the reader's own locale and time zone, with the exact instant kept in the markup. */
export function when(iso, options) {
  const time = element('time');
  if (iso) {
    time.dateTime = iso;
    time.textContent = new Date(iso).toLocaleString(undefined, options);
  }
  return time;
}

/** The last part of a role ARN is what people call it. */
export function roleName(arn) {
  return arn.substring(arn.lastIndexOf('/') + 1);
}

/** Text a screen reader says and the eye does not see. */
export function unseen(text) {
  return element('span', text, 'visually-hidden');
}
