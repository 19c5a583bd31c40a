"""The home page. For now it shows which regions are loaded and how much each holds; the
family search grows here in later issues."""

from datetime import date

from flask import Blueprint, render_template

from indexer.catalog import region_summaries
from portal.database import get_session

blueprint = Blueprint("home", __name__)


@blueprint.get("/")
def index() -> str:
    regions = region_summaries(session=get_session(), today=date.today())
    return render_template("home/index.html", regions=regions)
