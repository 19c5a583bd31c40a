"""Region staff load their own files in the browser: upload, report, confirm, history.

The slow part (a dry run over up to 50 MB, then the load and re-index) runs in a thread of
its own, recorded in the store (indexer/imports/runs.py), so a web worker is never held for
longer than WAIT_S and any worker can show how far it is. A run of another region, like a
missing one, answers 404.
"""

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from flask import abort, current_app, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from indexer.accounts.permissions import staff_of_region
from indexer.imports import files, reports, runs
from indexer.models import Region
from indexer.models.imports import BUSY, ImportRun
from portal.database import get_session
from portal.permissions import for_region
from portal.region import import_view as view
from portal.region.routes import blueprint
from portal.services import today

# How long a request waits for the check or load before showing the page that refreshes
# itself: a region's own files are usually done by then, the national dataset is not.
WAIT_S = 5.0
# How often the page of a busy run asks again (a <meta> refresh: no script needed).
REFRESH_S = 5


@blueprint.get("/<region_id>/import")
@for_region(staff_of_region)
def upload_form(region: Region):
    return _upload_page(region)


@blueprint.post("/<region_id>/import")
@for_region(staff_of_region)
def upload(region: Region):
    settings = current_app.config["SETTINGS"]
    folder = files.new_folder(settings.imports_dir, region.id)
    sent = [(file.filename or "", file.stream) for file in request.files.getlist("bestanden")]
    try:
        kept = files.keep_uploads(sent, folder)
    except files.UploadRefused as refused:  # the folder is gone: keep_uploads removed it
        problem = view.refusal_message(refused)
        return _upload_page(region, problem), 400
    run = runs.start(
        get_session(),
        region_id=region.id,
        actor=current_user.account.email,
        folder=folder.relative_to(settings.imports_dir).as_posix(),
        files=kept,
    )
    _in_background(runs.check, _engine(), settings, run.id, today())
    return _to_run(region, run)


@blueprint.get("/<region_id>/import/<int:run_id>")
@for_region(staff_of_region)
def import_run(region: Region, run_id: int):
    run = _run_or_404(region, run_id)
    state = runs.state(run, datetime.now(UTC))
    if state in BUSY:
        # Only when asked: a page that reloads by itself takes control away (WCAG 2.2.1).
        refresh = request.args.get("vanzelf") == "ja"
        return render_template(
            "region/import_busy.html", region=region, run=run, refresh=refresh, refresh_s=REFRESH_S
        )
    report = reports.shown(runs.folder_of(current_app.config["SETTINGS"], run))
    return render_template(
        "region/import_report.html", **view.report_context(region, run, state, report)
    )


@blueprint.post("/<region_id>/import/<int:run_id>/laden")
@for_region(staff_of_region)
def confirm(region: Region, run_id: int):
    run = _run_or_404(region, run_id)
    shown = request.form.get("verslag", "")
    if runs.confirm(get_session(), run):
        settings, actor = current_app.config["SETTINGS"], current_user.account.email
        _in_background(
            runs.load, _engine(), settings, run.id, actor=actor, shown=shown, today=today()
        )
    return _to_run(region, run)


@blueprint.post("/<region_id>/import/<int:run_id>/controleren")
@for_region(staff_of_region)
def check_again(region: Region, run_id: int):
    """Check the same files again, now letting the import end many contracts."""
    run = _run_or_404(region, run_id)
    if request.form.get("massaal") != "ja":
        report = reports.shown(runs.folder_of(current_app.config["SETTINGS"], run))
        state = runs.state(run, datetime.now(UTC))
        context = view.report_context(region, run, state, report, mass_end_unticked=True)
        return render_template("region/import_report.html", **context), 400
    if runs.check_again(get_session(), run, allow_mass_end=True):
        _in_background(runs.check, _engine(), current_app.config["SETTINGS"], run.id, today())
    return _to_run(region, run)


@blueprint.get("/<region_id>/import/<int:run_id>/verslag.csv")
@for_region(staff_of_region)
def report_csv(region: Region, run_id: int):
    run = _run_or_404(region, run_id)
    path = runs.folder_of(current_app.config["SETTINGS"], run) / reports.REPORT_CSV
    if not path.exists():
        abort(404)
    name = f"verslag-{region.id}-{run.id}.csv"
    return send_file(path, mimetype="text/csv", as_attachment=True, download_name=name)


@blueprint.get("/<region_id>/import/<int:run_id>/bestanden/<int:number>")
@for_region(staff_of_region)
def kept_file(region: Region, run_id: int, number: int):
    """A file as it was sent (or unpacked from the zip that was), by its place in the list."""
    run = _run_or_404(region, run_id)
    if not 1 <= number <= len(run.files):
        abort(404)
    kept = run.files[number - 1]
    path = runs.folder_of(current_app.config["SETTINGS"], run) / kept["path"]
    return send_file(path, as_attachment=True, download_name=kept["name"])


@blueprint.get("/<region_id>/imports")
@for_region(staff_of_region)
def import_history(region: Region):
    now = datetime.now(UTC)
    history = [(run, runs.state(run, now)) for run in runs.of_region(get_session(), region.id)]
    return render_template("region/imports.html", region=region, history=history, **view.labels())


def _upload_page(region: Region, problem: str | None = None) -> str:
    return render_template(
        "region/import.html", region=region, problem=problem, max_upload_mb=files.MAX_UPLOAD_MB
    )


def _run_or_404(region: Region, run_id: int) -> ImportRun:
    run = runs.find(get_session(), region.id, run_id)
    if run is None:
        abort(404)
    return run


def _to_run(region: Region, run: ImportRun):
    """After a form: see the run (303, so a reload does not send the form again)."""
    return redirect(url_for("region.import_run", region_id=region.id, run_id=run.id), 303)


def _engine():
    return current_app.extensions["engine"]


def _in_background(work: Callable[..., None], *args: object, **kwargs: object) -> None:
    """Start `work` in a thread of its own and give it WAIT_S to finish, so a small upload
    goes straight to its report; a large one goes on while its page refreshes itself."""
    thread = threading.Thread(target=work, args=args, kwargs=kwargs, daemon=True, name="import")
    thread.start()
    thread.join(current_app.config.get("IMPORT_WAIT_S", WAIT_S))
