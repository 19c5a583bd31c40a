"""Codes in a query checked against the region they belong to.

Every region buys care in its own scheme: P10 is a profile in one region and nothing in
the next, so a code unknown in the query's region would quietly find nothing. The API
answers 400 naming the code and the region's own codes instead; without a region, a code
must exist in at least one region of the guide.
"""

from sqlmodel import Session

from indexer import languages
from indexer.models import Region
from indexer.schemes import intensities, profiles, regions
from portal.i18n import list_format
from portal.localize import gettext as _
from portal.localize import ngettext


def unknown_region(region_id: str | None, *, session: Session) -> dict[str, str]:
    if region_id is None or session.get(Region, region_id) is not None:
        return {}
    known = [region.id for region in regions(session=session)]
    message = _(
        "Regio %(region)s bestaat niet in deze gids. Kies uit: %(regions)s.",
        region=region_id,
        regions=list_format(known),
    )
    return {"region": message}


def unknown_codes(
    region_id: str | None,
    chosen: dict[str, tuple[str, ...]],
    *,
    session: Session,
) -> dict[str, str]:
    """{parameter: message} for `profile` and `intensity` codes the region does not have."""
    schemes = {"profile": profiles, "intensity": intensities}
    wanted = [region_id] if region_id else [region.id for region in regions(session=session)]
    problems = {}
    for parameter, codes in chosen.items():
        if not codes:
            continue
        known: list[str] = []
        for region in wanted:
            known += [entry.code for entry in schemes[parameter](region, session=session)]
        unknown = [code for code in dict.fromkeys(codes) if code not in known]
        if unknown:
            problems[parameter] = _message(unknown, region_id, sorted(set(known)))
    return problems


def unknown_languages(codes: tuple[str, ...]) -> dict[str, str]:
    unknown = [code for code in dict.fromkeys(codes) if languages.canonical(code) is None]
    if not unknown:
        return {}
    message = ngettext(
        "Taalcode %(codes)s bestaat niet. Gebruik een code van ISO 639-1 of 639-3, "
        "zoals nl of rif.",
        "Taalcodes %(codes)s bestaan niet. Gebruik codes van ISO 639-1 of 639-3, zoals nl of rif.",
        len(unknown),
        codes=list_format(unknown),
    )
    return {"language": message}


def _message(unknown: list[str], region_id: str | None, known: list[str]) -> str:
    codes = list_format(unknown)
    if region_id is None:
        return ngettext(
            "Code %(codes)s bestaat in geen enkele regio van deze gids.",
            "Codes %(codes)s bestaan in geen enkele regio van deze gids.",
            len(unknown),
            codes=codes,
        )
    return ngettext(
        "Code %(codes)s bestaat niet in regio %(region)s. Kies uit: %(known)s.",
        "Codes %(codes)s bestaan niet in regio %(region)s. Kies uit: %(known)s.",
        len(unknown),
        codes=codes,
        region=region_id,
        known=list_format(known),
    )
