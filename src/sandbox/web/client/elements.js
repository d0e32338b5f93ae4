// Interactive Block Kit elements. In an input block they only change the form; elsewhere they act at once.

import { h, isObject, textOf } from './dom.js';
import { isMulti } from './form.js';

/**
 * @typedef {import('./form.js').Value} Value
 * @typedef {import('./form.js').FormState} FormState
 * @typedef {{
 *   names: import('./mrkdwn.js').Names,
 *   users: Array<{ id: string, realName: string, isBot: boolean }>,
 *   channels: Array<{ id: string, name: string, isIm: boolean }>,
 *   form: FormState | null,
 *   errors: Record<string, string>,
 *   text: (obj: unknown) => Node,
 *   act: (element: Record<string, any>, blockId: string, value?: Value) => void,
 *   confirm: (dialog: Record<string, any>) => Promise<boolean>,
 * }} RenderCtx
 * @typedef {{ blockId: string, label?: string, input?: boolean, dispatch?: boolean }} Place
 */

/** @param {Record<string, any>} element @returns {Array<{ value: string, label: string }>} */
function optionsOf(element) {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((/** @type {any} */ g) => (Array.isArray(g?.options) ? g.options : []))
    : [];
  return [...direct, ...grouped]
    .filter((o) => isObject(o) && typeof o.value === 'string')
    .map((o) => ({ value: o.value, label: textOf(o.text) }));
}

/** @param {Record<string, any>} element @param {RenderCtx} ctx */
function choicesOf(element, ctx) {
  const type = String(element.type);
  if (type.includes('users')) {
    return ctx.users.filter((u) => !u.isBot).map((u) => ({ value: u.id, label: u.realName }));
  }
  if (type.includes('conversations') || type.includes('channels')) {
    return ctx.channels.filter((c) => !c.isIm).map((c) => ({ value: c.id, label: `#${c.name}` }));
  }
  return optionsOf(element);
}

/**
 * Sends the element's action, after its confirm dialog when it has one.
 * @param {RenderCtx} ctx @param {Record<string, any>} element @param {Place} place @param {Value} [value]
 */
async function fire(ctx, element, place, value) {
  if (isObject(element.confirm) && !(await ctx.confirm(element.confirm))) return;
  ctx.act(element, place.blockId, value);
}

/**
 * A value changed: remember it in the form; act when the element is not an input, or dispatches.
 * @param {RenderCtx} ctx @param {Record<string, any>} element @param {Place} place @param {Value} value
 */
function changed(ctx, element, place, value) {
  ctx.form?.set(place.blockId, element.action_id, value);
  if (!place.input || place.dispatch) void fire(ctx, element, place, value);
}

/** @param {RenderCtx} ctx @param {Record<string, any>} element @param {Place} place */
function current(ctx, element, place) {
  return ctx.form ? ctx.form.get(place.blockId, element) : null;
}

/** @param {Record<string, any>} element @param {RenderCtx} ctx @param {Place} place */
function button(element, ctx, place) {
  const style = element.style === 'primary' || element.style === 'danger' ? ` btn-${element.style}` : '';
  return h(
    'button',
    {
      type: 'button',
      class: `btn${style}`,
      'data-action-id': element.action_id,
      onclick: () => {
        if (typeof element.url === 'string' && /^https?:/i.test(element.url)) {
          window.open(element.url, '_blank', 'noopener,noreferrer');
        }
        void fire(ctx, element, place);
      },
    },
    textOf(element.text),
  );
}

/** @param {Record<string, any>} element @param {RenderCtx} ctx @param {Place} place */
function overflow(element, ctx, place) {
  const menu = h('div', { class: 'menu', role: 'menu', hidden: true });
  for (const option of optionsOf(element)) {
    menu.append(
      h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          class: 'menu-item',
          onclick: () => {
            menu.hidden = true;
            void fire(ctx, element, place, option.value);
          },
        },
        option.label,
      ),
    );
  }
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-icon',
      'aria-label': 'More options',
      'data-action-id': element.action_id,
      onclick: () => {
        menu.hidden = !menu.hidden;
      },
    },
    '⋯',
  );
  return h('span', { class: 'overflow' }, toggle, menu);
}

