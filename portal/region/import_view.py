"""Words and shapes for the import pages: what a refused upload means, the tables' names,
file sizes, and what the report page needs. The report's own rules are the import's
English words (as in `indexer load`); the pages say in Dutch what to do with them."""

from typing import Any

from indexer.imports import reports
from indexer.imports.files import UploadRefused
from indexer.imports.runs import INTERRUPTED
from indexer.models import Region
from indexer.models.imports import CHECKED, ImportRun
from portal.localize import format_decimal
from portal.localize import gettext as _
from portal.localize import lazy_gettext as _l

TABLES = {
    "region": _l("Regio's"),
    "municipality": _l("Gemeenten"),
    "postcode": _l("Postcodes"),
    "team": _l("Teams"),
    "teampostcode": _l("Postcodes van teams"),
    "profile": _l("Profielen"),
    "intensity": _l("Intensiteiten"),
    "provider": _l("Aanbieders"),
    "location": _l("Locaties"),
    "contract": _l("Contracten"),
    "tariff": _l("Tarieven"),
    "outcome": _l("Resultaten"),
    "outcomenorm": _l("Normen"),
    "waittime": _l("Wachttijden"),
}
KINDS = {
    "added": _l("Toegevoegd"),
    "changed": _l("Gewijzigd"),
    "ended": _l("Beëindigd"),
    "removed": _l("Verwijderd"),
}
STATES = {
    "checking": _l("Wordt gecontroleerd"),
    "checked": _l("Gecontroleerd, niet geladen"),
    "loading": _l("Wordt geladen"),
    "loaded": _l("Geladen"),
    "failed": _l("Mislukt"),
    INTERRUPTED: _l("Onderbroken"),
}


def refusal_message(refused: UploadRefused) -> str:
    """Why nothing of the upload was kept, and what to do, in the reader's language."""
    messages = {
        "none": _("Kies een of meer bestanden."),
        "kind": _(
            "%(name)s is geen CSV-, Excel- (XLSX) of zipbestand. Sla het op als Excel-werkmap "
            "(.xlsx) of als 'CSV UTF-8'.",
            name=refused.name,
        ),
        "same_name": _(
            "Er zijn twee bestanden met de naam %(name)s. Stuur elk bestand één keer.",
            name=refused.name,
        ),
        "zip_and_more": _(
            "Stuur één zipbestand of losse bestanden, niet allebei. Zet de losse bestanden in "
            "%(name)s, of stuur ze zonder zip.",
            name=refused.name,
        ),
    }
    return messages[refused.reason]


def table_label(table: str) -> str:
    return str(TABLES.get(table, table))


def size_label(size: int) -> str:
    """A file size as people read it: kB below a megabyte, else MB with one decimal."""
    if size < 1_000_000:
        return _("%(size)s kB", size=format_decimal(max(1, round(size / 1000))))
    return _("%(size)s MB", size=format_decimal(round(size / 1_000_000, 1)))


def labels() -> dict[str, Any]:
    """The helpers both import pages use to name things."""
    return {
        "table_label": table_label,
        "size_label": size_label,
        "kind_labels": KINDS,
        "state_labels": STATES,
    }


def report_context(
    region: Region,
    run: ImportRun,
    state: str,
    report: dict[str, Any] | None,
    *,
    mass_end_unticked: bool = False,
) -> dict[str, Any]:
    """What templates/region/import_report.html shows for a run that is not busy."""
    counts = (report or {}).get("counts", {})
    changes = sum(counts.get(kind, 0) for kind in (*reports.KINDS, "conflicts"))
    return labels() | {
        "region": region,
        "run": run,
        "state": state,
        "report": report,
        "can_load": state == CHECKED and report is not None and not counts.get("problems"),
        "nothing_changes": changes == 0,
        "offer_mass_end": state == CHECKED and bool(report and report.get("mass_end")),
        "mass_end_unticked": mass_end_unticked,
    }
