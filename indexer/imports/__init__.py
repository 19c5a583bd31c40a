"""Imports region staff upload in the browser (docs/import.md, "Loading in the browser").

`files` keeps what was sent, with checksums; `scope` makes rows of other regions problems;
`reports` is the report as the pages show and keep it; `runs` checks and loads an upload,
outside the web request, through the one write path.
"""
