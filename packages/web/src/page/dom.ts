type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/** Tiny element builder: the page has a handful of screens, a framework would outweigh them. */
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

const root = (): HTMLElement => document.getElementById("app")!;

/** Replaces the screen and moves focus to its heading, so keyboard and screen-reader users land on it. */
export function show(screen: string, ...children: Child[]): HTMLElement {
  const main = h("main", { class: `screen ${screen}`, "data-screen": screen }, ...children);
  root().replaceChildren(main);
  const heading = main.querySelector<HTMLElement>("h1");
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
  document.documentElement.dataset.screen = screen;
  return main;
}

/** Polite live region for hints and progress (ARIA). */
export function announce(text: string): void {
  const region = document.getElementById("live");
  if (region && region.textContent !== text) region.textContent = text;
}
