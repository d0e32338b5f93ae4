// The message box: Enter sends, Shift+Enter adds a line. Slash commands are sent as commands by the server.

import { h } from './dom.js';

/**
 * @param {{ label: string, hint?: string, onSend: (text: string) => Promise<boolean> }} options
 */
export function createComposer(options) {
  const input = /** @type {HTMLTextAreaElement} */ (
    h('textarea', {
      class: 'composer-input',
      rows: 1,
      'aria-label': options.label,
      placeholder: options.label,
    })
  );
  const sendButton = h('button', { type: 'submit', class: 'btn btn-primary composer-send' }, 'Send');
  const form = h(
    'form',
    { class: 'composer' },
    h('div', { class: 'composer-box' }, input, sendButton),
    options.hint ? h('div', { class: 'composer-hint' }, options.hint) : null,
  );
  let busy = false;
  const submit = async () => {
    const text = input.value.trim();
    if (!text || busy) return;
    busy = true;
    form.classList.add('busy');
    try {
      if (await options.onSend(text)) input.value = '';
    } finally {
      busy = false;
      form.classList.remove('busy');
      input.focus();
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  });
  return {
    element: form,
    input,
    /** @param {string} label */
    setLabel(label) {
      input.setAttribute('aria-label', label);
      input.placeholder = label;
    },
  };
}
