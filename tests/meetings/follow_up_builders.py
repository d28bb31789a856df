"""A pavilion whose fair is over, with held meetings and people to ask, for the follow-up tests."""

from datetime import UTC, date, datetime

from companies.factories import ForeignBuyerFactory, MarketFactory, SMEFactory
from companies.models import Membership
from events.factories import (
    BuyerRegistrationFactory,
    ExhibitorRegistrationFactory,
    PavilionFactory,
    TradeFairFactory,
)
from meetings.models import follow_up_due_on
from tests.meetings.results_builders import meeting


def member(django_user_model, company, username, language="", email=True):
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.com" if email else ""
    )
    field = "sme" if company.__class__.__name__ == "SME" else "buyer"
    Membership.objects.create(user=user, preferred_language=language, **{field: company})
    return user


def follow_up_world(django_user_model) -> dict:
    """A pavilion whose fair ended on 18 November 2027 (Berlin), asking at 1, 3, 6 and 12
    months: two held meetings, a no-show and a cancelled one. The SMEs' staff read Japanese,
    the buyers' English."""
    germany = MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ")
    fair = TradeFairFactory(name="Medica 2027", country=germany)
    pavilion = PavilionFactory(fair=fair, name_en="Japan Pavilion", name_ja="ジャパンパビリオン")
    smes = [SMEFactory(name_en=f"Maker {i}", name_ja=f"製作所{i}") for i in range(2)]
    buyers = [ForeignBuyerFactory(name=f"Buyer {i}", country=germany) for i in range(2)]
    for sme in smes:
        ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
    for buyer in buyers:
        BuyerRegistrationFactory(pavilion=pavilion, buyer=buyer, status="registered")
    people = {
        "taro": member(django_user_model, smes[0], "taro"),
        "hana": member(django_user_model, smes[1], "hana"),
        "anna": member(django_user_model, buyers[0], "anna"),
        "ben": member(django_user_model, buyers[1], "ben"),
    }
    meetings = {
        "held": meeting(pavilion, smes[0], buyers[0], "held"),
        "held2": meeting(pavilion, smes[1], buyers[1], "held"),
        "no_show": meeting(pavilion, smes[0], buyers[1], "no_show", absent_side="buyer"),
        "cancelled": meeting(pavilion, smes[1], buyers[0], "cancelled"),
    }
    return {"pavilion": pavilion, "smes": smes, "buyers": buyers, **people, **meetings}


def berlin_noon(day: date) -> datetime:
    # Berlin is UTC+1 in winter, UTC+2 in summer: 10:00 UTC is noon or 11:00 there.
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


def first_round(pavilion) -> datetime:
    return berlin_noon(follow_up_due_on(pavilion, 1))
