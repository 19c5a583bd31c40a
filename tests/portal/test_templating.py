"""Templates escape through portal.templating.escape: markupsafe's escaping, faster.

A difference from markupsafe here would print provider text unescaped, or escaped twice, so
the two are compared on generated values of every kind a page prints, hostile text first.
"""

import enum

import markupsafe
from flask import Flask
from flask_babel import lazy_gettext
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.templating import escape

HOSTILE = st.sampled_from(
    [
        '<script>alert("x")</script>',
        'Tom & Jerry\'s "hulp"',
        "<img src=x onerror=alert(1)>",
        "&amp; already escaped?",
        "كلمة <b>",
        "",
    ]
)


class Kind(enum.IntEnum):
    SMALL = 1


class WithHtml:
    def __html__(self) -> str:
        return "<em>safe by its own word</em>"


class Text(str):
    """A str subclass: not the plain-text fast path."""


VALUES = st.one_of(
    HOSTILE,
    st.text(),
    st.text(alphabet="<>&'\"ab "),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
    st.builds(markupsafe.Markup, st.text()),
    st.builds(Text, st.text(alphabet="<>&'\"ab ")),
    st.just(Kind.SMALL),
    st.just(WithHtml()),
)


@settings(max_examples=2000, derandomize=True)
@given(VALUES)
def test_escape_is_markupsafes(value: object) -> None:
    ours, theirs = escape(value), markupsafe.escape(value)
    assert type(ours) is markupsafe.Markup
    assert str(ours) == str(theirs)


def test_translations_are_escaped_when_shown(app: Flask) -> None:
    """A lazy text (a label made before any request) is markupsafe's case: its __html__."""
    with app.test_request_context():
        assert escape(lazy_gettext("Zoeken")) == markupsafe.escape(lazy_gettext("Zoeken"))


def test_the_apps_templates_escape_through_it(app: Flask) -> None:
    """Every template of the app's environment, macros and blocks included: provider text
    is escaped, and by this module (a Jinja that compiled `{{ }}` otherwise would fail here
    rather than quietly lose the time)."""
    template = app.jinja_env.from_string(
        "{% macro card(name) %}<h3>{{ name }}</h3>{% endmacro %}"
        "{% block main %}{{ card(name) }}<p>{{ name }} {{ count }}</p>{% endblock %}"
    )
    with app.test_request_context():
        html = template.render(name='<script>"x"</script>', count=3)
    assert html == (
        "<h3>&lt;script&gt;&#34;x&#34;&lt;/script&gt;</h3>"
        "<p>&lt;script&gt;&#34;x&#34;&lt;/script&gt; 3</p>"
    )
    assert template.root_render_func.__globals__["escape"] is escape
    assert template.blocks["main"].__globals__["escape"] is escape
