"""Fixed vocabularies: prefectures, industry classes, export experience, buyer types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndustryClass(models.TextChoices):
    """The industry classes of Japan's SME Basic Act (中小企業基本法), which set the SME limits."""

    MANUFACTURING = "manufacturing", _("Manufacturing and other industries")
    WHOLESALE = "wholesale", _("Wholesale")
    SERVICES = "services", _("Services")
    RETAIL = "retail", _("Retail")
    # The Cabinet Order's exceptions (中小企業基本法施行令 Article 1): limits of their own.
    RUBBER_PRODUCTS = "rubber_products", _("Rubber products manufacturing")
    SOFTWARE = "software", _("Software and information processing services")
    HOTELS = "hotels", _("Hotels and inns")


class ExportExperience(models.TextChoices):
    NONE = "none", _("No export experience")
    INDIRECT = "indirect", _("Indirect exports (through a trading company)")
    DIRECT = "direct", _("Direct exporter")
    OVERSEAS_BASE = "overseas_base", _("Overseas base")


class BuyerType(models.TextChoices):
    IMPORTER = "importer", _("Importer")
    DISTRIBUTOR = "distributor", _("Distributor")
    WHOLESALER = "wholesaler", _("Wholesaler")
    RETAILER = "retailer", _("Retailer")
    OEM = "oem", _("OEM manufacturer")
    ECOMMERCE = "ecommerce", _("E-commerce")
    AGENT = "agent", _("Agent")


class OrderSize(models.TextChoices):
    """Typical first-order value, in US dollars, so buyers from any country can say it."""

    SMALL = "small", _("Small (under USD 10,000)")
    MEDIUM = "medium", _("Medium (USD 10,000-100,000)")
    LARGE = "large", _("Large (USD 100,000-1 million)")
    VERY_LARGE = "very_large", _("Very large (over USD 1 million)")


class MarketKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")


class SectorLevel(models.TextChoices):
    SECTION = "section", _("Section")
    CHAPTER = "chapter", _("Chapter")
    HEADING = "heading", _("Heading")
    CATEGORY = "category", _("Fair category")


class MemberRole(models.TextChoices):
    ADMIN = "admin", _("Company administrator")
    STAFF = "staff", _("Staff member")


class Prefecture(models.TextChoices):
    HOKKAIDO = "hokkaido", _("Hokkaido")
    AOMORI = "aomori", _("Aomori")
    IWATE = "iwate", _("Iwate")
    MIYAGI = "miyagi", _("Miyagi")
    AKITA = "akita", _("Akita")
    YAMAGATA = "yamagata", _("Yamagata")
    FUKUSHIMA = "fukushima", _("Fukushima")
    IBARAKI = "ibaraki", _("Ibaraki")
    TOCHIGI = "tochigi", _("Tochigi")
    GUNMA = "gunma", _("Gunma")
    SAITAMA = "saitama", _("Saitama")
    CHIBA = "chiba", _("Chiba")
    TOKYO = "tokyo", _("Tokyo")
    KANAGAWA = "kanagawa", _("Kanagawa")
    NIIGATA = "niigata", _("Niigata")
    TOYAMA = "toyama", _("Toyama")
    ISHIKAWA = "ishikawa", _("Ishikawa")
    FUKUI = "fukui", _("Fukui")
    YAMANASHI = "yamanashi", _("Yamanashi")
    NAGANO = "nagano", _("Nagano")
    GIFU = "gifu", _("Gifu")
    SHIZUOKA = "shizuoka", _("Shizuoka")
    AICHI = "aichi", _("Aichi")
    MIE = "mie", _("Mie")
    SHIGA = "shiga", _("Shiga")
    KYOTO = "kyoto", _("Kyoto")
    OSAKA = "osaka", _("Osaka")
    HYOGO = "hyogo", _("Hyogo")
    NARA = "nara", _("Nara")
    WAKAYAMA = "wakayama", _("Wakayama")
    TOTTORI = "tottori", _("Tottori")
    SHIMANE = "shimane", _("Shimane")
    OKAYAMA = "okayama", _("Okayama")
    HIROSHIMA = "hiroshima", _("Hiroshima")
    YAMAGUCHI = "yamaguchi", _("Yamaguchi")
    TOKUSHIMA = "tokushima", _("Tokushima")
    KAGAWA = "kagawa", _("Kagawa")
    EHIME = "ehime", _("Ehime")
    KOCHI = "kochi", _("Kochi")
    FUKUOKA = "fukuoka", _("Fukuoka")
    SAGA = "saga", _("Saga")
    NAGASAKI = "nagasaki", _("Nagasaki")
    KUMAMOTO = "kumamoto", _("Kumamoto")
    OITA = "oita", _("Oita")
    MIYAZAKI = "miyazaki", _("Miyazaki")
    KAGOSHIMA = "kagoshima", _("Kagoshima")
    OKINAWA = "okinawa", _("Okinawa")
