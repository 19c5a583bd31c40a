"""The regions: each with its own scheme (profiles, intensities, norms), its cost
bandwidths, and everything it publishes as one download in the import format."""

from datetime import date

from flask import current_app, url_for
from pydantic import Field

from indexer.exports.region import FORMAT, RegionExport, region_export, region_municipalities
from indexer.models import Region
from indexer.schemes import intensities, norms, profiles
from indexer.tariffs import bandwidths
from portal.api import checks
from portal.api.models import Described, RegionRef, Shape
from portal.api.problems import ApiProblem, invalid
from portal.api.providers import described, region_ref
from portal.api.registry import JSON, Parameters, get
from portal.api.search import Code
from portal.database import get_session
from portal.localize import get_locale
from portal.localize import gettext as _
from portal.services import region_summaries, today

ZIP = "application/zip"


class RegionSummary(Shape):
    id: str
    name: str
    municipalities: int
    teams: int
    contracted_providers: int = Field(description="Providers with a contract valid today.")
    url: str


class RegionList(Shape):
    regions: list[RegionSummary]


class Municipality(Shape):
    code: str = Field(description="CBS code, e.g. GM0363.")
    name: str


class CrisisService(Shape):
    name: str
    phone: str
    hours: str = Field(description="As the region wrote them, in Dutch.")


class RegionIntensity(Described):
    sort_order: int = Field(description="From light to heavy.")


class Norm(Shape):
    intensity_code: str
    goal_attainment_min_pct: float | None
    dropout_max_pct: float | None
    satisfaction_min: float | None


class RegionLinks(Shape):
    search: str
    bandwidths: str
    export_json: str
    export_zip: str


class RegionDetail(Shape):
    id: str
    name: str
    municipalities: list[Municipality]
    contracted_providers: int
    min_outcome_count: int = Field(description="Below this count a figure is withheld.")
    crisis_service: CrisisService | None
    profiles: list[Described]
    intensities: list[RegionIntensity]
    norms: list[Norm]
    links: RegionLinks


class BandwidthParameters(Parameters):
    profile: list[Code] = Field([], description="Only these profile codes of the region.")
    intensity: list[Code] = Field([], description="Only these intensity codes of the region.")


class Bandwidth(Shape):
    """Lowest, median and highest tariff the region pays for a profile × intensity, over
    the providers contracted today; always of one unit."""

    profile_code: str
    intensity_code: str
    unit: str = Field(description="traject, jaar or maand.")
    lowest_eur: float
    median_eur: float
    highest_eur: float
    providers: int
    single: bool = Field(description="Every provider is paid the same.")


class Bandwidths(Shape):
    region: RegionRef
    as_of: date
    bandwidths: list[Bandwidth]


class ExportFile(Shape):
    name: str = Field(description="The import file's name, e.g. contracts.csv.")
    columns: list[str]
    rows: list[dict[str, str]] = Field(description="Each row's cells, as the CSV has them.")


class ExportRegion(Shape):
    id: str
    name: str


class ExportDocument(Shape):
    format: str = Field(description=f"Always {FORMAT}.")
    version: int
    region: ExportRegion
    as_of: date = Field(description="The day contracts and tariffs were judged valid on.")
    files: list[ExportFile]


@get("/regions", RegionList, summary="Every region of the guide", tag="regions")
def region_list(_params: Parameters) -> RegionList:
    return RegionList(
        regions=[
            RegionSummary(
                **{
                    name: getattr(summary, name)
                    for name in RegionSummary.model_fields
                    if name != "url"
                },
                url=url_for("api.region", region_id=summary.id),
            )
            for summary in region_summaries()
        ]
    )


