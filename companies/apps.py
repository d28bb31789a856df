from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "companies"
    verbose_name = _("Companies")
    #: model -> what an organiser may do with it, in their own pavilions (``core.organisers``)
    organiser_permissions = {
        "sme": ("view", "add", "change"),
        "foreignbuyer": ("view", "add", "change"),
        "membership": ("view",),
        "sector": ("view",),
        "market": ("view",),
        "language": ("view",),
        "certification": ("view",),
    }
