"""Synthetic providers with varied descriptions and their locations."""

import random

from indexer.generate.places import Municipality, join, phone, postcode
from indexer.generate.pools import (
    CARE_FORMS,
    EXTRAS,
    LANGUAGES,
    N_PROVIDERS,
    ORG_HEADS,
    ORG_KINDS,
    PROFILES,
    STREETS,
    Rows,
)


def describe(rng: random.Random, name: str, ages: tuple[int, int], forms: list[str]) -> list[str]:
    """Dutch and English descriptions from the pools, so text search has words to match.

    Specialisms are what the profiles help with (angst, ADHD, LVB, schoolweigering ...).
    """
    specs = rng.sample(PROFILES, rng.randint(2, 3))
    extra = rng.choice(EXTRAS)
    forms_text = [row for row in CARE_FORMS if row[0] in forms]
    nl = f"{name} helpt kinderen en jongeren van {ages[0]} tot {ages[1]} jaar bij"
    en = f"{name} helps children and young people aged {ages[0]} to {ages[1]} with"
    nl += f" {join([s[2] for s in specs], 'en')}. " + " ".join(f[2] for f in forms_text)
    en += f" {join([s[3] for s in specs], 'and')}. " + " ".join(f[3] for f in forms_text)
    return [f"{nl} {extra[0]}", f"{en} {extra[1]}"]


def providers(rng: random.Random, munis: list[Municipality], t: dict[str, Rows]) -> list[str]:
    """Providers and their locations; return each provider's home region.

    A name is a pool combination plus the home municipality, drawn without replacement, so
    names are unique; kvk and agb numbers are unique too. Locations lie in the home region.
    """
    combos = len(ORG_HEADS) * len(ORG_KINDS)
    picks = rng.sample(range(combos * len(munis)), N_PROVIDERS)
    kvks, agbs = (rng.sample(range(10**7, 10**8), N_PROVIDERS) for _ in range(2))
    in_region: dict[str, list[Municipality]] = {}
    for m in munis:
        in_region.setdefault(m.region_id, []).append(m)
    homes: list[str] = []
    for n, (pick, kvk, agb) in enumerate(zip(picks, kvks, agbs, strict=True), start=1):
        home, pid = munis[pick // combos], f"np-{n:05d}"
        name = f"{ORG_HEADS[pick % combos // len(ORG_KINDS)]} {ORG_KINDS[pick % len(ORG_KINDS)]}"
        name = f"{name} {home.name}"
        lo = rng.choice((0, 0, 4, 6, 12, 12, 16))
        hi = rng.choice([a for a in (12, 18, 18, 23) if a >= lo])
        forms = [f for f, p, *_ in CARE_FORMS if rng.random() < float(p)] or ["ambulant"]
        langs = [lang for lang in LANGUAGES if rng.random() < (0.5 if lang == "en" else 0.05)]
        contact = [f"https://{pid}.example", f"info@{pid}.example", phone(rng)]
        texts = describe(rng, name, (lo, hi), forms)
        row = [pid, name, kvk, agb, *contact, *texts, ";".join(["nl", *langs]), lo, hi]
        t["providers.csv"].append([*row, ";".join(forms)])
        for k in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
            m = home if k == 0 else rng.choice(in_region[home.region_id])
            pc4, lat, lon = rng.choice(m.pcs)
            lid = f"loc-{len(t['locations.csv']) + 1}"
            address = [rng.choice(STREETS), rng.randint(1, 250), postcode(rng, pc4), m.name]
            geo = [
                f"{lat + rng.uniform(-0.005, 0.005):.5f}",
                f"{lon + rng.uniform(-0.005, 0.005):.5f}",
            ]
            wheelchair = rng.choice(("ja", "nee"))
            label = name if k == 0 else f"{name}, locatie {m.name}"
            t["locations.csv"].append([pid, lid, label, *address, *geo, wheelchair])
        homes.append(home.region_id)
    return homes
