"""Does a loaded page fit the window? One `page.evaluate` per width measures everything.

The page is loaded once and the window resized (320, 390 and 1280 px wide): the portal has
no script that reacts to the size, and reading a layout value makes Chromium lay the page out
again at the new width, so a measurement right after the resize sees the new layout.

What counts as broken, as a parent on a phone would notice it:
- the page is wider than the window (it scrolls sideways);
- an element, or the text in one (a long word), sticks out of the window on either side (in
  Arabic on the left), unless a scroll box or a box that hides overflow holds it (the box
  itself is checked); only the outermost element that sticks out is named;
- a box that hides its overflow has text wider than itself (text cut off);
- on a 390 × 844 phone the first result starts below the first one and a half screens.
Elements placed absolutely that are 1 px small or wholly outside the window are hidden on
purpose (`.visually-hidden`, the skip link until it has focus) and are left out.
"""

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

# width: height. 320 px is the narrowest phone WCAG 1.4.10 asks for, 390 × 844 a common
# phone, 1280 a laptop.
WINDOWS = {320: 640, 390: 844, 1280: 800}
PHONE = 390
FIRST_RESULT_SCREENS = 1.5
SHOWN = 3  # offending elements named per kind and width; the count says how many in all

_MEASURE = """(findResult) => {
  const width = window.innerWidth;
  const hides = (v) => v === 'hidden' || v === 'clip';
  const past = (r) => Math.max(r.right - width, -r.left, 0);  // px beyond the window
  const range = document.createRange();
  const name = (el) => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\\s+/) : [];
    return [el.localName, ...cls.filter(Boolean)].join('.');
  };
  const found = (el, r, text) => ({
    name: el.parentElement ? `${name(el)} in ${name(el.parentElement)}` : name(el),
    text: text.replace(/\\s+/g, ' ').trim().slice(0, 50),
    left: Math.round(r.left), right: Math.round(r.right), past: Math.round(past(r)),
  });
  // Per element, inherited by its descendants: held (a scroll box or a box that clips holds
  // it; that box itself is checked), hidden (on purpose), reported (an ancestor sticks out).
  const state = new Map();
  const outside = [];
  const clipped = [];
  for (const el of document.body.querySelectorAll('*')) {
    const mine = {...(state.get(el.parentElement) || {})};
    state.set(el, mine);
    if (mine.hidden || !el.checkVisibility({visibilityProperty: true})) continue;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const placed = style.position === 'absolute' || style.position === 'fixed';
    const holds = style.overflowX !== 'visible';  // it scrolls or clips what it holds
    if (placed && (r.width <= 1 || r.height <= 1 || r.right <= 0 || r.left >= width)) {
      mine.hidden = true;
      continue;
    }
    if (!mine.held && !mine.reported && (r.width || r.height) && past(r) > 1) {
      outside.push(found(el, r, el.innerText || ''));
      mine.reported = true;  // its descendants stick out with it: name it once
    }
    // A box may fit while a long word in it does not: check its own text too.
    for (const node of el.childNodes) {
      if (holds || mine.held || mine.reported || node.nodeType !== Node.TEXT_NODE) continue;
      if (!node.data.trim()) continue;
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (past(box) > 1) outside.push({...found(el, box, node.data), words: true});
    }
    if (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.innerText.trim()) {
      clipped.push({...found(el, r, el.innerText), hidden: el.scrollWidth - el.clientWidth});
    }
    if (holds) mine.held = true;
  }
  outside.sort((a, b) => b.past - a.past);
  clipped.sort((a, b) => b.hidden - a.hidden);
  let firstResult = null;
  if (findResult) {
    const link = document.querySelector('main a[href*="/aanbieders/"]');
    const item = document.querySelector('.results__list > li, .result')
      || (link && link.closest('li, article, tr'));
    firstResult = item ? Math.round(item.getBoundingClientRect().top + window.scrollY) : -1;
  }
  return {width, page_width: document.documentElement.scrollWidth, outside, clipped,
          first_result: firstResult};
}"""


@dataclass(frozen=True)
class Measured:
    width: int
    page_width: int
    outside: list[dict]
    clipped: list[dict]
    first_result: int | None  # px from the page top; -1 when none was found


def _element(found: dict) -> str:
    what = "the text of " if found.get("words") else ""
    return f"{what}<{found['name']}> {found['text']!r} at x {found['left']}..{found['right']}"


def _problems(m: Measured, height: int) -> list[str]:
    problems = []
    if m.page_width > m.width:
        problems.append(f"the page is {m.page_width} px wide in a {m.width} px window")
    if m.outside:
        problems.append(
            f"{len(m.outside)} element(s) or text(s) stick out of the window, farthest first:"
        )
        problems += [f"  {_element(found)}, {found['past']} px out" for found in m.outside[:SHOWN]]
    if m.clipped:
        problems.append(f"{len(m.clipped)} box(es) cut off their text, worst first:")
        problems += [
            f"  {_element(found)}, {found['hidden']} px hidden" for found in m.clipped[:SHOWN]
        ]
    if m.first_result is not None:
        limit = round(FIRST_RESULT_SCREENS * height)
        if m.first_result < 0:
            problems.append("no result found (.results__list > li, .result, a provider link)")
        elif m.first_result > limit:
            problems.append(f"the first result starts {m.first_result} px down (at most {limit})")
    return problems


def layout_problems(page: Page, *, first_result: bool = False, keep: Path | None = None) -> str:
    """What is wrong with the loaded page at each width, as lines naming the width ("" when it
    fits everywhere). `first_result`: also where the first result starts on the phone;
    `keep`: a full-page screenshot on the phone for a person to look at (never compared)."""
    report = []
    for width, height in WINDOWS.items():
        page.set_viewport_size({"width": width, "height": height})
        measured = Measured(**page.evaluate(_MEASURE, first_result and width == PHONE))
        problems = _problems(measured, height)
        if problems:
            report.append(f"at {width} px: " + "\n    ".join(problems))
        if keep is not None and width == PHONE:
            keep.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=keep, full_page=True)
    return "\n  ".join(report)
