// Layout facts read from the panel's DOM, for the narrow-DevTools tests. `auditLayout` runs in
// the panel (it is sent as source text), so it uses nothing from this module's scope.

export interface LayoutAudit {
  /** Elements whose content is cut off without an ellipsis and a title. */
  clipped: string[];
  /** Elements past the panel's right edge, or scrolling sideways. */
  outside: string[];
  /** The toolbar's counter as shown, e.g. `57 frames`. */
  frameCount: string;
  frameColumns: string[];
  connectionColumns: string[];
  detailWidth: number;
  detailStacked: boolean;
}

/** Returns null until the panel has been laid out at `width`. */
export function auditLayout(width: number): Promise<LayoutAudit | null> | null {
  if (Math.abs(window.innerWidth - width) > 2) return null;
  const describe = (el: Element): string =>
    `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 40)}"`;
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const settle = new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
  return settle.then(() => {
    const clipped: string[] = [];
    const outside: string[] = [];
    const right = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('.app *')) {
      if (!visible(el) || el.closest('svg, canvas')) continue;
      const style = getComputedStyle(el);
      const overflowing = el.scrollWidth > el.clientWidth + 1;
      if (overflowing && (style.overflowX === 'auto' || style.overflowX === 'scroll')) {
        outside.push(`${describe(el)} scrolls sideways`);
      } else if (overflowing && (style.overflowX === 'hidden' || style.overflowX === 'clip')) {
        const explained = style.textOverflow === 'ellipsis' && el.closest('[title]') !== null;
        if (!explained) clipped.push(describe(el));
      }
      let clippedByAncestor = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') clippedByAncestor = true;
      }
      if (!clippedByAncestor && el.getBoundingClientRect().right > right + 1) {
        outside.push(describe(el));
      }
    }
    const headers = (selector: string): string[] =>
      [...document.querySelectorAll(selector)]
        .filter(visible)
        .map((e) => (e.textContent ?? '').trim().split(/\s/)[0] ?? '');
    const detail = document.querySelector<HTMLElement>('.detail-pane');
    const frames = document.querySelector<HTMLElement>('.frames');
    return {
      clipped,
      outside,
      frameCount: (document.querySelector('.count')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      frameColumns: headers('.frames-header > span'),
      connectionColumns: headers('.conn-header > span'),
      detailWidth: detail?.getBoundingClientRect().width ?? 0,
      detailStacked:
        detail !== null &&
        frames !== null &&
        detail.getBoundingClientRect().top >= frames.getBoundingClientRect().bottom - 1,
    };
  });
}
