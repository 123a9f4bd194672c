"""Turkish and general input validation: TCKN, VKN, phone numbers, e-mail, locale, zone.

Each ``normalise_*``/``check_*`` returns the canonical value or raises
:class:`~cncworkbench.errors.ValidationError` naming the problem.
"""

from __future__ import annotations

import re
import zoneinfo

from cncworkbench.core.i18n import translate
from cncworkbench.errors import ValidationError

LOCALES = ("tr", "en")
MAX_EMAIL = 255
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def _shown(value: str, limit: int = 40) -> str:
    """A hostile or huge input, shortened and made printable for an error message."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in value[:limit])
    return printable + ("…" if len(value) > limit else "")


def tckn_is_valid(value: str) -> bool:
    """Turkish identity number (T.C. Kimlik No): 11 digits, first not 0, two check digits.

    d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10;  d11 = (d1+…+d10) mod 10.
    """
    if len(value) != 11 or not value.isascii() or not value.isdigit() or value[0] == "0":
        return False
    d = [int(c) for c in value]
    tenth = (sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10
    return d[9] == tenth and d[10] == sum(d[:10]) % 10


def vkn_is_valid(value: str) -> bool:
    """Turkish tax number (Vergi Kimlik No) of companies: 10 digits, the last a check digit.

    For the first nine digits dᵢ (i = 1..9): t = (dᵢ + 10 − i) mod 10,
    v = t·2^(10−i) mod 9, and v = 9 when t ≠ 0 and that gives 0; the check digit is
    (10 − (Σv mod 10)) mod 10.
    """
    if len(value) != 10 or not value.isascii() or not value.isdigit():
        return False
    total = 0
    for i in range(9):
        t = (int(value[i]) + 9 - i) % 10
        v = (t * 2 ** (9 - i)) % 9
        if t != 0 and v == 0:
            v = 9
        total += v
    return (10 - total % 10) % 10 == int(value[9])


def check_tax_number(value: str) -> str:
    """A VKN (10 digits, companies) or TCKN (11 digits, persons), validated."""
    digits = value.strip().replace(" ", "")
    if len(digits) == 10 and vkn_is_valid(digits):
        return digits
    if len(digits) == 11 and tckn_is_valid(digits):
        return digits
    if not digits.isdigit():
        raise ValidationError(
            translate("Validators", "The tax number '{number}' must contain digits only.").format(
                number=_shown(value)
            )
        )
    if len(digits) not in (10, 11):
        raise ValidationError(
            translate(
                "Validators",
                "The tax number '{number}' has {count} digits; a VKN has 10 and a TCKN 11.",
            ).format(number=_shown(value), count=len(digits))
        )
    kind = "VKN" if len(digits) == 10 else "TCKN"
    raise ValidationError(
        translate(
            "Validators", "The {kind} '{number}' fails its check digits; please re-check it."
        ).format(kind=kind, number=digits)
    )


def normalise_tr_phone(value: str, mobile_only: bool = False) -> str:
    """A Turkish phone number as E.164 (+90 and 10 digits).

    Accepts the usual ways of writing one: ``0532 123 45 67``, ``+90 (532) 123-45-67``,
    ``90 532 1234567``, ``5321234567``. Mobile numbers start with 5 after the country code.
    """
    raw = value.strip()
    if len(raw) > 40:
        raise ValidationError(
            translate("Validators", "'{phone}' is too long for a phone number.").format(
                phone=_shown(raw)
            )
        )
    if re.search(r"[^0-9+()\-.\s]", raw):
        raise ValidationError(
            translate(
                "Validators", "'{phone}' is not a phone number (unexpected characters)."
            ).format(phone=_shown(raw))
        )
    if "+" in raw[1:]:
        raise ValidationError(
            translate("Validators", "'{phone}' is not a phone number (misplaced '+').").format(
                phone=_shown(raw)
            )
        )
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        if not digits.startswith("90"):
            raise ValidationError(
                translate("Validators", "'{phone}' is not a Turkish number (+90).").format(
                    phone=_shown(raw)
                )
            )
        national = digits[2:]
    elif digits.startswith("90") and len(digits) == 12:
        national = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        national = digits[1:]
    else:
        national = digits
    if len(national) != 10:
        raise ValidationError(
            translate(
                "Validators",
                "'{phone}' is not a Turkish phone number: expected 10 digits after +90 or the "
                "leading 0, found {count}.",
            ).format(phone=_shown(raw), count=len(national))
        )
    if national[0] not in "2345":
        raise ValidationError(
            translate("Validators", "'{phone}' is not a Turkish phone number (area code).").format(
                phone=_shown(raw)
            )
        )
    if mobile_only and national[0] != "5":
        raise ValidationError(
            translate("Validators", "'{phone}' is not a Turkish mobile number (+90 5xx …).").format(
                phone=_shown(raw)
            )
        )
    return "+90" + national


def normalise_email(value: str) -> str:
    email = value.strip()
    if len(email) > MAX_EMAIL:
        raise ValidationError(
            translate(
                "Validators", "The e-mail address is {count} characters; at most {limit}."
            ).format(count=len(email), limit=MAX_EMAIL)
        )
    if not _EMAIL.match(email):
        raise ValidationError(
            translate("Validators", "'{email}' is not a valid e-mail address.").format(
                email=_shown(email)
            )
        )
    local, domain = email.rsplit("@", 1)
    return f"{local}@{domain.lower()}".lower()


def looks_like_email(identifier: str) -> bool:
    return "@" in identifier


def check_locale(value: str) -> str:
    if value not in LOCALES:
        raise ValidationError(
            translate(
                "Validators", "Unknown language '{language}'; choose one of {choices}."
            ).format(language=_shown(value), choices=", ".join(LOCALES))
        )
    return value


def check_timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            translate(
                "Validators", "Unknown time zone '{zone}'; use a name such as Europe/Istanbul."
            ).format(zone=_shown(value))
        ) from None
    if len(value) > 50:
        raise ValidationError(translate("Validators", "The time zone name is too long."))
    return value
