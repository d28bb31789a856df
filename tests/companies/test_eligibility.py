"""The SME Basic Act verdict: every industry class at and just over its limits, the Cabinet
Order's exceptions, the deemed-large-company rules, and the wording in both languages."""

import pytest
from django.utils import translation

from companies.choices import IndustryClass
from companies.eligibility import (
    SME_LIMITS,
    DeemedLarge,
    sme_eligibility,
    sme_eligibility_of,
    yen_text,
)
from companies.factories import SMEFactory

LIMITS = [
    (IndustryClass.MANUFACTURING, 300_000_000, 300),
    (IndustryClass.WHOLESALE, 100_000_000, 100),
    (IndustryClass.SERVICES, 50_000_000, 100),
    (IndustryClass.RETAIL, 50_000_000, 50),
    (IndustryClass.RUBBER_PRODUCTS, 300_000_000, 900),
    (IndustryClass.SOFTWARE, 300_000_000, 300),
    (IndustryClass.HOTELS, 50_000_000, 200),
]
EXCEPTIONS = {IndustryClass.RUBBER_PRODUCTS, IndustryClass.SOFTWARE, IndustryClass.HOTELS}


def verdict(industry, capital, employees, **ownership):
    return sme_eligibility(
        industry_class=industry, capital_yen=capital, employees=employees, **ownership
    )


def test_sme_limits_match_the_act_and_the_cabinet_order():
    assert dict(SME_LIMITS) == {c: (cap, emp) for c, cap, emp in LIMITS}
    assert set(SME_LIMITS) == set(IndustryClass.values)


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_at_both_limits_is_eligible(industry, capital_limit, employee_limit):
    assert verdict(industry, capital_limit, employee_limit).eligible


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_capital_within_alone_qualifies(industry, capital_limit, employee_limit):
    result = verdict(industry, capital_limit, employee_limit + 1)
    assert result.eligible
    assert result.reason.startswith("Eligible under the SME Basic Act")
    assert f"capital of ¥{capital_limit:,} is within the limit" in result.reason


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_employees_within_alone_qualifies(industry, capital_limit, employee_limit):
    result = verdict(industry, capital_limit + 1, employee_limit)
    assert result.eligible
    assert f"{employee_limit:,} employees are within the limit" in result.reason


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_one_over_both_limits_is_refused_naming_them(
    industry, capital_limit, employee_limit
):
    result = verdict(industry, capital_limit + 1, employee_limit + 1)
    assert not result.eligible
    assert result.reason.startswith("Not an SME under the SME Basic Act")
    assert (
        f"capital of ¥{capital_limit + 1:,} exceeds the ¥{capital_limit:,} limit" in result.reason
    )
    assert f"{employee_limit + 1:,} employees exceed the limit of {employee_limit:,}" in (
        result.reason
    )


@pytest.mark.parametrize(("industry", "capital_limit", "employee_limit"), LIMITS)
def test_eligibility_reason_names_the_rule_and_its_limits(industry, capital_limit, employee_limit):
    reason = verdict(industry, 1_000_000, 5).reason
    label = IndustryClass(industry).label.lower()
    if industry in EXCEPTIONS:
        expected = (
            f"(Cabinet Order exception for {label}: ¥{capital_limit:,} or "
            f"{employee_limit:,} employees)"
        )
    else:
        expected = (
            f"for {label} the limits are capital of ¥{capital_limit:,} or "
            f"{employee_limit:,} employees"
        )
    assert expected in reason


def test_eligibility_reason_for_manufacturing_reads_as_a_sentence():
    assert verdict(IndustryClass.MANUFACTURING, 45_000_000, 320).reason == (
        "Eligible under the SME Basic Act: for manufacturing and other industries the limits "
        "are capital of ¥300,000,000 or 300 employees; capital of ¥45,000,000 is within the limit."
    )


def test_eligibility_rubber_products_with_900_employees_is_an_sme_unlike_manufacturing():
    assert verdict(IndustryClass.RUBBER_PRODUCTS, 400_000_000, 900).eligible
    assert not verdict(IndustryClass.MANUFACTURING, 400_000_000, 900).eligible
    assert verdict(IndustryClass.RUBBER_PRODUCTS, 400_000_000, 900).reason == (
        "Eligible under the SME Basic Act (Cabinet Order exception for rubber products "
        "manufacturing: ¥300,000,000 or 900 employees): 900 employees are within the limit, "
        "and either limit is enough."
    )


