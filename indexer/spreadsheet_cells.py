"""Text bound for a spreadsheet, made harmless.

A cell that starts with "=", "+", "-", "@", a tab or a carriage return is read as a formula
by Excel and LibreOffice when the CSV is opened: a provider's description
`=HYPERLINK("https://…","Klik hier")` would become a link in staff's sheet (OWASP "CSV
injection"). A leading apostrophe makes it text again, which is what the person typed.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text
