"""The provider workspace: overview, one form per part, and "still correct" per part.

Wait times and contact details publish at once and are searchable right after (the one
write path re-indexes the provider); texts, ages, languages and care forms wait for the
region, and the overview shows them as pending. Every write goes through indexer.edits.
"""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from indexer.accounts.permissions import edits_provider, providers_of
from indexer.edits import service
from indexer.edits.parts import PARTS, EditError
from indexer.edits.reads import confirmations, pending_for, stale_from
from indexer.edits.values import stored_values
from indexer.models import Provider
from indexer.workspaces import wait_slots
from portal import labels
from portal.database import get_session
from portal.localize import get_locale
from portal.localize import gettext as _
from portal.manage.messages import field_message
from portal.manage.parts import EDITABLE, address_of, form_values, part_label
from portal.permissions import for_provider, signed_in
from portal.services import index_sync, today

blueprint = Blueprint("manage", __name__, url_prefix="/beheer")


@blueprint.get("")
@signed_in
def index():
    providers = providers_of(current_user.account, session=get_session())
    if len(providers) == 1:
        return redirect(url_for("manage.overview", provider_id=providers[0].id))
    return render_template("manage/index.html", providers=providers)


@blueprint.get("/<provider_id>")
@for_provider(edits_provider)
def overview(provider: Provider):
    session = get_session()
    confirmed = confirmations(provider.id, session=session)
    parts = [
        {
            "name": name,
            "label": part_label(name),
            "confirmed_on": confirmed.get(name),
            "stale": confirmed.get(name) is None or confirmed[name] <= stale_from(name, today()),
        }
        for name in EDITABLE
    ]
    return render_template(
        "manage/overview.html",
        provider=provider,
        parts=parts,
        pending=pending_for(provider.id, session=session),
        part_label=part_label,
        saved=request.args.get("opgeslagen"),
    )


@blueprint.route("/<provider_id>/<part>", methods=["GET", "POST"])
@for_provider(edits_provider)
def edit(provider: Provider, part: str):
    if part not in EDITABLE:
        return render_template("errors/404.html"), 404
    session = get_session()
    # Read once, for the form and the page; only the waits form has a box per wait.
    slots = wait_slots(provider.id, session=session, today=today()) if part == "waits" else []
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            outcome = service.submit_edit(
                provider.id,
                part,
                form_values(part, request.form, slots),
                actor=current_user.account.email,
                session=session,
                sync=index_sync(),
                today=today(),
            )
        except EditError as error:
            session.rollback()
            errors = {field: detail for field, detail in error.errors}
        else:
            saved = "gepubliceerd" if outcome.published else "ter-beoordeling"
            return redirect(url_for("manage.overview", provider_id=provider.id, opgeslagen=saved))
    fields = list(PARTS[part].fields)
    return render_template(
        "manage/edit.html",
        provider=provider,
        part=part,
        label=part_label(part),
        at_once=PARTS[part].at_once,
        values=stored_values(session, provider.id, fields) if fields else {},
        sent=request.form,
        slots=slots,
        errors=errors,
        locale=str(get_locale()),
        care_forms=[(code, str(name)) for code, name in labels.CARE_FORMS.items()],
        address_of=address_of,
        field_message=field_message,
        summary=[(field, field_message(field)) for field in errors],
        error_title=_("Er ging iets mis"),
    ), 400 if errors else 200


@blueprint.post("/<provider_id>/<part>/klopt-nog")
@for_provider(edits_provider)
def confirm(provider: Provider, part: str):
    if part not in EDITABLE:
        return render_template("errors/404.html"), 404
    service.confirm(
        provider.id,
        part,
        actor=current_user.account.email,
        session=get_session(),
        sync=index_sync(),
        today=today(),
    )
    return redirect(url_for("manage.overview", provider_id=provider.id, opgeslagen="bevestigd"))
