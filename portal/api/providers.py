"""GET /api/v1/providers/{provider_id}: a provider in one region, as its page shows it.

The listing comes from indexer.listing, like the page: only contracts valid today, outcome
figures against the region's norm and average, withheld below the region's minimum count
(value null, `enough` false). Tariffs are the ones referrers see, with their place in the
region's cost bandwidth.
"""

from datetime import date

from flask import url_for
from pydantic import Field

from indexer.edits.reads import confirmations
from indexer.listing import Figure, Listing, RegionName, provider_listing
from indexer.models import Region
from indexer.schemes import localized
from indexer.tariffs import applied_tariffs, bandwidths
from indexer.waits import waits_of
from portal.api import checks
from portal.api.models import (
    Coded,
    Contact,
    Described,
    Location,
    ProviderRef,
    RegionRef,
    Shape,
    Text,
)
from portal.api.problems import ApiProblem, invalid
from portal.api.registry import Parameters, get
from portal.api.search import Code
from portal.database import get_session
from portal.localize import get_locale
from portal.localize import gettext as _
from portal.services import today


class ProviderParameters(Parameters):
    region: Code | None = Field(
        None,
        description="The region to show the provider in; without it, the first region "
        "(by id) where it is contracted today.",
    )


class Offer(Shape):
    profile: Described
    intensities: list[Coded]
    segments: list[str]


class WaitTime(Shape):
    profile_code: str | None = Field(description="null: the provider's general wait.")
    weeks: int
    confirmed_on: date
    out_of_date: bool = Field(description="Not confirmed for 8 weeks or more.")


class OutcomeFigure(Shape):
    name: str = Field(
        description="goal_attainment_pct, dropout_pct, satisfaction_youth or satisfaction_parents."
    )
    value: float | None = Field(description="null: withheld, too few to say.")
    count: int | None = Field(description="Closed trajectories or respondents.")
    enough: bool = Field(description="The count reaches the region's minimum.")
    norm: float | None
    norm_is_maximum: bool
    regional_average: float | None
    meets_norm: bool | None


class IntensityOutcomes(Shape):
    profile_code: str | None
    intensity_code: str
    period: str
    figures: list[OutcomeFigure]


class ProviderOutcomes(Shape):
    period: str | None = Field(description="The newest period over the whole offer.")
    figures: list[OutcomeFigure]
    by_intensity: list[IntensityOutcomes]


class Tariff(Shape):
    segment: str
    profile_code: str
    intensity_code: str
    amount_eur: float
    unit: str = Field(description="traject, jaar or maand.")
    uniform: bool = Field(description="The region's one segment B price for everyone.")
    bandwidth_position: str | None = Field(
        description="only, lowest, below_median, median, above_median or highest."
    )


class ProviderInRegion(Shape):
    id: str
    name: str
    kvk: str
    agb: str
    description: Text
    contact: Contact
    languages: list[str]
    min_age: int | None
    max_age: int | None
    care_forms: list[str]
    region: RegionRef
    regions: list[RegionRef] = Field(description="Every region where it is contracted today.")
    offers: list[Offer]
    locations: list[Location]
    wait_times: list[WaitTime]
    outcomes: ProviderOutcomes
    tariffs: list[Tariff]
    contract_end: date | None = Field(description="Last day of its contracts here; null: open.")
    main_contractors: list[ProviderRef]
    confirmations: dict[str, date] = Field(
        description="Per part of the listing, the day the provider last said it is correct."
    )
    page_url: str


