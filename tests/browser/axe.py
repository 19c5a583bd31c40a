"""axe-core in a real page: inject the npm package's axe.min.js and report violations.

The portal's Content-Security-Policy allows no inline script, so axe is not added as a
<script> tag: `page.evaluate` runs it through the DevTools protocol, which CSP does not
govern, and the page keeps its real policy (a CSP violation of the site itself still shows
up as a console error in the other tests).
"""

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA: what DESIGN.md §7 promises (zero violations).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String),
      html: n.html,
      summary: n.failureSummary,
    })),
  }));
}"""


@cache
def _source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict]:
    """Run axe on the page as it is now; each violation has id, impact, help and nodes."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # An arrow function wrapping the library, so Playwright never mistakes the minified
        # source for a function of its own and `window.axe` is set as by a script tag.
        page.evaluate(f"() => {{ {_source()}\n}}")
    return page.evaluate(_RUN, WCAG_TAGS)


def format_violations(violations: list[dict], where: str = "") -> str:
    """A readable assertion message: rule, impact, help, and every failing element."""
    lines = [f"{len(violations)} axe violation(s){' on ' + where if where else ''}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}")
            lines.append(f"       {node['html'][:200]}")
            for detail in (node["summary"] or "").splitlines():
                lines.append(f"       | {detail}")
    return "\n".join(lines)


# A desktop window and the narrowest phone WCAG 1.4.10 asks for: layout rules (contrast over
# a background, overlapping targets) can fail at one width only. Both run on one page load
# (the window is resized and axe runs again), which halves the time the suite takes.
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "320px": {"width": 320, "height": 640}}


def violations_at_every_width(page: Page, where: str) -> str:
    """The report of every violation on the loaded page, at each of VIEWPORTS ("" if none)."""
    report = []
    for name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        violations = axe_violations(page)
        if violations:
            report.append(format_violations(violations, f"{where} at {name}"))
    return "\n".join(report)
