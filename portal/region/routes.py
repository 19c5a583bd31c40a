"""Region staff decide on what providers changed, for their own regions only.

A change, conflict or provider that does not belong to the region in the URL answers 404,
exactly like one that does not exist: staff of one region learn nothing about another's.
"""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from indexer.accounts import service as accounts
from indexer.accounts.errors import AccountError
from indexer.accounts.permissions import regions_of, staff_of_region
from indexer.edits import service as edits
from indexer.edits.parts import EditError
from indexer.edits.reads import history, open_conflicts, stale_listings
from indexer.mail import send_mail
from indexer.models import Region
from indexer.models.edits import PendingChange
from indexer.workspaces import editors_of, pending_in_regions, providers_in_regions
from portal.account.mail import send_invitation_mail
from portal.database import get_session
from portal.localize import gettext as _
from portal.manage.parts import part_label
from portal.permissions import for_region, signed_in
from portal.services import index_sync, today

blueprint = Blueprint("region", __name__, url_prefix="/regio")


@blueprint.get("")
@signed_in
def index():
    regions = regions_of(current_user.account, session=get_session())
    if len(regions) == 1:
        return redirect(url_for("region.dashboard", region_id=regions[0].id))
    return render_template("region/index.html", regions=regions)


@blueprint.get("/<region_id>")
@for_region(staff_of_region)
def dashboard(region: Region):
    return _dashboard(region)


def _dashboard(region: Region, problem: str | None = None, status: int = 200):
    """The region's page; after a refused form, with the problem on top."""
    session = get_session()
    ids = {region.id}
    return render_template(
        "region/dashboard.html",
        region=region,
        pending=pending_in_regions(ids, session=session, today=today()),
        conflicts=open_conflicts(ids, session=session),
        stale=stale_listings(ids, session=session, today=today()),
        providers=providers_in_regions(ids, session=session, today=today()),
        part_label=part_label,
        done=request.args.get("klaar"),
        problem=problem,
    ), status


@blueprint.post("/<region_id>/wijzigingen/<int:change_id>")
@for_region(staff_of_region)
def decide(region: Region, change_id: int):
    session = get_session()
    change = session.get(PendingChange, change_id)
    waiting = {c.id for c, _p in pending_in_regions({region.id}, session=session, today=today())}
    if change is None or change_id not in waiting:
        abort(404)
    decision, reason = request.form.get("besluit"), request.form.get("reden", "").strip()
    actor, provider_id = current_user.account.email, change.provider_id
    common = {"actor": actor, "session": session, "sync": index_sync(), "today": today()}
    try:
        if decision == "goedkeuren":
            edits.approve(change_id, **common)
        elif decision == "afwijzen":
            edits.reject(change_id, reason, **common)
        else:
            abort(400)
    except EditError:
        session.rollback()
        problem = _("Schrijf bij een afwijzing waarom, zodat de aanbieder het kan verbeteren.")
        return _dashboard(region, problem, 400)
    _tell_editors(provider_id, decision, reason)
    return redirect(url_for("region.dashboard", region_id=region.id, klaar="besluit"))


@blueprint.post("/<region_id>/conflicten/<int:conflict_id>")
@for_region(staff_of_region)
def resolve(region: Region, conflict_id: int):
    session = get_session()
    if conflict_id not in {c.id for c in open_conflicts({region.id}, session=session)}:
        abort(404)
    resolution = request.form.get("keuze")
    if resolution not in ("keep", "take"):
        abort(400)
    edits.resolve_conflict(
        conflict_id,
        resolution,
        actor=current_user.account.email,
        session=session,
        sync=index_sync(),
        today=today(),
    )
    return redirect(url_for("region.dashboard", region_id=region.id, klaar="conflict"))


@blueprint.post("/<region_id>/uitnodigen")
@for_region(staff_of_region)
def invite(region: Region):
    session = get_session()
    provider_id = request.form.get("aanbieder", "")
    allowed = {p.id for p in providers_in_regions({region.id}, session=session, today=today())}
    email = request.form.get("email", "").strip()
    if provider_id not in allowed:
        problem = _("Kies een aanbieder uit de lijst.")
        return _dashboard(region, problem, 400)
    try:
        user = accounts.invite(
            email, provider_id=provider_id, actor=current_user.account.email, session=session
        )
    except AccountError:
        session.rollback()
        problem = _("Vul een geldig e-mailadres in.")
        return _dashboard(region, problem, 400)
    if not user.password_hash:
        send_invitation_mail(user)
    return redirect(url_for("region.dashboard", region_id=region.id, klaar="uitnodiging"))


@blueprint.get("/<region_id>/aanbieders/<provider_id>")
@for_region(staff_of_region)
def provider_history(region: Region, provider_id: str):
    session = get_session()
    providers = {p.id: p for p in providers_in_regions({region.id}, session=session, today=today())}
    if provider_id not in providers:
        abort(404)
    return render_template(
        "region/history.html",
        region=region,
        provider=providers[provider_id],
        entries=history(provider_id, session=session),
    )


def _tell_editors(provider_id: str, decision: str, reason: str) -> None:
    """Mail the provider's editors what was decided (and why, for a rejection)."""
    if decision == "goedkeuren":
        subject, body = (
            _("Wijziging goedgekeurd"),
            _("Uw wijziging is goedgekeurd en staat nu in Jeugdhulpgids."),
        )
    else:
        subject = _("Wijziging niet overgenomen")
        body = _(
            "Uw wijziging is niet overgenomen. De reden van de regio:\n\n%(reason)s", reason=reason
        )
    for email in editors_of(provider_id, session=get_session()):
        send_mail(current_app.config["SETTINGS"], email, subject, body)
