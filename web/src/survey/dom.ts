/** A tiny element builder: the public form is plain DOM, no framework, so its script stays small. */

type AttrValue = string | number | boolean | null | undefined;
type Listener = (event: Event) => void;
export type Attrs = Record<string, AttrValue | Listener>;
export type Child = Node | string | null | undefined | false;

/**
 * `h('p', { class: 'hint', id }, 'text')`. Attributes that are null, undefined or false are left out,
 * true gives an empty attribute, and `on<event>` functions become listeners. Text is always text, never HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== null && value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/**
 * A leader's plain text as paragraphs: a blank line starts a new paragraph, single line breaks are kept by CSS.
 * `lang` marks the paragraphs when their language is not the page's.
 */
export function paragraphs(text: string, lang?: string): HTMLParagraphElement[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => h('p', { class: 'text', lang }, part));
}

/** Space-separated ids for aria-describedby, or undefined when there are none. */
export function ids(...list: (string | null | undefined | false)[]): string | undefined {
  const present = list.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** The children that are there (for `append`). */
export function present(...children: (Child | Child[])[]): (Node | string)[] {
  return children.flat().filter((child): child is Node | string => child !== null && child !== undefined && child !== false);
}