/** @param {Record<string, any>} element @param {RenderCtx} ctx @param {Place} place */
function select(element, ctx, place) {
  const multi = isMulti(String(element.type));
  const value = current(ctx, element, place);
  const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
  const el = /** @type {HTMLSelectElement} */ (
    h('select', {
      class: multi ? 'select select-multi' : 'select',
      multiple: multi,
      'aria-label': place.label ?? (textOf(element.placeholder) || 'Select'),
      'data-action-id': element.action_id,
    })
  );
  if (!multi) {
    el.append(h('option', { value: '' }, textOf(element.placeholder) || 'Select an option'));
  }
  for (const option of choicesOf(element, ctx)) {
    el.append(h('option', { value: option.value, selected: chosen.has(option.value) }, option.label));
  }
  el.addEventListener('change', () => {
    const picked = [...el.selectedOptions].map((o) => o.value).filter(Boolean);
    changed(ctx, element, place, multi ? picked : (picked[0] ?? null));
  });
  return el;
}

/** @param {Record<string, any>} element @param {RenderCtx} ctx @param {Place} place */
function textInput(element, ctx, place) {
  const value = current(ctx, element, place);
  const types = /** @type {Record<string, string>} */ ({
    datepicker: 'date',
    timepicker: 'time',
    number_input: 'number',
    email_text_input: 'email',
    url_text_input: 'url',
  });
  const attrs = {
    class: 'text-input',
    'aria-label': place.label ?? (textOf(element.placeholder) || 'Input'),
    placeholder: textOf(element.placeholder) || null,
    'data-action-id': element.action_id,
    maxlength: typeof element.max_length === 'number' ? element.max_length : null,
    step: element.type === 'number_input' && element.is_decimal_allowed ? 'any' : null,
  };
  const el = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (
    element.multiline
      ? h('textarea', { ...attrs, rows: 4 })
      : h('input', { ...attrs, type: types[String(element.type)] ?? 'text' })
  );
  el.value = typeof value === 'string' ? value : '';
  const update = () => ctx.form?.set(place.blockId, element.action_id, el.value === '' ? null : el.value);
  el.addEventListener('input', update);
  el.addEventListener('change', () => {
    update();
    if (!place.input || place.dispatch) void fire(ctx, element, place, el.value === '' ? null : el.value);
  });
  return el;
}

/** @param {Record<string, any>} element @param {RenderCtx} ctx @param {Place} place */
function choiceList(element, ctx, place) {
  const multi = element.type === 'checkboxes';
  const value = current(ctx, element, place);
  const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
  const name = `${place.blockId}-${element.action_id}`;
  const box = h('fieldset', { class: 'choices', 'data-action-id': element.action_id });
  if (place.label) box.append(h('legend', { class: 'sr-only' }, place.label));
  for (const option of Array.isArray(element.options) ? element.options : []) {
    const input = /** @type {HTMLInputElement} */ (
      h('input', {
        type: multi ? 'checkbox' : 'radio',
        name,
        value: option.value,
        checked: chosen.has(option.value),
      })
    );
    input.addEventListener('change', () => {
      const picked = [...box.querySelectorAll('input:checked')].map(
        (i) => /** @type {HTMLInputElement} */ (i).value,
      );
      changed(ctx, element, place, multi ? picked : (picked[0] ?? null));
    });
    const description = isObject(option.description)
      ? h('span', { class: 'hint' }, ctx.text(option.description))
      : null;
    box.append(h('label', { class: 'choice' }, input, h('span', {}, ctx.text(option.text), description)));
  }
  return box;
}

/**
 * Renders one element. Unknown types show their type name so nothing disappears silently.
 * @param {Record<string, any>} element @param {RenderCtx} ctx @param {Place} place
 * @returns {HTMLElement}
 */
export function renderElement(element, ctx, place) {
  switch (element.type) {
    case 'button':
      return button(element, ctx, place);
    case 'overflow':
      return overflow(element, ctx, place);
    case 'checkboxes':
    case 'radio_buttons':
      return choiceList(element, ctx, place);
    case 'image':
      return h('img', {
        class: 'thumb',
        src: element.image_url,
        alt: element.alt_text ?? '',
        title: element.alt_text,
      });
    default:
      if (/select$/.test(String(element.type))) return select(element, ctx, place);
      if (/input$|picker$/.test(String(element.type))) return textInput(element, ctx, place);
      return h('span', { class: 'unsupported' }, `[${String(element.type)}]`);
  }
}
