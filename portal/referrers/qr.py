"""QR codes drawn on the server as inline SVG, such as the family handout's link to its list.

Made with segno: pure Python (no image library, no compiler), kept up to date, and already
the project's QR library for the TOTP enrolment. Its SVG is one path of unit moves, small
and sharp at any print size; made here, so no outside service ever sees the link, and the
Content-Security-Policy needs nothing new.
"""

import segno
from markupsafe import Markup, escape


def qr_svg(data: str, label: str) -> Markup:
    """`data` as an inline `<svg>` QR code: black on white with the standard quiet zone of
    four modules, its size left to CSS (the viewBox counts modules). `label` is what a
    screen reader says instead of the picture. Always a full QR code, never a Micro QR,
    which phone cameras do not read; error level M survives a fold or a smudge on paper."""
    code = segno.make_qr(data, error="m")
    svg = code.svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="qr-code"
    )
    # Markup is safe here: segno writes only the SVG element and its path geometry (no
    # title, no text: the link is in the modules' pattern), and the label is escaped.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
