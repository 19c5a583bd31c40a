"""`indexer remind`: mail providers whose listing has parts due, and tell region staff
(DESIGN.md §10 "Freshness"). Meant to run daily from cron.

A part is due when nobody confirmed it for 6 months (a wait time: 8 weeks) or ever
(`stale_listings`). A provider with a current contract and parts due gets a first reminder,
then one again 2 and 4 weeks after the first while still due, and never more often: each
next one waits at least 2 weeks after the last, also when a run was missed. The `Reminder`
row records what was sent, so running twice a day sends nothing twice; when the listing is
no longer due the row goes, and the next time it is due starts afresh.

Then each region's staff get the list of their overdue listings, when there are any.
A mail that cannot be sent is reported and the others still go; the command then exits 1.
"""

import sys
from dataclasses import dataclass, field
from datetime import date, timedelta

import click
from sqlmodel import Session, col, select

from indexer.cli_store import store_reachable
from indexer.edits.reads import StaleListing, stale_listings
from indexer.mail import MailError, send_mail
from indexer.models import Region
from indexer.models.accounts import RegionStaff, User
from indexer.models.reminders import Reminder
from indexer.settings import Settings
from indexer.store import make_engine, migrate
from indexer.workspaces import editors_of

REMINDERS = 3  # the first, then 2 and 4 weeks after it
INTERVAL = timedelta(weeks=2)
PART_NAMES = {  # as the provider's workspace names them (portal/labels.py)
    "waits": "Wachttijden",
    "contact": "Contactgegevens",
    "descriptions": "Beschrijving",
    "ages": "Leeftijden",
    "languages": "Talen",
    "care_forms": "Vormen van hulp",
    "locations": "Locaties",
}


@dataclass
class RemindResult:
    reminded: list[str] = field(default_factory=list)  # provider ids mailed today
    regions: dict[str, list[StaleListing]] = field(default_factory=dict)  # by region name
    regions_told: int = 0
    failures: list[str] = field(default_factory=list)


def register_remind_command(group: click.Group) -> None:
    group.add_command(remind)


@click.command()
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day to act as (YYYY-MM-DD; default: today).",
)
@click.pass_obj
def remind(settings: Settings, today) -> None:
    """Mail providers whose listing has parts due (again after 2 and 4 weeks), and mail
    each region's staff the list of overdue listings. Run it daily."""
    day = today.date() if today else date.today()
    engine = make_engine(settings.database_url)
    try:
        with store_reachable(engine):
            migrate(engine)
            with Session(engine) as session:
                result = send_reminders(settings, session=session, today=day)
    finally:
        engine.dispose()
    for region_name, listings in result.regions.items():
        click.echo(f"{region_name}: {len(listings)} listing(s) due")
        for listing in listings:
            click.echo(f"  {listing.name}: {', '.join(listing.parts)}")
    for failure in result.failures:
        click.echo(failure, err=True)
    click.echo(f"reminders sent: {len(result.reminded)}, regions told: {result.regions_told}")
    if result.failures:
        sys.exit(1)


def send_reminders(settings: Settings, *, session: Session, today: date) -> RemindResult:
    """Send today's reminders and staff lists; each reminder is committed once it is sent."""
    result = RemindResult()
    regions = list(session.exec(select(Region).order_by(col(Region.id))))
    due = stale_listings({r.id for r in regions}, session=session, today=today)
    sent = {r.provider_id: r for r in session.exec(select(Reminder))}
    for provider_id in sent.keys() - {listing.provider_id for listing in due}:
        session.delete(sent.pop(provider_id))  # confirmed since, or no contract now
    session.commit()
    for listing in due:
        reminder = sent.get(listing.provider_id)
        if reminder is not None and not _next_due(reminder, today):
            continue
        editors = editors_of(listing.provider_id, session=session)
        if not editors:
            continue  # nobody to mail yet; region staff see the listing
        number = reminder.count + 1 if reminder else 1
        subject, body = _provider_mail(settings, listing, number)
        if not _mail_all(settings, editors, subject, body, result):
            continue
        if reminder is None:
            reminder = Reminder(provider_id=listing.provider_id, first_sent_on=today, count=0)
        reminder.last_sent_on, reminder.count = today, number
        session.add(reminder)
        session.commit()
        result.reminded.append(listing.provider_id)
    for region in regions:
        listings = stale_listings({region.id}, session=session, today=today)
        if not listings:
            continue
        result.regions[region.name] = listings
        subject, body = _staff_mail(settings, region, listings)
        if _mail_all(settings, _staff_of(session, region.id), subject, body, result):
            result.regions_told += 1
    return result


def _next_due(reminder: Reminder, today: date) -> bool:
    """Another reminder goes out 2 and 4 weeks after the first, and never within 2 weeks
    of the last one."""
    if reminder.count >= REMINDERS:
        return False
    on = max(reminder.first_sent_on + reminder.count * INTERVAL, reminder.last_sent_on + INTERVAL)
    return today >= on


def _mail_all(
    settings: Settings, addresses: list[str], subject: str, body: str, result: RemindResult
) -> bool:
    """Mail each address; True when at least one received it. Failures are noted."""
    delivered = False
    for address in addresses:
        try:
            send_mail(settings, address, subject, body)
            delivered = True
        except MailError as error:
            result.failures.append(f"The mail to {address} was not sent: {error}")
    return delivered


def _staff_of(session: Session, region_id: str) -> list[str]:
    query = select(User.email).join(RegionStaff, col(RegionStaff.user_id) == col(User.id))
    return sorted(session.exec(query.where(RegionStaff.region_id == region_id)))


def _part_lines(listing: StaleListing) -> list[str]:
    lines = []
    for part, confirmed_on in listing.parts.items():
        when = f"laatst bevestigd op {confirmed_on:%d-%m-%Y}" if confirmed_on else "nooit bevestigd"
        lines.append(f"- {PART_NAMES.get(part, part)} ({when})")
    return lines


def _provider_mail(settings: Settings, listing: StaleListing, number: int) -> tuple[str, str]:
    base = settings.link_base
    subject = f"Klopt de vermelding van {listing.name} nog?"
    if number > 1:
        subject = f"Herinnering: klopt de vermelding van {listing.name} nog?"
    body = "\n".join(
        [
            "Hallo,",
            "",
            f"Deze onderdelen van de vermelding van {listing.name} in Jeugdhulpgids zijn al "
            "lang niet bevestigd:",
            "",
            *_part_lines(listing),
            "",
            "Gezinnen zien ze nu als mogelijk verouderd. Kijk ze na: pas aan wat niet meer "
            "klopt, of geef per onderdeel aan dat het nog klopt.",
            "",
            f"{base}/beheer/{listing.provider_id}",
            "",
            "Een wachttijd geldt na 8 weken als mogelijk verouderd, de andere onderdelen na "
            "6 maanden.",
            "",
        ]
    )
    return subject, body


def _staff_mail(
    settings: Settings, region: Region, listings: list[StaleListing]
) -> tuple[str, str]:
    base = settings.link_base
    subject = f"Verouderde vermeldingen in jeugdregio {region.name}"
    lines = ["Hallo,", "", f"Deze aanbieders in jeugdregio {region.name} hebben onderdelen die"]
    lines += ["te lang niet bevestigd zijn:", ""]
    for listing in listings:
        parts = ", ".join(PART_NAMES.get(part, part) for part in listing.parts)
        lines.append(f"- {listing.name}: {parts}")
    lines += ["", f"De lijst staat ook op de pagina van de regio: {base}/regio/{region.id}", ""]
    return subject, "\n".join(lines)
