// Layout checks that run inside the page (pass `layoutProblems` to page.evaluate): everything a visitor sees must fit
// its box and the screen, controls must not overlap, no button or link label may break inside a word (Chinese words
// included: the browser's word segmenter finds them), every control is big enough to touch, and every tappable thing
// of the 3D scene has a big enough hit area. Written for any screen: it looks at whatever controls are visible, so
// screens and controls added later are checked too. Self-contained: page.evaluate sends only this function's text.

export interface LayoutOptions {
  /** The smallest touch target, in CSS pixels (visitor screens 80, staff pages 44). */
  minTarget: number;
  /** The smallest projected hit area of a tappable 3D object, in CSS pixels. */
  minSceneTarget: number;
  /** Lines a header's text may take (a title) and a header control's label (exactly one). */
  headerTextLines: number;
}

export const VISITOR: LayoutOptions = { minTarget: 80, minSceneTarget: 80, headerTextLines: 2 };
export const STAFF: LayoutOptions = { minTarget: 44, minSceneTarget: 80, headerTextLines: 2 };

/**
 * Elements marked with this attribute (and all inside them) are a staff control on a visitor screen (44 px suffice).
 * layoutProblems spells it out itself: page.evaluate sends only the function.
 */
export const STAFF_ATTRIBUTE = 'data-staff-control';

