"""A pavilion for the tests of organisers acting for participants: an accepted SME with a
Japanese-reading member, registered buyers with an English-reading one, the pavilion's
organiser and a colleague of its office, and slots."""

from datetime import date

from django.core import mail

from companies.factories import ForeignBuyerFactory, LanguageFactory, SMEFactory
from companies.models import Membership
from events.factories import ExhibitorRegistrationFactory, OrganisingOfficeFactory, PavilionFactory
from events.services import slots as event_services
from events.services.buyers import buyer_registration_register
from meetings.services.requests import meeting_request


def member(django_user_model, company, username, language, **names):
    user = django_user_model.objects.create_user(username, email=f"{username}@example.com", **names)
    field = "sme" if company.__class__.__name__ == "SME" else "buyer"
    Membership.objects.create(user=user, preferred_language=language, **{field: company})
    return user


def build_acting_world(django_user_model, make_organiser, settings) -> dict:
    """The world as a dict of its objects (each test module makes it its fixture)."""
    settings.SITE_URL = "https://pavilion.example"
    office = OrganisingOfficeFactory(
        name_en="JETRO Düsseldorf", name_ja="ジェトロ・デュッセルドルフ"
    )
    pavilion = PavilionFactory(organiser=office, name_en="Japan Pavilion", name_ja="ジャパン館")
    english = LanguageFactory(code="en", name_en="English", name_ja="英語")
    sme = SMEFactory(name_en="Yamada Seisakusho", name_ja="山田製作所")
    sme.languages.add(english)
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted", booth="8A-12")
    unaccepted = SMEFactory(name_en="Applicant Ltd")
    ExhibitorRegistrationFactory(pavilion=pavilion, sme=unaccepted, status="applied")
    buyers = []
    for name in ("Rhein Medical GmbH", "Lyon Santé SARL"):
        buyer = ForeignBuyerFactory(name=name)
        buyer.languages.add(english)
        buyer_registration_register(pavilion=pavilion, buyer=buyer, days=[date(2027, 11, 15)])
        buyers.append(buyer)
    event_services.meeting_slots_generate(pavilion=pavilion)
    organiser = make_organiser(office, "organiser")
    organiser.first_name, organiser.last_name = "Kenji", "Sato"
    organiser.save()
    other_office = OrganisingOfficeFactory(name_en="Osaka Chamber")
    other_pavilion = PavilionFactory(organiser=other_office)
    return {
        "pavilion": pavilion,
        "office": office,
        "sme": sme,
        "unaccepted": unaccepted,
        "buyer": buyers[0],
        "buyers": buyers,
        "taro": member(django_user_model, sme, "taro", "ja", first_name="太郎", last_name="山田"),
        "mia": member(django_user_model, sme, "mia", "en", first_name="Mia", last_name="Ito"),
        "anna": member(django_user_model, buyers[0], "anna", "en", first_name="Anna"),
        "organiser": organiser,
        "colleague": make_organiser(office, "colleague"),
        "outsider": make_organiser(other_office, "outsider"),
        "other_pavilion": other_pavilion,
        "slots": list(pavilion.slots.order_by("starts_at")),
    }


def request(world, side="buyer", **kwargs):
    return meeting_request(
        pavilion=world["pavilion"], sme=world["sme"], buyer=world["buyer"], side=side, **kwargs
    )


def to(address):
    return [message for message in mail.outbox if address in message.to]
