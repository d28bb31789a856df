"""``{{ meeting|fair_sourcing_needs }}``, ``{{ meeting|fair_required_certifications }}``: what the
buyer of a meeting or proposal sources at its pavilion's fair (see
``events.selectors.buyer_fair_needs``)."""

from django import template

from events.selectors import buyer_fair_needs

register = template.Library()


@register.filter
def fair_sourcing_needs(item) -> str:
    return buyer_fair_needs(item).sourcing_needs if item else ""


@register.filter
def fair_required_certifications(item) -> tuple:
    return buyer_fair_needs(item).required_certifications if item else ()
