"""Parsers for one cell of an import file.

Each parser takes the cell's text (never empty: emptiness is handled by the column spec)
and returns the stored value, or raises FieldError with a message that says what is wrong
and what would be right. They accept the variations real Excel exports produce — a decimal
comma, "85%", "€ 1.234,50", "ja/nee", a CBS code without "GM", Dutch dates — and reject
anything whose meaning is not certain.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email

from indexer import languages

Parser = Callable[[str], Any]

# The Netherlands with a margin; catches swapped latitude/longitude, a common export error.
LATITUDE_RANGE = (50.7, 53.7)
LONGITUDE_RANGE = (3.2, 7.3)


class FieldError(ValueError):
    """A cell value breaks a rule; str(error) is shown to the person who sent the file."""


def text(value: str) -> str:
    return value


def code(value: str) -> str:
    """An identifier such as a region_id, provider_id or profile_code."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", value):
        raise FieldError("is not a valid code: use letters, digits, '-', '_' or '.' only")
    return value


def municipality_code(value: str) -> str:
    """CBS code GM0363; "363" or "0363" (Excel dropped the prefix or zeros) also accepted."""
    match = re.fullmatch(r"(?:GM)?(\d{1,4})", value.upper())
    if not match:
        raise FieldError("is not a CBS municipality code like GM0363")
    return "GM" + match.group(1).zfill(4)


def pc4(value: str) -> str:
    if not re.fullmatch(r"[1-9]\d{3}", value):
        raise FieldError("is not a four-digit postcode (1000-9999)")
    return value


def pc4_list(value: str) -> list[str]:
    """PC4s and ranges, e.g. "1011-1018; 1020" → every PC4 in them, sorted and unique."""
    result: set[int] = set()
    for part in _split_list(value):
        low, _, high = part.partition("-")
        first = int(pc4(low.strip()))
        last = int(pc4(high.strip())) if high else first
        if last < first:
            raise FieldError(f"contains range {part}, which runs backwards")
        result.update(range(first, last + 1))
    return [str(number) for number in sorted(result)]


def postcode(value: str) -> str:
    """A full Dutch postcode, normalised to "1011 AB"."""
    match = re.fullmatch(r"([1-9]\d{3})\s*([A-Za-z]{2})", value)
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        raise FieldError("is not a Dutch postcode like 1011 AB")
    return f"{match.group(1)} {match.group(2).upper()}"


def iso_date(value: str) -> date:
    """ISO 2026-01-31 or Dutch 31-01-2026 (also 1-2-2026 and 31/01/2026)."""
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            parsed = datetime.strptime(value, pattern).date()
        except ValueError:
            continue
        if not 1900 <= parsed.year <= 2100:
            raise FieldError("has an implausible year: use 2026-01-31 or 31-01-2026")
        return parsed
    raise FieldError("is not a date: use 2026-01-31 or 31-01-2026")


# The whole numbers every database's integer column holds (PostgreSQL's INTEGER). Checked
# on the digits first: Python refuses to read a number of more than 4,300 digits.
WHOLE_RANGE = (-(2**31), 2**31 - 1)


def integer(value: str) -> int:
    if not re.fullmatch(r"-?\d+", value):
        raise FieldError("is not a whole number")
    least, most = WHOLE_RANGE
    if len(value.lstrip("-0")) > len(str(most)):  # out of range, whatever the digits
        result = least - 1 if value.startswith("-") else most + 1
    else:
        result = int(value)
    if result < least:
        raise FieldError(f"is less than {least}, the smallest whole number stored")
    if result > most:
        raise FieldError(f"is more than {most}, the largest whole number stored")
    return result


def count(value: str) -> int:
    number = integer(value)
    if number < 0:
        raise FieldError("is negative: a count cannot be below 0")
    return number


def number(value: str) -> float:
    """A decimal number with a point or a Dutch comma ("7,5")."""
    cleaned = value.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." in cleaned:  # "1.234,50" or "1,234.50": last mark is decimal
        thousands = "." if cleaned.rfind(",") > cleaned.rfind(".") else ","
        cleaned = cleaned.replace(thousands, "")
    cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise FieldError("is not a number")
    return float(cleaned)


def percentage(value: str) -> float:
    result = number(value.removesuffix("%"))
    if not 0 <= result <= 100:
        raise FieldError("is outside 0-100: a percentage")
    return result


def score(value: str) -> float:
    """A satisfaction mark on the Dutch school scale."""
    result = number(value)
    if not 0 <= result <= 10:
        raise FieldError("is outside 0-10: a satisfaction mark")
    return result


# The most a tariff can be, per trajectory, year or month: a year of the most intensive
# residential care costs a few hundred thousand euros. Also what keeps cents exact (a float
# holds 15 digits) and within a database's integer column (PostgreSQL's: € 21 million); a
# cell of 400 nines was infinity, and crashed the import instead of naming the cell.
MAX_TARIFF_EUROS = 1_000_000


