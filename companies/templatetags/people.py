"""``{{ user|person_name }}``: a person's name in the active language's order."""

from django import template

from companies.names import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    return _person_name(user)
