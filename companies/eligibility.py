"""SME eligibility under Japan's SME Basic Act (中小企業基本法, Article 2).

A company is an SME when its capital OR its regular employees are within the limit of its
industry class: either limit alone qualifies. The Cabinet Order (中小企業基本法施行令 Article 1)
gives three industries limits of their own. A company that large companies control is deemed
large (みなし大企業) whatever its size.

This module is the one place the verdict and its wording come from: the pavilion page, the
application and decision services, the admin and the API all ask it.
"""

from dataclasses import dataclass

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from .choices import IndustryClass

# (capital limit in yen, employee limit); both limits are inclusive ("up to").
SME_LIMITS: dict[str, tuple[int, int]] = {
    IndustryClass.MANUFACTURING: (300_000_000, 300),
    IndustryClass.WHOLESALE: (100_000_000, 100),
    IndustryClass.SERVICES: (50_000_000, 100),
    IndustryClass.RETAIL: (50_000_000, 50),
    IndustryClass.RUBBER_PRODUCTS: (300_000_000, 900),
    IndustryClass.SOFTWARE: (300_000_000, 300),
    IndustryClass.HOTELS: (50_000_000, 200),
}

#: The classes whose limits come from the Cabinet Order rather than the Act itself.
CABINET_ORDER_EXCEPTIONS = frozenset(
    {IndustryClass.RUBBER_PRODUCTS, IndustryClass.SOFTWARE, IndustryClass.HOTELS}
)


class DeemedLarge:
    """Why a company counts as large whatever its size (みなし大企業)."""

    ONE_LARGE_SHAREHOLDER = "one_large_shareholder"  # one large company holds half or more
    LARGE_SHAREHOLDERS = "large_shareholders"  # large companies together hold two thirds or more
    OFFICERS = "officers"  # half or more of the officers come from a large company


def yen_text(amount: int) -> str:
    """An amount of yen as the active language writes it: ¥300,000,000 or 3億円, 4,500万円."""
    if not (get_language() or "en").startswith("ja"):
        return f"¥{amount:,}"
    oku, rest = divmod(amount, 100_000_000)
    man, yen = divmod(rest, 10_000)
    parts = [f"{value:,}{unit}" for value, unit in ((oku, "億"), (man, "万"), (yen, "")) if value]
    return "".join(parts or ["0"]) + "円"


