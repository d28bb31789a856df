"""Reads on pavilions that several pages share."""

from dataclasses import dataclass

from .models import BuyerRegistration


@dataclass(frozen=True)
class FairNeeds:
    """What a buyer sources at one pavilion's fair and the certifications it requires there."""

    sourcing_needs: str
    required_certifications: tuple

    @classmethod
    def of(cls, source) -> "FairNeeds":
        """From a registration, or from the company itself."""
        return cls(
            sourcing_needs=source.sourcing_needs,
            required_certifications=tuple(source.required_certifications.all()),
        )


def buyer_fair_needs(item) -> FairNeeds:
    """The needs of the buyer of a meeting or proposal (anything with ``pavilion_id`` and
    ``buyer``) at that pavilion: its registration's, which a later fair never rewrites.

    A buyer without a registration there (a meeting an organiser set up) has the company's own.
    Kept on ``item``, so a page asking twice queries once; ``buyer_fair_needs_attach`` loads a
    whole list at once.
    """
    cached = getattr(item, "_buyer_fair_needs", None)
    if cached is not None:
        return cached
    registration = (
        BuyerRegistration.objects.filter(pavilion_id=item.pavilion_id, buyer_id=item.buyer_id)
        .prefetch_related("required_certifications")
        .first()
    )
    item._buyer_fair_needs = FairNeeds.of(registration if registration is not None else item.buyer)
    return item._buyer_fair_needs


def buyer_fair_needs_attach(items) -> None:
    """Load the fair needs of many meetings or proposals in two queries, so a page that shows
    them gets no query per row from ``buyer_fair_needs``."""
    items = [item for item in items if getattr(item, "_buyer_fair_needs", None) is None]
    if not items:
        return
    registrations = {
        (registration.pavilion_id, registration.buyer_id): registration
        for registration in BuyerRegistration.objects.filter(
            pavilion_id__in={item.pavilion_id for item in items},
            buyer_id__in={item.buyer_id for item in items},
        ).prefetch_related("required_certifications")
    }
    for item in items:
        registration = registrations.get((item.pavilion_id, item.buyer_id))
        if registration is not None:
            item._buyer_fair_needs = FairNeeds.of(registration)