export function layoutProblems(options: LayoutOptions): string[] {
  const STAFF = 'data-staff-control';
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const TOL = 2;

  const describe = (el: Element): string => {
    const tag = el.tagName.toLowerCase();
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${tag}${cls}>${text ? ` “${text}”` : ''}`;
  };
  const px = (n: number) => Math.round(n);

  const visible = (el: Element): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    // Visually hidden text for screen readers (1 px boxes) is not laid out for eyes.
    return r.width > TOL && r.height > TOL;
  };
  const ignored = (el: Element) => el.closest('[data-layout-ignore], canvas, svg') !== null;

  // A modal (the idle warning, a confirm dialog) takes the screen: only what is in it can be touched.
  const modal = [...document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"], .overlay')].find(visible) ?? null;

  // ---- controls --------------------------------------------------------------------------------------------------
  const CONTROL =
    'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="radio"], [role="checkbox"], [role="tab"], [role="switch"]';
  const controls = [...document.querySelectorAll(CONTROL)].filter(
    (el) => visible(el) && !ignored(el) && (!modal || modal.contains(el)) && !el.closest('[inert]'),
  );
  // An input inside its label is touched through the label: the label is its target.
  const targetOf = (el: Element): Element => (el.matches('input, select, textarea') ? (el.closest('label') ?? el) : el);
  // Only the outermost of nested controls (a link around a button) counts.
  const outer = controls.filter((el) => !controls.some((o) => o !== el && o.contains(el) && targetOf(o) === o));

  for (const el of outer) {
    const r = targetOf(el).getBoundingClientRect();
    const min = el.closest(`[${STAFF}]`) ? Math.min(44, options.minTarget) : options.minTarget;
    if (r.width + 0.5 < min || r.height + 0.5 < min)
      problems.push(`control too small: ${describe(el)} is ${px(r.width)}×${px(r.height)} px (at least ${min}×${min})`);
  }

  // Scroll containers: content beneath a sticky or fixed bar may scroll under it by design.
  const scrollsY = (el: Element) => {
    const s = getComputedStyle(el);
    return (s.overflowY === 'auto' || s.overflowY === 'scroll') && el.scrollHeight > el.clientHeight + TOL;
  };
  const pinned = (el: Element): boolean => {
    for (let a: Element | null = el; a; a = a.parentElement) {
      const p = getComputedStyle(a).position;
      if (p === 'sticky' || p === 'fixed') return true;
    }
    return false;
  };
  const inScroller = (el: Element): boolean => {
    for (let a = el.parentElement; a; a = a.parentElement) if (scrollsY(a)) return true;
    return document.documentElement.scrollHeight > vh + TOL;
  };

  for (let i = 0; i < outer.length; i++)
    for (let j = i + 1; j < outer.length; j++) {
      const a = targetOf(outer[i]!);
      const b = targetOf(outer[j]!);
      if (a.contains(b) || b.contains(a)) continue;
      const ra = a.getBoundingClientRect();
      const rb = b.getBoundingClientRect();
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w <= TOL || h <= TOL) continue;
      if (pinned(a) !== pinned(b) && (inScroller(a) || inScroller(b))) continue;
      problems.push(`controls overlap: ${describe(outer[i]!)} and ${describe(outer[j]!)} share ${px(w)}×${px(h)} px`);
    }

  // ---- labels broken inside a word ---------------------------------------------------------------------------------
  const linesOf = (rects: DOMRectList | DOMRect[]): number => {
    const tops: number[] = [];
    for (const r of rects) {
      if (r.width < 0.5) continue;
      if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
    }
    return tops.length;
  };
  const textNodes = (root: Node): Text[] => {
    const out: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n.textContent ?? '').trim()) out.push(n as Text);
    return out;
  };
  const segmenters = new Map<string, Intl.Segmenter>();
  const segmenter = (lang: string) => {
    let s = segmenters.get(lang);
    if (!s) segmenters.set(lang, (s = new Intl.Segmenter(lang, { granularity: 'word' })));
    return s;
  };
  const range = document.createRange();
  const header = (el: Element) => el.closest('header, [role="banner"]') !== null;

  for (const el of outer) {
    for (const node of textNodes(el)) {
      const lang = node.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'zh-CN';
      const text = node.textContent ?? '';
      for (const seg of segmenter(lang).segment(text)) {
        if (!seg.isWordLike || [...seg.segment].length < 2) continue;
        range.setStart(node, seg.index);
        range.setEnd(node, seg.index + seg.segment.length);
        const lines = linesOf(range.getClientRects());
        if (lines > 1) problems.push(`label broken inside a word: “${seg.segment}” of ${describe(el)} is on ${lines} lines`);
      }
    }
    if (header(el)) {
      range.selectNodeContents(el);
      const lines = linesOf(range.getClientRects());
      if (lines > 1) problems.push(`header control label wraps: ${describe(el)} is on ${lines} lines`);
    }
  }

  // ---- text that does not fit ---------------------------------------------------------------------------------------
  const all = [...document.body.querySelectorAll('*')].filter((el) => !ignored(el));
  const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
  const isControl = (el: Element) => el.matches(CONTROL);

  for (const el of all) {
    if (!(ownText(el) || isControl(el)) || !visible(el)) continue;
    const s = getComputedStyle(el);
    if (s.display === 'inline' || s.display === 'contents') continue;
    const scrollX = s.overflowX === 'auto' || s.overflowX === 'scroll';
    const scrollY = s.overflowY === 'auto' || s.overflowY === 'scroll';
    if (!scrollX && el.scrollWidth > el.clientWidth + TOL)
      problems.push(`content wider than its box: ${describe(el)} needs ${el.scrollWidth} px, has ${el.clientWidth}`);
    // Glyphs may reach a little past a tight line box (CJK fonts at line-height 1.25): only more than that is overflow.
    if (!scrollY && el.scrollHeight > el.clientHeight + Math.max(TOL, 0.5 * parseFloat(s.fontSize)))
      problems.push(`content taller than its box: ${describe(el)} needs ${el.scrollHeight} px, has ${el.clientHeight}`);
    if (header(el) && !isControl(el)) {
      range.selectNodeContents(el);
      const lines = linesOf(range.getClientRects());
      if (lines > options.headerTextLines) problems.push(`header text on ${lines} lines: ${describe(el)}`);
    }
  }

  // ---- outside the screen, or cut off by a box that does not scroll ----------------------------------------------------
  const documentScrollsY = document.documentElement.scrollHeight > vh + TOL;
  if (document.documentElement.scrollWidth > vw + TOL)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px screen`);
  for (const el of all) {
    if (!(ownText(el) || isControl(el)) || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    let fixed = false;
    let reason: string | null = null;
    let scrolled = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.position === 'fixed') fixed = true;
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const box = a.getBoundingClientRect();
      const outX = r.left < box.left - TOL || r.right > box.right + TOL;
      const outY = r.top < box.top - TOL || r.bottom > box.bottom + TOL;
      const canX = s.overflowX === 'auto' || s.overflowX === 'scroll';
      const canY = s.overflowY === 'auto' || s.overflowY === 'scroll';
      if ((outX && !canX) || (outY && !canY)) {
        reason = `cut off by ${describe(a)}`;
        break;
      }
      if ((outX && canX) || (outY && canY)) {
        scrolled = true;
        break;
      }
    }
    if (reason) {
      problems.push(`${describe(el)} is ${reason}`);
      continue;
    }
    if (scrolled) continue;
    if (r.left < -TOL || r.right > vw + TOL) problems.push(`${describe(el)} is outside the screen (x ${px(r.left)}…${px(r.right)} of ${vw})`);
    else if ((r.top < -TOL || r.bottom > vh + TOL) && (fixed || !documentScrollsY))
      problems.push(`${describe(el)} is outside the screen (y ${px(r.top)}…${px(r.bottom)} of ${vh})`);
  }

  // ---- the 3D scene's targets ----------------------------------------------------------------------------------------
  const scene = (window as unknown as { __ruyiScene?: { targets?: () => SceneTarget[] } }).__ruyiScene;
  type SceneTarget = { id: string; tappable: boolean; point: { x: number; y: number } | null; width: number; height: number };
  if (scene?.targets)
    for (const t of scene.targets()) {
      if (!t.tappable) continue;
      if (!t.point) problems.push(`3D target ${t.id} cannot be touched anywhere on the screen`);
      else if (t.width + 0.5 < options.minSceneTarget || t.height + 0.5 < options.minSceneTarget)
        problems.push(`3D target ${t.id} is ${px(t.width)}×${px(t.height)} px where it can be touched (at least ${options.minSceneTarget})`);
    }

  // ---- the 3D view's drawn pixels --------------------------------------------------------------------------------------
  // A kiosk's GPU is sized for full HD: a view on a bigger screen draws at most that many pixels, scaled up on screen
  // (the app's scene/renderScale.ts; its figures are spelled out here, since page.evaluate sends only this function).
  const MAX_DRAWN = 1920 * 1080;
  for (const canvas of document.querySelectorAll('main canvas')) {
    if (!(canvas instanceof HTMLCanvasElement) || !visible(canvas)) continue;
    const drawn = canvas.width * canvas.height;
    if (drawn > MAX_DRAWN) problems.push(`the 3D view draws ${canvas.width}×${canvas.height} pixels (at most ${MAX_DRAWN} for any screen)`);
    if (canvas.width < canvas.clientWidth * 0.5 - 1) problems.push(`the 3D view draws ${canvas.width} px across for ${canvas.clientWidth} on screen (at least half)`);
  }

  return [...new Set(problems)];
}
