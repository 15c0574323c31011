// Reads the markup react-dom/server writes, for tests in Node (no DOM here): a tree of elements and text, what a
// visitor reads (text and the attributes read aloud), and each control's accessible name as a screen reader computes
// it for the cases views use (aria-labelledby, aria-label, content without aria-hidden parts, a wrapping label, title).

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}
export interface HtmlText {
  kind: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TOKEN = /<!--[\s\S]*?-->|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[lower]!;
  });
}

/** The markup as a tree under a root element; throws on markup that does not nest (a closing tag with no opener). */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [], parent: null };
  let open = root;
  for (const m of html.matchAll(TOKEN)) {
    const [whole, closing, tag, attrText, selfClosing] = m;
    if (whole.startsWith('<!--')) {
      // React separates adjacent text nodes with a comment: keep them apart.
      open.children.push({ kind: 'text', text: '' });
    } else if (closing) {
      if (open.tag !== closing.toLowerCase()) throw new Error(`</${closing}> closes <${open.tag}>`);
      open = open.parent!;
    } else if (tag) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      const el: HtmlElement = { kind: 'element', tag: tag.toLowerCase(), attrs, children: [], parent: open };
      open.children.push(el);
      if (!VOID.has(el.tag) && !selfClosing) open = el;
    } else {
      open.children.push({ kind: 'text', text: decodeEntities(whole) });
    }
  }
  if (open !== root) throw new Error(`<${open.tag}> is never closed`);
  return root;
}

export function* elements(root: HtmlElement): Generator<HtmlElement> {
  for (const c of root.children)
    if (c.kind === 'element') {
      yield c;
      yield* elements(c);
    }
}

const hidden = (el: HtmlElement) => el.attrs['aria-hidden'] === 'true' || el.attrs.hidden !== undefined;

/** Text content; `forName` leaves out what assistive technology does not read (aria-hidden parts, form fields). */
export function textOf(el: HtmlElement, forName = false): string {
  return el.children
    .map((c) => {
      if (c.kind === 'text') return c.text;
      if (forName && (hidden(c) || c.tag === 'input' || c.tag === 'select' || c.tag === 'textarea')) return '';
      if (forName && c.tag === 'img') return c.attrs.alt ?? '';
      return textOf(c, forName);
    })
    .join('');
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The accessible name of a control, for the ways the views name them. */
export function accessibleName(el: HtmlElement, root: HtmlElement): string {
  const labelledBy = el.attrs['aria-labelledby'];
  if (labelledBy) {
    const byId = new Map([...elements(root)].filter((e) => e.attrs.id).map((e) => [e.attrs.id!, e]));
    return squash(labelledBy.split(/\s+/).map((id) => (byId.get(id) ? textOf(byId.get(id)!, true) : '')).join(' '));
  }
  if (el.attrs['aria-label']?.trim()) return squash(el.attrs['aria-label']);
  if (el.tag === 'input') {
    const id = el.attrs.id;
    const forLabel = id ? [...elements(root)].find((e) => e.tag === 'label' && e.attrs.for === id) : undefined;
    let wrapping: HtmlElement | null = el.parent;
    while (wrapping && wrapping.tag !== 'label') wrapping = wrapping.parent;
    const label = forLabel ?? wrapping;
    if (label) return squash(textOf(label, true));
  } else {
    const content = squash(textOf(el, true));
    if (content) return content;
  }
  return squash(el.attrs.title ?? '');
}

/** The controls a visitor operates: buttons, form fields and anything given a control's role. */
export function controls(root: HtmlElement): HtmlElement[] {
  return [...elements(root)].filter(
    (e) =>
      e.tag === 'button' ||
      e.tag === 'select' ||
      e.tag === 'textarea' ||
      (e.tag === 'input' && e.attrs.type !== 'hidden') ||
      (e.tag === 'a' && e.attrs.href !== undefined) ||
      ['button', 'checkbox', 'radio', 'switch', 'link', 'menuitem', 'tab', 'slider'].includes(e.attrs.role ?? ''),
  );
}

/** Every piece of text a visitor reads or hears: text nodes, and the attributes read aloud in place of text. */
export function visitorTexts(root: HtmlElement): string[] {
  const out: string[] = [];
  const walk = (el: HtmlElement) => {
    for (const attr of ['aria-label', 'alt', 'title', 'placeholder', 'aria-valuetext', 'aria-roledescription']) {
      const v = el.attrs[attr];
      if (v !== undefined && v.trim()) out.push(v);
    }
    for (const c of el.children) {
      if (c.kind === 'text') {
        if (c.text.trim()) out.push(c.text);
      } else if (c.tag !== 'style' && c.tag !== 'script') walk(c);
    }
  };
  walk(root);
  return out;
}

/** Ids that aria-labelledby, aria-describedby and aria-controls name but that the markup does not have. */
export function danglingIdRefs(root: HtmlElement): string[] {
  const all = [...elements(root)];
  const ids = new Set(all.map((e) => e.attrs.id).filter(Boolean));
  return all.flatMap((e) =>
    ['aria-labelledby', 'aria-describedby', 'aria-controls']
      .flatMap((attr) => (e.attrs[attr] ?? '').split(/\s+/).filter(Boolean).map((id) => ({ attr, id })))
      // aria-controls may name what is not shown yet (a collapsed list): only the others must resolve.
      .filter(({ attr, id }) => !ids.has(id) && !(attr === 'aria-controls' && e.attrs['aria-expanded'] === 'false'))
      .map(({ attr, id }) => `<${e.tag}> ${attr}="${id}"`),
  );
}
