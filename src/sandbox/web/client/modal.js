// Modals: the top of the user's view stack as an overlay, with title, close, back and submit.

import { renderBlocks } from './blocks.js';
import { h, textOf } from './dom.js';
import { FormState, isEmptyValue } from './form.js';

/**
 * @typedef {{ id: string, hash: string, title: string, submit: string | null, close: string | null,
 *   blocks: Array<Record<string, any>>, values: Record<string, Record<string, any>>,
 *   errors: Record<string, string> }} View
 * @typedef {{
 *   forms: Map<string, FormState>,
 *   ctxFor: (view: View, form: FormState, errors: Record<string, string>) => import('./elements.js').RenderCtx,
 *   submit: (view: View, values: Record<string, unknown>) => Promise<void>,
 *   close: (view: View) => Promise<void>,
 * }} ModalOptions
 */

/** The form state of a view, created on first sight and kept while the view is open. @param {ModalOptions} options @param {View} view */
export function formFor(options, view) {
  let form = options.forms.get(view.id);
  if (!form) {
    form = new FormState(view.id, view.values);
    options.forms.set(view.id, form);
  }
  form.stateValues = view.values;
  return form;
}

/** Slack's client refuses to submit an empty required input. @param {View} view @param {FormState} form */
function missingRequired(view, form) {
  /** @type {Record<string, string>} */
  const errors = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || block.optional || !block.element) continue;
    if (isEmptyValue(form.get(block.block_id, block.element)))
      errors[block.block_id] = 'Please complete this required field.';
  }
  return errors;
}

/**
 * Draws the stack's top view into the layer; leaves it alone when nothing about it changed (keeps focus and typing).
 * @param {HTMLElement} layer @param {View[]} stack @param {ModalOptions} options
 */
export function renderModals(layer, stack, options) {
  for (const id of options.forms.keys()) if (!stack.some((v) => v.id === id)) options.forms.delete(id);
  const top = stack.at(-1);
  if (!top) {
    layer.hidden = true;
    layer.replaceChildren();
    layer.dataset.key = '';
    return;
  }
  const key = `${top.id}|${top.hash}|${JSON.stringify(top.errors)}|${stack.length}`;
  if (layer.dataset.key === key && !layer.hidden) return;
  layer.dataset.key = key;
  layer.hidden = false;
  layer.replaceChildren(modalDialog(top, stack.length, options));
}

/** @param {View} view @param {number} depth @param {ModalOptions} options */
function modalDialog(view, depth, options) {
  const form = formFor(options, view);
  let localErrors = /** @type {Record<string, string>} */ ({});
  const body = h('div', { class: 'modal-body' });
  const draw = () =>
    body.replaceChildren(
      renderBlocks(view.blocks, options.ctxFor(view, form, { ...view.errors, ...localErrors })),
    );
  draw();
  const submitButton =
    view.submit &&
    h(
      'button',
      {
        type: 'submit',
        class: 'btn btn-primary',
        onclick: async (/** @type {Event} */ event) => {
          event.preventDefault();
          localErrors = missingRequired(view, form);
          draw();
          if (Object.keys(localErrors).length) return;
          submitButton?.setAttribute('disabled', '');
          await options.submit(view, form.collect(view.blocks));
          submitButton?.removeAttribute('disabled');
        },
      },
      view.submit,
    );
  const close = () => void options.close(view);
  return h(
    'form',
    {
      class: 'modal',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-label': view.title,
      'data-view-id': view.id,
    },
    h(
      'header',
      { class: 'modal-header' },
      depth > 1
        ? h('button', { type: 'button', class: 'btn-icon', 'aria-label': 'Back', onclick: close }, '←')
        : null,
      h('h2', { class: 'modal-title' }, view.title),
      h('button', { type: 'button', class: 'btn-icon', 'aria-label': 'Close', onclick: close }, '✕'),
    ),
    body,
    h(
      'footer',
      { class: 'modal-footer' },
      h(
        'button',
        { type: 'button', class: 'btn', onclick: close },
        view.close ?? (view.submit ? 'Cancel' : 'Close'),
      ),
      submitButton,
    ),
  );
}

/**
 * Slack's confirmation dialog for elements with `confirm`.
 * @param {HTMLElement} layer @param {Record<string, any>} dialog @param {(obj: unknown) => Node} text
 * @returns {Promise<boolean>}
 */
export function confirmDialog(layer, dialog, text) {
  return new Promise((resolve) => {
    const finish = (/** @type {boolean} */ answer) => {
      box.remove();
      resolve(answer);
    };
    const box = h(
      'div',
      { class: 'confirm-layer' },
      h(
        'div',
        {
          class: 'modal confirm',
          role: 'alertdialog',
          'aria-label': textOf(dialog.title) || 'Are you sure?',
        },
        h(
          'header',
          { class: 'modal-header' },
          h('h2', { class: 'modal-title' }, textOf(dialog.title) || 'Are you sure?'),
        ),
        h('div', { class: 'modal-body' }, text(dialog.text)),
        h(
          'footer',
          { class: 'modal-footer' },
          h(
            'button',
            { type: 'button', class: 'btn', onclick: () => finish(false) },
            textOf(dialog.deny) || 'Cancel',
          ),
          h(
            'button',
            {
              type: 'button',
              class: `btn ${dialog.style === 'danger' ? 'btn-danger' : 'btn-primary'}`,
              onclick: () => finish(true),
            },
            textOf(dialog.confirm) || 'Yes',
          ),
        ),
      ),
    );
    layer.append(box);
  });
}
