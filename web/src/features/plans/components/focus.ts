/** The DOM id of a plan field's input (or its fieldset), for links from "what is missing". */
export function planFieldId(section: string, field: string): string {
  return `plan-${section}-${field}`;
}

/**
 * Moves focus to an element by id, or to the first control inside it (a fieldset), and scrolls it
 * into view. Waits a frame so that it works right after a state change has rendered the element.
 */
export function focusById(id: string, { afterRender = false }: { afterRender?: boolean } = {}) {
  const go = () => {
    const element = document.getElementById(id);
    if (!element) return;
    const target = element.matches('input, textarea, select, button')
      ? element
      : (element.querySelector<HTMLElement>('input, textarea, select, button') ?? element);
    if (target === element && !element.matches('input, textarea, select, button, [tabindex]')) element.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  if (afterRender) requestAnimationFrame(go);
  else go();
}
