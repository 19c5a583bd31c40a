"""A small HTML tree (stdlib html.parser) the portal tests use to read pages the way a
visitor does: elements by tag and attribute, text with whitespace collapsed."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from flask.testing import FlaskClient

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}
# Elements that separate words when read; inline ones (a, span, mark) do not.
BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "section", "nav", "main"}
BLOCKS |= {"h1", "h2", "h3", "h4", "table", "tr", "th", "td", "caption", "option", "label"}
BLOCKS |= {"fieldset", "legend", "details", "summary", "header", "footer", "form", "title"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list["Node | str"] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text content with whitespace collapsed, as a reader would hear it."""
        parts = [
            c if isinstance(c, str) else f" {c.text} " if c.tag in BLOCKS else c.text
            for c in self.children
        ]
        return " ".join("".join(parts).split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list["Node"]:
        """Elements by tag and exact attribute values (`class_` for class)."""
        wanted = {key.rstrip("_").replace("_", "-"): value for key, value in attrs.items()}
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag)
            and all(node.attrs.get(key) == value for key, value in wanted.items())
        ]

    def find(self, tag: str | None = None, **attrs: str) -> "Node":
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}> on the page"
        return found[0]

    def with_class(self, name: str) -> list["Node"]:
        return [n for n in self.iter() if name in n.attrs.get("class", "").split()]


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass
class Page:
    """A response read the way tests need it: the raw HTML and its element tree."""

    status: int
    html: str
    root: Node

    @property
    def title(self) -> str:
        titles = re.findall(r"<title>(.*?)</title>", self.html, re.S)
        assert len(titles) == 1, f"expected one <title>, found {len(titles)}"
        return titles[0]

    @property
    def main(self) -> Node:
        return self.root.find("main")

    def ids(self) -> list[str]:
        return [node.attrs["id"] for node in self.root.iter() if "id" in node.attrs]


def parse(html: str, status: int = 200) -> Page:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return Page(status, html, builder.root)


def get_page(client: FlaskClient, path: str) -> Page:
    response = client.get(path)
    return parse(response.get_data(as_text=True), response.status_code)