@get(
    "/providers/<provider_id>",
    ProviderInRegion,
    summary="A provider in one region",
    tag="providers",
    query=ProviderParameters,
    description="What the provider's page shows: offer, locations, waits, outcomes with "
    "norms and averages, tariffs. 404 when it holds no contract valid today (in `region`).",
)
def provider(params: ProviderParameters, provider_id: str) -> ProviderInRegion:
    session, locale = get_session(), str(get_locale())
    if problems := checks.unknown_region(params.region, session=session):
        raise invalid(problems)
    listing = provider_listing(provider_id, params.region, session=session, today=today())
    if listing is None or (params.region and listing.region.id != params.region):
        detail = _(
            "Aanbieder %(provider)s heeft vandaag geen contract in deze regio of in deze gids.",
            provider=provider_id,
        )
        raise ApiProblem(404, detail)
    found = listing.provider
    text, lang = localized(found.descriptions, locale)
    return ProviderInRegion(
        id=found.id,
        name=found.name,
        kvk=found.kvk,
        agb=found.agb,
        description=Text(text=text, lang=lang),
        contact=Contact(website=found.website, email=found.email, phone=found.phone),
        languages=found.languages,
        min_age=found.min_age,
        max_age=found.max_age,
        care_forms=found.care_forms,
        region=region_ref(listing.region),
        regions=[region_ref(region) for region in listing.regions],
        offers=[
            Offer(
                profile=described(profile, locale),
                intensities=[coded(level, locale) for level in levels],
                segments=segments,
            )
            for profile, levels, segments in listing.offers
        ],
        locations=[
            Location(
                id=place.location_id,
                **{name: getattr(place, name) for name in Location.model_fields if name != "id"},
            )
            for place in listing.locations
        ],
        wait_times=[
            WaitTime(
                profile_code=wait.profile_code or None,
                weeks=wait.weeks,
                confirmed_on=wait.confirmed_on,
                out_of_date=wait.is_stale(today()),
            )
            for wait in sorted(waits_of(listing.waits), key=lambda wait: wait.profile_code)
        ],
        outcomes=_outcomes(listing),
        tariffs=_tariffs(listing),
        contract_end=listing.contract_end,
        main_contractors=[ProviderRef(id=p.id, name=p.name) for p in listing.main_contractors],
        confirmations=confirmations(found.id, session=session),
        page_url=url_for("providers.detail", provider_id=found.id, regio=listing.region.id),
    )


def region_ref(region: Region | RegionName) -> RegionRef:
    return RegionRef(id=region.id, name=region.name, url=url_for("api.region", region_id=region.id))


def coded(entry, locale: str) -> Coded:
    """A profile or intensity with its name in `locale`, else in Dutch."""
    name, lang = localized(entry.names, locale)
    return Coded(code=entry.code, name=name, lang=lang)


def described(entry, locale: str) -> Described:
    description, description_lang = localized(entry.descriptions, locale)
    return Described(
        **coded(entry, locale).model_dump(),
        description=description,
        description_lang=description_lang,
    )


def _outcomes(listing: Listing) -> ProviderOutcomes:
    return ProviderOutcomes(
        period=listing.period,
        figures=[_figure(figure) for figure in listing.figures],
        by_intensity=[
            IntensityOutcomes(
                profile_code=group.profile.code if group.profile else None,
                intensity_code=group.intensity.code,
                period=group.period,
                figures=[_figure(figure) for figure in group.figures],
            )
            for group in listing.intensity_figures
        ],
    )


def _figure(figure: Figure) -> OutcomeFigure:
    return OutcomeFigure(**{name: getattr(figure, name) for name in OutcomeFigure.model_fields})


def _tariffs(listing: Listing) -> list[Tariff]:
    session, region_id = get_session(), listing.region.id
    bands = bandwidths(session, region_id, today())
    paid = applied_tariffs(
        session, today(), region_ids={region_id}, provider_ids={listing.provider.id}
    )
    shown = []
    for tariff in paid:
        band = bands.get((tariff.profile_code, tariff.intensity_code, tariff.unit))
        shown.append(
            Tariff(
                segment=tariff.segment,
                profile_code=tariff.profile_code,
                intensity_code=tariff.intensity_code,
                amount_eur=tariff.cents / 100,
                unit=tariff.unit,
                uniform=tariff.uniform,
                bandwidth_position=band.position(tariff.cents) if band else None,
            )
        )
    return shown
