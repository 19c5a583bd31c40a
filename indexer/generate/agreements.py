"""Synthetic contracts, tariffs, outcomes, norms and wait times, valid around `today`."""

import random
import zlib
from datetime import date, timedelta

from indexer.generate.pools import INTENSITIES, Rows


def base_tariff(rng: random.Random, level: int) -> float:
    """Plausible euros per unit of intensity ``level`` (see INTENSITIES), varied per profile."""
    return (1400, 4200, 950, 26000)[level - 1] * rng.uniform(0.8, 1.25)


Period = tuple[date, date]


def contract_periods(
    rng: random.Random, today: date, regions: list[str]
) -> dict[str, list[Period]]:
    """Give each region a current contract period around ``today`` and the expired one before."""
    periods = {}
    for rid in regions:
        start = today - timedelta(days=rng.randint(30, 700))
        current = (start, today + timedelta(days=rng.randint(90, 1100)))
        periods[rid] = [current, (start - timedelta(days=3 * 365), start - timedelta(days=1))]
    return periods


Offers = dict[tuple[str, str], list[tuple[str, str]]]


def contracts(
    rng: random.Random,
    today: date,
    profiles: dict[str, list[str]],
    homes: list[str],
    t: dict[str, Rows],
) -> Offers:
    """Contracts and tariffs; return the contracted (profile, intensity) per region × provider.

    About 5% of the rows belong to the region's previous period and have expired, and one in
    five providers joined the current period late. B tariffs exist for both periods, C tariffs
    for each C contract with its own validity.
    """
    regions = sorted(profiles)
    periods = contract_periods(rng, today, regions)
    for rid in regions:
        for code in profiles[rid]:
            for level, (*_, unit) in enumerate(INTENSITIES, start=1):
                base = base_tariff(rng, level)
                for factor, (a, b) in zip((1.0, 0.97), periods[rid], strict=True):
                    key = [rid, "B", code, f"I{level}", ""]
                    t["tariffs.csv"].append(
                        [*key, f"{base * factor:.2f}", unit, a.isoformat(), b.isoformat()]
                    )
    offers: Offers = {}
    for n, home in enumerate(homes, start=1):
        pid = f"np-{n:05d}"
        extra = rng.choices((0, 1, 2, 3, 5), (45, 30, 15, 7, 3))[0]
        for rid in [home, *rng.sample([r for r in regions if r != home], extra)]:
            (start, end), old = periods[rid]
            if rng.random() < 0.2:
                start += timedelta(days=rng.randint(0, (today - start).days))
            segments = rng.choices(("B", "C", "BC"), (75, 15, 10))[0]
            role = rng.choices(("hoofdaannemer", "onderaannemer"), (85, 15))[0]
            codes = sorted(rng.sample(profiles[rid], rng.randint(1, 5)))
            levels = sorted(rng.sample(range(1, 5), rng.randint(1, 4)))
            offers[(rid, pid)] = [(p, f"I{i}") for p in codes for i in levels]
            for segment in segments:
                for p, i in offers[(rid, pid)]:
                    a, b = old if rng.random() < 0.05 else (start, end)
                    dates = [a.isoformat(), b.isoformat()]
                    t["contracts.csv"].append([rid, pid, segment, p, i, *dates, role])
                    if segment == "C":
                        level = int(i[1:])
                        tariff = f"{base_tariff(rng, level) * rng.uniform(0.9, 1.4):.2f}"
                        unit = INTENSITIES[level - 1][4]
                        t["tariffs.csv"].append([rid, "C", p, i, pid, tariff, unit, *dates])
    add_main_contractors(t["contracts.csv"], offers)
    return offers


def add_main_contractors(rows: Rows, offers: Offers) -> None:
    """End every contract row with its main contractor: for a subcontractor, the main
    contractor in the region sharing most of its profiles ("" when the region has none).

    Ties are broken by a hash of both ids, which spreads subcontractors over main
    contractors without drawing from the random generator, so no other value changes.
    """
    roles = {(row[0], row[1]): row[7] for row in rows}
    profiles = {key: {p for p, _ in combos} for key, combos in offers.items()}
    mains: dict[str, list[str]] = {}
    for rid, pid in sorted(roles):
        if roles[(rid, pid)] == "hoofdaannemer":
            mains.setdefault(rid, []).append(pid)
    chosen = {}
    for (rid, pid), role in roles.items():
        if role == "onderaannemer" and mains.get(rid):
            chosen[(rid, pid)] = max(
                mains[rid],
                key=lambda main: (
                    len(profiles[(rid, pid)] & profiles[(rid, main)]),
                    zlib.crc32(f"{pid}>{main}".encode()),
                ),
            )
    for row in rows:
        row.append(chosen.get((row[0], row[1]), ""))


def closed_count(rng: random.Random, most: int) -> int:
    """Closed trajectories; about 15% of rows end below 10, the default "too few to say".

    ``most`` keeps a row per profile × intensity within the provider's total for the period
    (so rows under a small total are small too, hence 11% here).
    """
    if rng.random() < 0.11:
        return rng.randint(0, min(9, most))
    return rng.randint(min(10, most), most)


def figures(rng: random.Random, closed: int) -> list[object]:
    """The figures of one outcome row, around typical published values."""
    goal = min(100.0, max(0.0, rng.gauss(72, 12)))
    dropout = min(100.0, max(0.0, rng.gauss(12, 6)))
    youth, parents = (min(10.0, max(0.0, rng.gauss(7.6, 0.7))) for _ in range(2))
    youth_n, parents_n = (round(closed * rng.uniform(0.2, 0.8)) for _ in range(2))
    figures = [closed, f"{goal:.1f}", f"{dropout:.1f}", f"{youth:.1f}", youth_n]
    return [*figures, f"{parents:.1f}", parents_n]


def results(rng: random.Random, today: date, offers: Offers, t: dict[str, Rows]) -> None:
    """Outcomes and wait times, only for providers contracted in the region.

    Each region publishes its last two periods at its own granularity (year, half, quarter);
    three in four providers have figures, some also per contracted profile × intensity.
    """
    y = today.year - 1
    granularity = ([str(y - 1), str(y)], [f"{y}-H1", f"{y}-H2"], [f"{y}-Q2", f"{y}-Q3"])
    published = {rid: rng.choice(granularity) for rid in sorted({r for r, _ in offers})}
    for (rid, pid), combos in offers.items():
        if rng.random() < 0.75:
            for period in published[rid]:
                detail = sorted(rng.sample(combos, min(len(combos), rng.choice((0, 0, 1, 2)))))
                total = closed_count(rng, 250)
                rows = [("", "", total)] + [(p, i, closed_count(rng, total)) for p, i in detail]
                for p, i, closed in rows:
                    t["outcomes.csv"].append([rid, pid, period, p, i, *figures(rng, closed)])
        codes = list(dict.fromkeys(p for p, _ in combos))
        waits = [""] if rng.random() < 0.6 else []
        if rng.random() < 0.4:
            waits += rng.sample(codes, min(len(codes), rng.randint(1, 2)))
        for code in waits:
            confirmed = today - timedelta(days=rng.randint(0, 120))
            weeks = min(30, int(rng.expovariate(1 / 6)))
            t["waittimes.csv"].append([rid, pid, code, weeks, confirmed.isoformat()])
