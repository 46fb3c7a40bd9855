import type { Directive } from 'vue';

/**
 * Puts a data-testid on the native control inside a Vuetify field (so browser tests can
 * fill it directly) and `<id>-field` on the field's root (where its messages are shown).
 */
function apply(el: HTMLElement, id: string): void {
  el.setAttribute('data-testid', `${id}-field`);
  const control = el.querySelector<HTMLElement>('input:not([type=hidden]), textarea');
  if (control && control.getAttribute('data-testid') !== id) control.setAttribute('data-testid', id);
}

export const vTestid: Directive<HTMLElement, string> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
};
