"""What families see: home, search results, provider pages, compare, the shortlist, and the
explainer and statement pages; referrers see the same pages with more on them
(portal/referrers). Each module is one blueprint, named as before the portal was split by
audience, so `url_for("search.results")` stays valid.
"""

from flask import Flask

from portal.public import compare, home, pages, providers, search
from portal.public.outcomes_view import period_label


def init_app(app: Flask) -> None:
    for area in (home, search, providers, compare, pages):
        app.register_blueprint(area.blueprint)
    app.add_template_filter(period_label)
