// A SecureString's value is not on the page until someone asks: Show fetches it (one request per
// click), Hide takes it off the page again, and so does a timer a while after it was shown. Copy
// fetches it straight into the clipboard without showing it.
import { sentenceFor } from './api.js';
import { button, element, unseen } from './dom.js';

const MASK = '••••••••';
const DEFAULT_HIDE_AFTER_SECONDS = 60;

/** How long a shown value stays: the page's data-hide-values-after-seconds (tests shorten it). */
function hideDelayMillis(from) {
  const holder = from.closest('[data-hide-values-after-seconds]');
  const seconds = holder ? Number(holder.dataset.hideValuesAfterSeconds) : NaN;
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_HIDE_AFTER_SECONDS) * 1000;
}

/** A button's text and its accessible name say the same verb ("Show", "Hide the value of /x"). */
function labelled(control, verb, what) {
  control.textContent = verb;
  control.setAttribute('aria-label', verb.replace(/…$/, '') + ' the value of ' + what);
}

/** Runs the fetch with the control marked busy (still focusable, clicks ignored until it ends). */
async function whileBusy(control, verb, what, fetchValue) {
  const resting = control.textContent;
  control.setAttribute('aria-busy', 'true');
  control.setAttribute('aria-disabled', 'true');
  labelled(control, verb, what);
  try {
    return await fetchValue();
  } finally {
    control.removeAttribute('aria-busy');
    control.removeAttribute('aria-disabled');
    labelled(control, resting, what);
  }
}

/**
 * @param what the parameter's name (and version) as the labels say it
 * @param fetchValue () => Promise of an /api/parameter answer
 * @param say (sentence) => void: the page's polite status line
 */
export function secretValue(what, fetchValue, say) {
  const box = element('span', null, 'secret');
  const shown = element('span', null, 'value');
  const toggle = button('Show');
  const copy = button('Copy');
  const problem = element('span', null, 'error');
  let hideTimer;

  labelled(toggle, 'Show', what);
  labelled(copy, 'Copy', what);

  function masked() {
    const mask = element('span', MASK);
    mask.setAttribute('aria-hidden', 'true');
    shown.replaceChildren(mask, unseen('hidden'));
  }

  function hide(sentence) {
    clearTimeout(hideTimer);
    masked();
    labelled(toggle, 'Show', what);
    if (sentence) {
      say(sentence);
    }
  }

  // The refusal stands where the value would have; as an alert, a screen reader says it at once.
  function fail(answer) {
    problem.textContent = sentenceFor(answer);
    problem.hidden = false;
  }

  const busy = (control) => control.getAttribute('aria-busy') === 'true';

  async function fetched(control, verb) {
    problem.hidden = true;
    const answer = await whileBusy(control, verb, what, fetchValue);
    if (!answer.ok) {
      fail(answer);
      return null;
    }
    return answer.body;
  }

  toggle.addEventListener('click', async () => {
    if (busy(toggle)) {
      return;
    }
    if (toggle.textContent === 'Hide') {
      hide();
      return;
    }
    const parameter = await fetched(toggle, 'Loading…');
    if (parameter) {
      shown.textContent = parameter.value;
      labelled(toggle, 'Hide', what);
      hideTimer = setTimeout(() => hide('The value of ' + what + ' is hidden again.'), hideDelayMillis(box));
    }
  });

  copy.addEventListener('click', async () => {
    if (busy(copy)) {
      return;
    }
    const parameter = await fetched(copy, 'Copying…');
    if (!parameter) {
      return;
    }
    try {
      await navigator.clipboard.writeText(parameter.value);
      labelled(copy, 'Copied', what);
      say('Copied the value of ' + what + '.');
    } catch (refused) {
      say('This browser did not allow copying; use Show and copy by hand.');
    }
  });

  copy.addEventListener('blur', () => {
    if (!busy(copy)) {
      labelled(copy, 'Copy', what);
    }
  });
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  masked();
  box.append(shown, toggle, copy, problem);
  return box;
}
