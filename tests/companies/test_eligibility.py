import pytest
from django.utils import translation

from companies.choices import IndustryClass
from companies.eligibility import SME_LIMITS, sme_eligibility

LIMITS = [
    (IndustryClass.MANUFACTURING, 300_000_000, 300),
    (IndustryClass.WHOLESALE, 100_000_000, 100),
    (IndustryClass.SERVICES, 50_000_000, 100),
    (IndustryClass.RETAIL, 50_000_000, 50),
]


def test_sme_limits_match_the_sme_basic_act():
    assert dict(SME_LIMITS) == {c: (cap, emp) for c, cap, emp in LIMITS}


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_at_both_limits_is_eligible(industry, capital_limit, employee_limit):
    verdict = sme_eligibility(
        industry_class=industry, capital_yen=capital_limit, employees=employee_limit
    )
    assert verdict.eligible


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_capital_within_alone_qualifies(industry, capital_limit, employee_limit):
    verdict = sme_eligibility(
        industry_class=industry, capital_yen=capital_limit, employees=employee_limit + 1
    )
    assert verdict.eligible
    assert f"¥{capital_limit:,}" in verdict.reason


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_employees_within_alone_qualifies(industry, capital_limit, employee_limit):
    verdict = sme_eligibility(
        industry_class=industry, capital_yen=capital_limit + 1, employees=employee_limit
    )
    assert verdict.eligible
    assert f"{employee_limit:,} for" in verdict.reason


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_one_over_both_limits_is_refused_naming_them(
    industry, capital_limit, employee_limit
):
    verdict = sme_eligibility(
        industry_class=industry, capital_yen=capital_limit + 1, employees=employee_limit + 1
    )
    assert not verdict.eligible
    assert f"¥{capital_limit + 1:,}" in verdict.reason
    assert f"¥{capital_limit:,} limit" in verdict.reason
    assert f"limit of {employee_limit:,}" in verdict.reason
    assert IndustryClass(industry).label.lower() in verdict.reason.lower()


def test_eligibility_reason_is_translated_to_japanese():
    verdict = sme_eligibility(
        industry_class=IndustryClass.RETAIL, capital_yen=60_000_000, employees=51
    )
    with translation.override("ja"):
        reason = verdict.reason
    assert "中小企業" in reason
    assert "¥50,000,000" in reason
