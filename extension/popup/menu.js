// A menu button (the WAI-ARIA "menu button" pattern): Enter, Space or ArrowDown open it on the
// first item, ArrowUp on the last; arrows, Home and End move; Escape closes it and returns to the
// button; Tab or a click elsewhere closes it. Items are buttons, so a click and Enter both act.
import { el } from './dom.js';

let menus = 0;
let current = null; // the open menu: {menu, button, close}; one at a time

// One listener for the whole page (menus come and go with every redraw): a click outside the
// open menu and its button closes it.
document.addEventListener('click', (event) => {
  if (current && !current.menu.contains(event.target) && !current.button.contains(event.target)) current.close(false);
});

/**
 * A button named `label` (with `name` as its accessible name) and its menu of `items`:
 * [{text, run, separator?}] — `run(button)` is called after the menu closes.
 */
export function menuButton(label, name, items) {
  const id = `menu-${++menus}`;
  const button = el('button', {
    type: 'button', class: 'menu-button', id: `${id}-button`, 'aria-haspopup': 'menu',
    'aria-expanded': 'false', 'aria-controls': id, 'aria-label': name, text: label,
  });
  const entries = items.filter(Boolean).map((item) => el('button', {
    type: 'button', role: 'menuitem', tabindex: '-1', class: item.separator ? 'separated' : null, text: item.text,
    on: { click: () => { close(true); item.run(button); } },
  }));
  const menu = el('div', { class: 'menu', id, role: 'menu', 'aria-labelledby': button.id, hidden: true }, entries);

  const isOpen = () => !menu.hidden;
  function open(at = 0) {
    if (current && current.menu !== menu) current.close(false);
    current = { menu, button, close };
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    entries.at(at)?.focus();
  }
  function close(focusButton) {
    if (!isOpen()) return;
    if (current?.menu === menu) current = null;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }
  function move(step) {
    const at = entries.indexOf(document.activeElement);
    entries[(at + step + entries.length) % entries.length].focus();
  }

  button.addEventListener('click', () => (isOpen() ? close(true) : open(0)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); open(0); }
    if (event.key === 'ArrowUp') { event.preventDefault(); open(-1); }
  });
  menu.addEventListener('keydown', (event) => {
    const keys = {
      ArrowDown: () => move(1), ArrowUp: () => move(-1),
      Home: () => entries[0].focus(), End: () => entries.at(-1).focus(),
      Escape: () => close(true),
    };
    if (keys[event.key]) {
      event.preventDefault();
      event.stopPropagation();
      keys[event.key]();
    } else if (event.key === 'Tab') {
      close(false);
    }
  });
  menu.addEventListener('focusout', (event) => {
    if (!menu.contains(event.relatedTarget) && event.relatedTarget !== button) close(false);
  });

  return el('div', { class: 'menu-wrap' }, button, menu);
}