def money_cents(value: str) -> int:
    """Euros to cents; "€ 1.800,-" is 1800 euros, but "€ 2.450" is refused: it may mean
    2450 or 2.45 (Dutch thousands)."""
    amount = value.replace("€", "").replace("EUR", "").strip()
    if amount.endswith(",-"):  # "1.800,-": whole euros, dots are thousands
        amount = amount.removesuffix(",-").replace(".", "")
    result = number(amount)
    if result < 0:
        raise FieldError("is negative: a tariff cannot be below 0")
    if re.search(r"[.,]\d{3,}$", amount):
        raise FieldError("has more than two decimals (for thousands write 2450 or 2.450,00)")
    if result > MAX_TARIFF_EUROS:
        raise FieldError("is more than € 1.000.000: no tariff per trajectory, year or month is")
    return round(result * 100)


def age(value: str) -> int:
    result = integer(value)
    if not 0 <= result <= 27:
        raise FieldError("is not an age from 0 to 27")
    return result


def latitude(value: str) -> float:
    return _within(number(value), LATITUDE_RANGE, "latitude")


def longitude(value: str) -> float:
    return _within(number(value), LONGITUDE_RANGE, "longitude")


def _within(result: float, bounds: tuple[float, float], what: str) -> float:
    if not bounds[0] <= result <= bounds[1]:
        raise FieldError(
            f"is not a {what} in the Netherlands ({bounds[0]}-{bounds[1]}); "
            "are latitude and longitude swapped?"
        )
    return result


def boolean(value: str) -> bool:
    answer = {"ja": True, "j": True, "yes": True, "true": True, "1": True, "waar": True}
    answer |= {"nee": False, "n": False, "no": False, "false": False, "0": False}
    answer |= {"onwaar": False}
    if value.lower() not in answer:
        raise FieldError("is not ja or nee")
    return answer[value.lower()]


def choice(*allowed: str) -> Parser:
    """One of a fixed set of words, case-insensitive."""

    def parse(value: str) -> str:
        if value.lower() not in allowed:
            raise FieldError(f"is not one of: {', '.join(allowed)}")
        return value.lower()

    return parse


def choices(*allowed: str) -> Parser:
    """A ';'-separated list of words from a fixed set."""

    def parse(value: str) -> list[str]:
        items = {item.lower() for item in _split_list(value)}
        unknown = sorted(items - set(allowed))
        if unknown:
            raise FieldError(f"contains {unknown[0]!r}, which is not one of: {', '.join(allowed)}")
        return sorted(items)

    return parse


def language_codes(value: str) -> list[str]:
    """A ';'-list of ISO 639-1 or ISO 639-3 codes, each stored as indexer.languages says:
    `nl; NLD; rif` → ["nl", "rif"]."""
    codes = set()
    for item in _split_list(value):
        stored = languages.canonical(item)
        if stored is None:
            raise FieldError(
                f"contains {item!r}, which is not an ISO 639-1 or ISO 639-3 language code"
            )
        codes.add(stored)
    return sorted(codes)


def period(value: str) -> str:
    """A publication period: a year, a half year or a quarter: 2025, 2025-H1, 2025-Q3."""
    value = value.upper()
    if not re.fullmatch(r"20\d\d(-H[12]|-Q[1-4])?", value):
        raise FieldError("is not a period like 2025, 2025-H1 or 2025-Q3")
    return value


def email(value: str) -> str:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise FieldError(f"is not an e-mail address ({error})") from None


def url(value: str) -> str:
    """A web address; "www.example.nl" without a scheme becomes https://www.example.nl."""
    if "://" not in value:
        value = "https://" + value
    try:
        parts = urlsplit(value)
        valid = parts.scheme in {"http", "https"} and "." in (parts.hostname or "")
    except ValueError:  # e.g. an unclosed "[", taken for an IPv6 address
        valid = False
    if not valid or " " in value:
        raise FieldError("is not a web address like https://www.example.nl")
    return value


def digits(length: int, what: str) -> Parser:
    """A number of fixed length (KvK and AGB): leading zeros matter, so no padding."""

    def parse(value: str) -> str:
        if not re.fullmatch(rf"\d{{{length}}}", value.replace(" ", "")):
            raise FieldError(
                f"is not a {what} of {length} digits (Excel may have dropped a leading zero: "
                "format the column as text)"
            )
        return value.replace(" ", "")

    return parse


def phone(value: str) -> str:
    if not re.fullmatch(r"[+\d][\d \-()]*", value) or len(re.sub(r"\D", "", value)) < 9:
        raise FieldError("is not a phone number like 020-1234567")
    return value


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(";") if item.strip()]