@dataclass(frozen=True)
class Eligibility:
    """The verdict with the figures it rests on; ``reason`` renders in the active language."""

    industry_class: str
    capital_yen: int
    employees: int
    largest_large_shareholder_percent: int = 0
    large_shareholders_percent: int = 0
    officers_from_large_company: bool = False

    @property
    def limits(self) -> tuple[int, int]:
        return SME_LIMITS[self.industry_class]

    @property
    def cabinet_order_exception(self) -> bool:
        return self.industry_class in CABINET_ORDER_EXCEPTIONS

    @property
    def capital_within(self) -> bool:
        return self.capital_yen <= self.limits[0]

    @property
    def employees_within(self) -> bool:
        return self.employees <= self.limits[1]

    @property
    def deemed_large(self) -> str:
        """The deemed-large rule that applies (a ``DeemedLarge`` value), or ""."""
        if self.largest_large_shareholder_percent * 2 >= 100:
            return DeemedLarge.ONE_LARGE_SHAREHOLDER
        # Two thirds or more, in whole percent: 67% is, 66% is not.
        if self.large_shareholders_percent * 3 >= 200:
            return DeemedLarge.LARGE_SHAREHOLDERS
        if self.officers_from_large_company:
            return DeemedLarge.OFFICERS
        return ""

    @property
    def eligible(self) -> bool:
        return not self.deemed_large and (self.capital_within or self.employees_within)

    @property
    def reason(self) -> str:
        """The verdict, naming the rule and the limits it applied."""
        deemed = self.deemed_large
        if deemed == DeemedLarge.ONE_LARGE_SHAREHOLDER:
            return _(
                "Not an SME: a large company holds %(percent)s%% (half or more), so the company "
                "is deemed a large company whatever its capital and employees."
            ) % {"percent": self.largest_large_shareholder_percent}
        if deemed == DeemedLarge.LARGE_SHAREHOLDERS:
            return _(
                "Not an SME: large companies together hold %(percent)s%% (two thirds or more), "
                "so the company is deemed a large company whatever its capital and employees."
            ) % {"percent": self.large_shareholders_percent}
        if deemed == DeemedLarge.OFFICERS:
            return _(
                "Not an SME: half or more of its officers are officers or employees of a large "
                "company, so the company is deemed a large company whatever its capital and "
                "employees."
            )
        return self._size_reason()

    def _size_reason(self) -> str:
        capital_limit, employee_limit = self.limits
        label = str(IndustryClass(self.industry_class).label)
        values = {
            "industry": label[:1].lower() + label[1:],
            "capital": yen_text(self.capital_yen),
            "capital_limit": yen_text(capital_limit),
            "employees": f"{self.employees:,}",
            "employee_limit": f"{employee_limit:,}",
        }
        # Whole sentences per case, so each language can order its own words.
        if self.cabinet_order_exception:
            if self.capital_within:
                text = _(
                    "Eligible under the SME Basic Act (Cabinet Order exception for %(industry)s: "
                    "%(capital_limit)s or %(employee_limit)s employees): capital of %(capital)s "
                    "is within the limit."
                )
            elif self.employees_within:
                text = ngettext(
                    "Eligible under the SME Basic Act (Cabinet Order exception for %(industry)s: "
                    "%(capital_limit)s or %(employee_limit)s employees): %(employees)s employee "
                    "is within the limit, and either limit is enough.",
                    "Eligible under the SME Basic Act (Cabinet Order exception for %(industry)s: "
                    "%(capital_limit)s or %(employee_limit)s employees): %(employees)s employees "
                    "are within the limit, and either limit is enough.",
                    self.employees,
                )
            else:
                text = _(
                    "Not an SME under the SME Basic Act (Cabinet Order exception for "
                    "%(industry)s: %(capital_limit)s or %(employee_limit)s employees): capital of "
                    "%(capital)s exceeds the %(capital_limit)s limit and %(employees)s employees "
                    "exceed the limit of %(employee_limit)s."
                )
        elif self.capital_within:
            text = _(
                "Eligible under the SME Basic Act: for %(industry)s the limits are capital of "
                "%(capital_limit)s or %(employee_limit)s employees; capital of %(capital)s is "
                "within the limit."
            )
        elif self.employees_within:
            text = ngettext(
                "Eligible under the SME Basic Act: for %(industry)s the limits are capital of "
                "%(capital_limit)s or %(employee_limit)s employees; %(employees)s employee is "
                "within the limit, and either limit is enough.",
                "Eligible under the SME Basic Act: for %(industry)s the limits are capital of "
                "%(capital_limit)s or %(employee_limit)s employees; %(employees)s employees are "
                "within the limit, and either limit is enough.",
                self.employees,
            )
        else:
            text = _(
                "Not an SME under the SME Basic Act: for %(industry)s the limits are capital of "
                "%(capital_limit)s or %(employee_limit)s employees; capital of %(capital)s "
                "exceeds the %(capital_limit)s limit and %(employees)s employees exceed the "
                "limit of %(employee_limit)s."
            )
        return text % values


def sme_eligibility(
    *,
    industry_class: str,
    capital_yen: int,
    employees: int,
    largest_large_shareholder_percent: int = 0,
    large_shareholders_percent: int = 0,
    officers_from_large_company: bool = False,
) -> Eligibility:
    return Eligibility(
        industry_class=industry_class,
        capital_yen=capital_yen,
        employees=employees,
        largest_large_shareholder_percent=largest_large_shareholder_percent,
        large_shareholders_percent=large_shareholders_percent,
        officers_from_large_company=officers_from_large_company,
    )


def eligibility_figures(sme) -> dict:
    """The profile's figures the verdict rests on, keyed as ``sme_eligibility`` takes them."""
    return {
        "industry_class": sme.industry_class,
        "capital_yen": sme.capital_yen,
        "employees": sme.employees,
        "largest_large_shareholder_percent": sme.largest_large_shareholder_percent,
        "large_shareholders_percent": sme.large_shareholders_percent,
        "officers_from_large_company": sme.officers_from_large_company,
    }


def sme_eligibility_of(sme) -> Eligibility:
    """The verdict for an SME's profile as it is now."""
    return sme_eligibility(**eligibility_figures(sme))
