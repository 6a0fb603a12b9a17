/* Noticing that the user sends the mail: a click (or Enter/Space) on the webmail's Send
 * control, or Ctrl/Cmd+Enter where the webmail sends with it. Listens in the capture phase
 * so it runs before the webmail removes the compose window. Only a window into which a draft
 * was inserted records anything (ComposeAssistant.recordSend), and only for the user's own
 * input: an event the page's scripts dispatched (event.isTrusted false) records nothing, since
 * it may send nothing at all. */
'use strict';

(function (ns) {
  function isOnSend(assistant, target) {
    if (!(target instanceof Node)) return false;
    return assistant.adapter
      .sendControls(assistant.win)
      .some((control) => control === target || control.contains(target));
  }

  function isSendShortcut(assistant, e) {
    return assistant.adapter.sendShortcut && e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing;
  }

  /** Start listening on assistant.win (and its editor's frame); returns the function that stops. */
  function watch(assistant) {
    const frameDocs = new Set();
    const onClick = (e) => {
      if (e.isTrusted && assistant.state.inserted && isOnSend(assistant, e.target)) assistant.recordSend();
    };
    const onKeydown = (e) => {
      if (!e.isTrusted || !assistant.state.inserted) return;
      if (isSendShortcut(assistant, e) || ((e.key === 'Enter' || e.key === ' ') && isOnSend(assistant, e.target)))
        assistant.recordSend();
    };
    // An iframe editor (Proton, TinyMCE) gets its keys in its own document.
    const watchFrame = () => {
      const editor = assistant.adapter.editorOf(assistant.win);
      const doc = editor && editor.frame ? editor.root.ownerDocument : null;
      if (doc && !frameDocs.has(doc)) {
        doc.addEventListener('keydown', onKeydown, true);
        frameDocs.add(doc);
      }
    };
    assistant.win.addEventListener('click', onClick, true);
    assistant.win.addEventListener('keydown', onKeydown, true);
    assistant.win.addEventListener('focusin', watchFrame, true);
    watchFrame();
    return () => {
      assistant.win.removeEventListener('click', onClick, true);
      assistant.win.removeEventListener('keydown', onKeydown, true);
      assistant.win.removeEventListener('focusin', watchFrame, true);
      for (const doc of frameDocs) doc.removeEventListener('keydown', onKeydown, true);
      frameDocs.clear();
    };
  }

  ns.recorder = { watch };
})((globalThis.FA = globalThis.FA || {}));
