"""SME eligibility under Japan's SME Basic Act (中小企業基本法, Article 2).

A company is an SME when its capital OR its regular employees are within the limit of its
industry class: either limit alone qualifies.
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Eligibility:
    """The verdict with the figures it rests on; ``reason`` renders in the active language."""

    industry_class: str
    capital_yen: int
    employees: int

    @property
    def limits(self) -> tuple[int, int]:
        return SME_LIMITS[self.industry_class]

    @property
    def capital_within(self) -> bool:
        return self.capital_yen <= self.limits[0]

    @property
    def employees_within(self) -> bool:
        return self.employees <= self.limits[1]

    @property
    def eligible(self) -> bool:
        return self.capital_within or self.employees_within

    @property
    def reason(self) -> str:
        capital_limit, employee_limit = self.limits
        values = {
            "industry": IndustryClass(self.industry_class).label,
            "capital": f"{self.capital_yen:,}",
            "capital_limit": f"{capital_limit:,}",
            "employees": f"{self.employees:,}",
            "employee_limit": f"{employee_limit:,}",
        }
        if self.capital_within:
            return (
                _(
                    "Eligible: capital of ¥%(capital)s is within the ¥%(capital_limit)s limit "
                    "for %(industry)s."
                )
                % values
            )
        if self.employees_within:
            return (
                _(
                    "Eligible: %(employees)s employees are within the limit of %(employee_limit)s "
                    "for %(industry)s."
                )
                % values
            )
        return (
            _(
                "Not an SME under the SME Basic Act: capital of ¥%(capital)s exceeds the "
                "¥%(capital_limit)s limit and %(employees)s employees exceed the limit of "
                "%(employee_limit)s for %(industry)s; a company qualifies by meeting either limit."
            )
            % values
        )


def sme_eligibility(*, industry_class: str, capital_yen: int, employees: int) -> Eligibility:
    return Eligibility(industry_class=industry_class, capital_yen=capital_yen, employees=employees)
