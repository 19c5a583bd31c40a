"""Which text encoding a CSV file is in, refusing what would garble names.

Excel on Windows saves "CSV" in Windows-1252 (it calls it ANSI), not UTF-8: refusing such a
file sends a region's staff member into save dialogs for nothing, so text that is not UTF-8
is read as Windows-1252 and a notice says so. Latin-1 (ISO 8859-1) needs no case of its own:
its printable characters are Windows-1252 with the same bytes, and the bytes where the two
differ (0x80-0x9F) are invisible control characters in Latin-1, never text.

A wrong guess must not pass silently, so a decoding is refused when it shows the signs of
garbled letters: control characters U+0080-U+009F (Windows-1252 text converted as if it
were Latin-1), UTF-8 read as Windows-1252 somewhere before ("CafÃ©": the file was converted
twice, or mixes both), or a Mac "CSV" (Mac Roman "é" reads as "Ž" in Windows-1252). UTF-16
(Excel's "Unicode text") and binary files are refused with what to do instead.
"""

import re
from dataclasses import dataclass

UTF8, WINDOWS_1252 = "UTF-8", "Windows-1252"
UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS = "save it as 'CSV UTF-8' or as an Excel workbook (.xlsx)"
SAMPLE = 8192  # bytes looked at to tell text from UTF-16 and binary data

# Bytes 0x80-0xBF (UTF-8 continuation bytes) as Windows-1252 shows them.
_CONTINUATION = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") for byte in range(0x80, 0xC0)
)
# A UTF-8 lead byte of Latin, Turkish, Polish, Cyrillic or Arabic letters, or of quotes and
# dashes (E2 80), followed by a continuation byte, all read as Windows-1252.
_GARBLED = re.compile(f"[ÂÃÄÅÐÑØÙ][{_CONTINUATION}]|â€[{_CONTINUATION}]")
_CONTROL = re.compile("[\x80-\x9f]")
# Mac Roman é ë ï ü à á read as Windows-1252, right after a letter ("CafŽ", "Isra‘l").
_MAC_ROMAN = re.compile(r"(?<=[^\W\d_])[Ž‘•Ÿˆ‡]")
_NOT_WORD = re.compile(r"[\s,;\"]")


class NotText(Exception):
    """The bytes are not text this import can read; the message says why and what to do."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # UTF8 or WINDOWS_1252
    notice: str = ""  # for a reader of the report: the encoding assumed, with an example


def decode(data: bytes) -> Decoded:
    """The text of a CSV file's bytes; NotText when it is not (trustworthy) text."""
    _refuse_non_text(data[:SAMPLE])
    bom = data.startswith(UTF8_BOM)
    body = data.removeprefix(UTF8_BOM)
    try:
        decoded = Decoded(body.decode("utf-8"), UTF8)
    except UnicodeDecodeError as error:
        if bom:
            raise NotText(
                f"starts as UTF-8 but {_byte_at(body, error.start)} is not: the file mixes "
                f"encodings; {SAVE_AS}"
            ) from None
        decoded = _windows_1252(data)
    _refuse_garbled(decoded)
    return decoded


def _refuse_non_text(sample: bytes) -> None:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(sample):
        raise NotText(f"is UTF-16 text (Excel's 'Unicode text'): {SAVE_AS}")
    controls = sum(byte < 0x20 and byte not in b"\t\n\r\f\x1a" for byte in sample)
    if b"\x00" in sample or controls * 100 > len(sample):
        raise NotText("is not a spreadsheet or CSV text: send CSV or Excel (.xlsx) files")


def _looks_utf16(sample: bytes) -> bool:
    """UTF-16 without a byte-order mark: ASCII letters with a zero byte on the same side
    (binary data has zero bytes on both)."""
    half = len(sample) // 2
    zeros = sorted((sample[0::2].count(0), sample[1::2].count(0)))
    return half > 0 and zeros[1] * 10 >= half * 8 and zeros[0] * 10 <= half


def _windows_1252(data: bytes) -> Decoded:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as undefined:
        raise NotText(
            f"is neither UTF-8 nor {WINDOWS_1252} text ({_byte_at(data, undefined.start)}): "
            f"{SAVE_AS}"
        ) from None
    index = next(i for i, char in enumerate(text) if ord(char) > 0x7F)
    notice = (
        f"is not UTF-8: read as {WINDOWS_1252} (what Excel on Windows saves as 'CSV'); check "
        f"that the accented letters are right, e.g. {_word_at(text, index)!r} on line "
        f"{_line(text, index)}, or save the file as 'CSV UTF-8'"
    )
    return Decoded(text, WINDOWS_1252, notice)


def _refuse_garbled(decoded: Decoded) -> None:
    text = decoded.text
    control = _CONTROL.search(text)
    if control:
        raise NotText(
            f"holds an invisible control character (U+{ord(control.group()):04X}) on line "
            f"{_line(text, control.start())} where a letter or sign belongs: the text was "
            f"converted with the wrong encoding before; correct it and {SAVE_AS}"
        )
    garbled = _GARBLED.search(text)
    if garbled:
        raise NotText(
            f"holds {_word_at(text, garbled.start())!r} on line {_line(text, garbled.start())}: "
            f"letters garbled by a conversion between encodings{_meant(garbled.group())}; "
            f"correct them and {SAVE_AS}"
        )
    mac = _MAC_ROMAN.search(text) if decoded.encoding == WINDOWS_1252 else None
    if mac:
        raise NotText(
            f"reads as {_word_at(text, mac.start())!r} on line {_line(text, mac.start())} in "
            f"{WINDOWS_1252}: is it a 'CSV' from Excel on a Mac? If so, {SAVE_AS}"
        )


def _meant(garbled: str) -> str:
    """What a garbled pair stood for (' ("Ã©" was "é")'), when it can be told."""
    try:
        return f" ({garbled!r} was {garbled.encode('cp1252').decode('utf-8')!r})"
    except UnicodeError:
        return ""


def _byte_at(data: bytes, index: int) -> str:
    line = data.count(b"\n", 0, index) + 1
    return f"byte 0x{data[index]:02x} on line {line}"


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _word_at(text: str, index: int, limit: int = 40) -> str:
    """The cell text around `index`, up to the nearest space, separator or quote."""
    window = max(0, index - limit)
    separators = [match.end() for match in _NOT_WORD.finditer(text, window, index)]
    end = _NOT_WORD.search(text, index, index + limit)
    return text[separators[-1] if separators else window : end.start() if end else index + limit]
