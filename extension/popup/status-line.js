// The status line the popup and the All interviews page share: what was just done (a live region,
// red when it went wrong) and an Undo button beside it that takes back that one action.
import { fill, send } from './dom.js';
import { errorWords, plain } from './words.js';

/**
 * Drive #status and #undo. `afterUndo(last)` redraws the page and says what came back, once the
 * worker took the action back; `last` is what announce() was given as `undoable`
 * ({message: [type, payload], ...}: anything else the page needs to find its way back).
 */
export function statusLine(afterUndo) {
  const $ = (id) => document.getElementById(id);
  let last = null;

  /** Say `text`; `undoable` puts Undo beside it (and takes away any earlier one). */
  function announce(text, problem = false, undoable = null) {
    fill($('status'), plain(text));
    $('status').classList.toggle('problem', problem);
    last = undoable;
    $('undo').hidden = !undoable;
    if (undoable) $('undo').setAttribute('aria-label', `Undo: ${plain(text)}`);
  }

  /** Take back the last action (the Undo button's click). */
  async function undoLast() {
    const taken = last;
    if (!taken) return;
    $('undo').disabled = true;
    const answer = await send(...taken.message);
    $('undo').disabled = false;
    if (!answer.ok) {
      announce(`Could not undo: ${errorWords(answer.error)}`, true);
      return;
    }
    await afterUndo(taken);
  }

  return { announce, undoLast };
}
