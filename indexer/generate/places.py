"""Synthetic geography: regions, municipalities, postcodes, teams and profile schemes."""

import random
from dataclasses import dataclass

from indexer.generate.pools import (
    INTENSITIES,
    LAT,
    LON,
    N_MUNICIPALITIES,
    N_REGIONS,
    PLACE_HEADS,
    PLACE_TAILS,
    PROFILES,
    STREETS,
    TEAM_KINDS,
    Rows,
)


@dataclass
class Municipality:
    """A gemeente with its PC4 areas as (pc4, latitude, longitude)."""

    code: str
    name: str
    region_id: str
    pcs: list[tuple[int, float, float]]


def join(items: list[str], last: str) -> str:
    """Dutch and English lists read 'a, b en c' / 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def postcode(rng: random.Random, pc4: int) -> str:
    """Letters without S, I, O, Q, U and Y, so never a combination PostNL leaves unused."""
    return f"{pc4} {''.join(rng.choices('ABCDEFGHJKLMNPRTVWXZ', k=2))}"


def phone(rng: random.Random) -> str:
    """A Dutch landline number such as 020-1234567."""
    return f"0{rng.randint(10, 79)}-{rng.randrange(10**6, 10**7)}"


def municipalities(rng: random.Random) -> list[Municipality]:
    """Place regions on a jittered 6 × 7 grid over the country, municipalities around them.

    PC4 codes come in contiguous blocks per municipality, so a team range such as
    ``1011-1018`` covers only codes that exist; the blocks end below 9,200.
    """
    sizes = [N_MUNICIPALITIES // N_REGIONS] * N_REGIONS
    for i in rng.sample(range(N_REGIONS), N_MUNICIPALITIES % N_REGIONS):
        sizes[i] += 1
    for _ in range(40):  # real regions range from a handful to a dozen municipalities
        a, b = rng.randrange(N_REGIONS), rng.randrange(N_REGIONS)
        if sizes[a] > 4:
            sizes[a] -= 1
            sizes[b] += 1
    names = rng.sample([h + t for h in PLACE_HEADS for t in PLACE_TAILS], N_MUNICIPALITIES)
    codes = sorted(rng.sample(range(1, 2000), N_MUNICIPALITIES))
    lat_step, lon_step = (LAT[1] - LAT[0]) / 6, (LON[1] - LON[0]) / 7
    result: list[Municipality] = []
    pc = 1000
    for r, size in enumerate(sizes):
        lat0 = LAT[0] + (r // 7 + 0.5) * lat_step + rng.uniform(-0.05, 0.05)
        lon0 = LON[0] + (r % 7 + 0.5) * lon_step + rng.uniform(-0.05, 0.05)
        for _ in range(size):
            lat, lon = lat0 + rng.uniform(-0.1, 0.1), lon0 + rng.uniform(-0.12, 0.12)
            pc += rng.randint(0, 12)
            pcs = [
                (pc + k, lat + rng.uniform(-0.02, 0.02), lon + rng.uniform(-0.03, 0.03))
                for k in range(rng.randint(10, 12))
            ]
            pc += len(pcs)
            i = len(result)
            result.append(Municipality(f"GM{codes[i]:04d}", names[i], f"regio-{r + 1:02d}", pcs))
    return result


def geography(rng: random.Random, munis: list[Municipality], t: dict[str, Rows]) -> None:
    """Regions, postcodes and teams; a region is named after its first two municipalities.

    Most municipalities have one team for the whole municipality (empty pc4 or a range); some
    have two, one serving a range and the other a ';'-list, so both import forms occur.
    """
    names: dict[str, list[str]] = {}
    for m in munis:
        names.setdefault(m.region_id, []).append(m.name)
    for m in munis:
        t["regions.csv"].append([m.region_id, "-".join(names[m.region_id][:2]), m.code, m.name])
        t["postcodes.csv"] += [[pc, m.code, f"{la:.5f}", f"{lo:.5f}"] for pc, la, lo in m.pcs]
        half = len(m.pcs) // 2
        areas = [f"{m.pcs[0][0]}-{m.pcs[half - 1][0]}", ";".join(str(p[0]) for p in m.pcs[half:])]
        if rng.random() > 0.15:
            areas = [rng.choice(("", "", f"{m.pcs[0][0]}-{m.pcs[-1][0]}"))]
        for area in areas:
            kind, tid = rng.choice(list(TEAM_KINDS)), f"team-{len(t['teams.csv']) + 1:04d}"
            street = f"{rng.choice(STREETS)} {rng.randint(1, 200)}"
            address = f"{street}, {postcode(rng, rng.choice(m.pcs)[0])} {m.name}"
            hours = rng.choice(("ma-vr 09:00-17:00", "ma-do 08:30-17:00, vr 08:30-12:30"))
            contact = [phone(rng), f"info@{tid}.example", f"https://{tid}.example", hours]
            name = f"{TEAM_KINDS[kind]} {m.name}"
            t["teams.csv"].append([tid, name, kind, m.code, area, address, *contact])


def offer(rng: random.Random, t: dict[str, Rows]) -> dict[str, list[str]]:
    """Profiles, intensities and norms; return the profile codes per region.

    Each region has its own scheme: 8–11 profiles drawn from the pool, numbered P01 onwards.
    """
    profiles: dict[str, list[str]] = {}
    for rid in (f"regio-{r:02d}" for r in range(1, N_REGIONS + 1)):
        chosen = rng.sample(PROFILES, rng.randint(8, 11))
        profiles[rid] = [f"P{i:02d}" for i in range(1, len(chosen) + 1)]
        for code, (nl, en, what_nl, what_en) in zip(profiles[rid], chosen, strict=True):
            t["profiles.csv"].append(
                [rid, code, nl, en, f"Hulp bij {what_nl}.", f"Help with {what_en}."]
            )
        for i, (nl, en, dur_nl, dur_en, _unit) in enumerate(INTENSITIES, start=1):
            t["intensities.csv"].append(
                [rid, f"I{i}", nl, en, f"Hulp {dur_nl}.", f"Help {dur_en}.", i]
            )
            norm = [rng.randint(60, 75), rng.randint(10, 25), f"{rng.uniform(6.5, 7.5):.1f}"]
            t["norms.csv"].append([rid, f"I{i}", *norm])
    return profiles