@get(
    "/regions/<region_id>",
    RegionDetail,
    summary="A region and its own scheme",
    tag="regions",
    description="Its municipalities, profiles and intensities (names in the language "
    "asked for), outcome norms, minimum count and crisis service.",
)
def region(_params: Parameters, region_id: str) -> RegionDetail:
    session, locale = get_session(), str(get_locale())
    found = _region(region_id)
    summary = next(s for s in region_summaries() if s.id == found.id)
    service = (
        CrisisService(name=found.crisis_name, phone=found.crisis_phone, hours=found.crisis_hours)
        if found.crisis_phone
        else None
    )
    return RegionDetail(
        id=found.id,
        name=found.name,
        municipalities=[
            Municipality(code=m.code, name=m.name)
            for m in region_municipalities(found.id, session=session)
        ],
        contracted_providers=summary.contracted_providers,
        min_outcome_count=found.min_outcome_count,
        crisis_service=service,
        profiles=[described(p, locale) for p in profiles(found.id, session=session)],
        intensities=[
            RegionIntensity(**described(i, locale).model_dump(), sort_order=i.sort_order)
            for i in intensities(found.id, session=session)
        ],
        norms=[
            Norm(**norm.model_dump(exclude={"region_id"}))
            for norm in norms(found.id, session=session)
        ],
        links=RegionLinks(
            search=url_for("api.search", region=found.id),
            bandwidths=url_for("api.region_bandwidths", region_id=found.id),
            export_json=url_for("api.region_export_json", region_id=found.id),
            export_zip=url_for("api.region_export_zip", region_id=found.id),
        ),
    )


@get(
    "/regions/<region_id>/bandwidths",
    Bandwidths,
    summary="The region's cost bandwidths",
    tag="regions",
    query=BandwidthParameters,
    description="Per profile × intensity × unit, over the providers contracted today. "
    "A profile or intensity code the region does not have is a 400.",
)
def region_bandwidths(params: BandwidthParameters, region_id: str) -> Bandwidths:
    session = get_session()
    found = _region(region_id)
    chosen = {"profile": tuple(params.profile), "intensity": tuple(params.intensity)}
    if problems := checks.unknown_codes(found.id, chosen, session=session):
        raise invalid(problems)
    bands = [
        Bandwidth(
            profile_code=band.profile_code,
            intensity_code=band.intensity_code,
            unit=band.unit,
            lowest_eur=band.lowest / 100,
            median_eur=band.median / 100,
            highest_eur=band.highest / 100,
            providers=band.providers,
            single=band.single,
        )
        for _key, band in sorted(bandwidths(session, found.id, today()).items())
        if (not params.profile or band.profile_code in params.profile)
        and (not params.intensity or band.intensity_code in params.intensity)
    ]
    return Bandwidths(region=region_ref(found), as_of=today(), bandwidths=bands)


@get(
    "/regions/<region_id>/export.json",
    ExportDocument,
    summary="Everything the region publishes, in the import format (JSON)",
    tag="downloads",
    description="Every file of the import format with its columns and rows, each cell as "
    "the CSV has it. Contracts and tariffs valid today or later; figures below the "
    "region's minimum count are empty.",
)
def region_export_json(_params: Parameters, region_id: str):
    return _download(_export(region_id).as_json(), JSON, None)


@get(
    "/regions/<region_id>/export.zip",
    None,
    summary="Everything the region publishes, as import files (CSV in a zip)",
    tag="downloads",
    media_type=ZIP,
    description="The CSV files `indexer load` reads: unzip into a folder and load it. "
    "The same rows as export.json.",
)
def region_export_zip(_params: Parameters, region_id: str):
    export = _export(region_id)
    filename = f"jeugdhulpgids-{export.region_id}-{export.as_of.isoformat()}.zip"
    return _download(export.as_zip(), ZIP, filename)


def _region(region_id: str) -> Region:
    found = get_session().get(Region, region_id)
    if found is None:
        raise _no_such_region(region_id)
    return found


def _export(region_id: str) -> RegionExport:
    export = region_export(region_id, session=get_session(), today=today())
    if export is None:
        raise _no_such_region(region_id)
    return export


def _no_such_region(region_id: str) -> ApiProblem:
    return ApiProblem(404, _("Regio %(region)s bestaat niet in deze gids.", region=region_id))


def _download(data: bytes, mimetype: str, filename: str | None):
    response = current_app.response_class(data, mimetype=mimetype)
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