def test_eligibility_one_employee_is_singular():
    reason = verdict(IndustryClass.RETAIL, 60_000_000, 1).reason
    assert "1 employee is within the limit" in reason


@pytest.mark.parametrize(
    ("ownership", "rule", "words"),
    [
        (
            {"largest_large_shareholder_percent": 50, "large_shareholders_percent": 50},
            DeemedLarge.ONE_LARGE_SHAREHOLDER,
            "Not an SME: a large company holds 50% (half or more)",
        ),
        (
            {"largest_large_shareholder_percent": 60, "large_shareholders_percent": 60},
            DeemedLarge.ONE_LARGE_SHAREHOLDER,
            "Not an SME: a large company holds 60% (half or more)",
        ),
        (
            {"largest_large_shareholder_percent": 40, "large_shareholders_percent": 67},
            DeemedLarge.LARGE_SHAREHOLDERS,
            "Not an SME: large companies together hold 67% (two thirds or more)",
        ),
        (
            {"officers_from_large_company": True},
            DeemedLarge.OFFICERS,
            "Not an SME: half or more of its officers are officers or employees of a large company",
        ),
    ],
)
def test_a_deemed_large_company_is_not_an_sme_whatever_its_size(ownership, rule, words):
    result = verdict(IndustryClass.MANUFACTURING, 10_000_000, 12, **ownership)
    assert not result.eligible
    assert result.deemed_large == rule
    assert result.reason.startswith(words)


@pytest.mark.parametrize(
    "ownership",
    [
        {"largest_large_shareholder_percent": 49, "large_shareholders_percent": 49},
        {"largest_large_shareholder_percent": 40, "large_shareholders_percent": 66},
        {"largest_large_shareholder_percent": 0, "large_shareholders_percent": 0},
    ],
)
def test_large_shareholdings_just_under_the_thresholds_leave_an_sme(ownership):
    result = verdict(IndustryClass.MANUFACTURING, 10_000_000, 12, **ownership)
    assert result.eligible
    assert result.deemed_large == ""


@pytest.mark.django_db
def test_eligibility_of_an_sme_reads_its_ownership():
    sme = SMEFactory(largest_large_shareholder_percent=55, large_shareholders_percent=55)
    assert not sme_eligibility_of(sme).eligible
    assert "55%" in sme_eligibility_of(sme).reason


def test_yen_amounts_in_japanese_use_oku_and_man():
    with translation.override("ja"):
        assert [yen_text(a) for a in (300_000_000, 50_000_000, 45_000_000, 123_456_789)] == [
            "3億円",
            "5,000万円",
            "4,500万円",
            "1億2,345万6,789円",
        ]
    assert yen_text(300_000_000) == "¥300,000,000"


def test_eligibility_reason_in_japanese_states_the_limits_with_ika():
    with translation.override("ja"):
        eligible = verdict(IndustryClass.MANUFACTURING, 45_000_000, 320).reason
        refused = verdict(IndustryClass.RETAIL, 60_000_000, 51).reason
        exception = verdict(IndustryClass.HOTELS, 60_000_000, 150).reason
    assert eligible.startswith("中小企業基本法上の中小企業に該当します")
    assert "業種区分「製造業その他」" in eligible
    assert "資本金3億円以下または従業員300人以下" in eligible
    assert "資本金4,500万円" in eligible
    assert refused.startswith("中小企業基本法上の中小企業に該当しません")
    assert "資本金5,000万円以下または従業員50人以下" in refused
    assert "政令" in exception
    assert "旅館業" in exception
    assert "資本金5,000万円以下または従業員200人以下" in exception
    for text in (eligible, refused, exception):
        assert "%(" not in text
        assert "¥" not in text


@pytest.mark.parametrize(
    ("ownership", "words"),
    [
        ({"largest_large_shareholder_percent": 60, "large_shareholders_percent": 60}, "60%"),
        ({"largest_large_shareholder_percent": 30, "large_shareholders_percent": 70}, "70%"),
        ({"officers_from_large_company": True}, "役員"),
    ],
)
def test_deemed_large_reason_in_japanese(ownership, words):
    with translation.override("ja"):
        reason = verdict(IndustryClass.MANUFACTURING, 10_000_000, 12, **ownership).reason
    assert reason.startswith("中小企業に該当しません")
    assert "みなし大企業" in reason
    assert words in reason
