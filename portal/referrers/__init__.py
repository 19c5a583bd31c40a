"""What referrers (local teams, GPs, youth doctors, certified institutions) get on top of the
family pages (DESIGN.md §11): the professional view, switched on the results, provider and
compare pages (`view`); the codes contracted, tariffs and the region's cost bandwidths
(`codes`, `prices`, `results_table`); downloads of results and shortlists as CSV or XLSX
(`exports`, `spreadsheets`); and the shortlist as a printable handout for the family, in
the family's language with a QR code (`handout`, `qr`).

The family pages' blueprints (portal/public) register the switch and call these modules;
the handout is this package's one blueprint, named as before the split, so
`url_for("handout.handout")` stays valid. No account is needed: tariffs are public.
"""

from flask import Flask

from portal.referrers import handout


def init_app(app: Flask) -> None:
    app.register_blueprint(handout.blueprint)
