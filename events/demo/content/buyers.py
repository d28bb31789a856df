"""Foreign buyers: how their companies are named, what each kind of buyer looks for, and the
phrases their sourcing needs are written in (English, German, French, Chinese)."""

from dataclasses import dataclass

from companies.choices import BuyerType, OrderSize


@dataclass(frozen=True)
class CountryPlan:
    group: str  # which word list names its companies
    bases: tuple[str, ...]  # surnames or brand stems
    suffixes: tuple[str, ...]
    cities: tuple[str, ...]
    languages: tuple[str, ...]
    pattern: str = "{base} {word} {suffix}"


GERMAN_SURNAMES = (
    "Müller",
    "Schneider",
    "Fischer",
    "Weber",
    "Becker",
    "Hoffmann",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Zimmermann",
    "Krüger",
    "Hartmann",
    "Lange",
    "Werner",
    "Brandt",
)
FRENCH_SURNAMES = (
    "Martin",
    "Bernard",
    "Dubois",
    "Laurent",
    "Moreau",
    "Lefèvre",
    "Garnier",
    "Fontaine",
    "Rousseau",
    "Chevalier",
    "Girard",
    "Bonnet",
    "Mercier",
    "Blanc",
    "Faure",
)
ENGLISH_NAME_STEMS = (
    "Harper",
    "Whitfield",
    "Clarke",
    "Bennett",
    "Foster",
    "Hughes",
    "Carter",
    "Mitchell",
    "Turner",
    "Reed",
    "Sterling",
    "Hayes",
    "Brooks",
    "Palmer",
    "Wallace",
    "Summit",
    "Northgate",
    "Bluewater",
    "Meridian",
    "Keystone",
    "Evergreen",
    "Crescent",
    "Atlas",
    "Pinnacle",
)
ARABIC_NAME_STEMS = (
    "Al Noor",
    "Al Safa",
    "Al Faisal",
    "Al Zahra",
    "Gulf Horizon",
    "Al Madina",
    "Al Rashid",
    "Dar Al Shifa",
    "Al Jazira",
    "Al Waha",
    "Al Baraka",
    "Al Hikma",
    "Desert Rose",
    "Al Mansour",
    "Bin Hamad",
    "Al Qasr",
)


# Company-name words by naming group and buyer focus; missing groups fall back to English.
NAME_WORDS = {
    "en": {
        "medical": ("Medical Supply", "Surgical", "Healthcare", "MedTech", "Medical"),
        "biotech": ("Biosciences", "Life Sciences", "Therapeutics", "Scientific", "Bio"),
        "craft": ("Home", "Living", "Interiors", "Design", "Tableware"),
        "fruit": ("Fresh", "Produce", "Fruit Trading", "Fruits"),
        "food": ("Foods", "Fine Foods", "Food Imports", "Gourmet"),
        "cosmetics": ("Beauty", "Skincare", "Cosmetics"),
        "machinery": ("Tooling", "Industrial Supply", "Machine Tools", "Precision"),
    },
    "de": {
        "medical": ("Medizintechnik", "Klinikbedarf", "Praxisbedarf", "Medical"),
        "biotech": ("Laborbedarf", "Biotech", "Life Science"),
        "craft": ("Wohnkultur", "Tischkultur", "Interior", "Design"),
        "fruit": ("Fruchthandel", "Frischdienst"),
        "food": ("Feinkost", "Food Import"),
        "cosmetics": ("Kosmetik", "Beauty"),
        "machinery": ("Werkzeugtechnik", "Maschinenhandel", "Präzisionstechnik"),
    },
    "fr": {
        "medical": ("Médical", "Santé Distribution", "Matériel Médical"),
        "biotech": ("Laboratoires", "Biotech"),
        "craft": ("Maison", "Art de la Table", "Déco", "Intérieurs"),
        "fruit": ("Primeurs", "Fruits"),
        "food": ("Épicerie Fine", "Saveurs"),
        "cosmetics": ("Beauté", "Cosmétiques"),
        "machinery": ("Outillage", "Industrie"),
    },
    "it": {
        "medical": ("Medicale", "Forniture Ospedaliere"),
        "biotech": ("Scientifica",),
        "craft": ("Casa", "Design", "Arredamenti"),
        "food": ("Alimentari",),
        "cosmetics": ("Cosmetici", "Bellezza"),
        "machinery": ("Utensili", "Meccanica"),
    },
    "es": {
        "medical": ("Médica", "Suministros Hospitalarios"),
        "biotech": ("Biociencias", "Laboratorios"),
        "craft": ("Hogar", "Diseño"),
        "food": ("Alimentos",),
        "cosmetics": ("Cosmética",),
        "machinery": ("Herramientas", "Maquinaria"),
    },
    "nl": {
        "medical": ("Medical", "Zorgtechniek"),
        "craft": ("Wonen", "Interieur", "Design"),
        "fruit": ("Fruit", "Versgroep"),
        "food": ("Delicatessen",),
    },
    "nordic": {"craft": ("Design", "Interiör", "Home"), "medical": ("Medical", "Medicinteknik")},
    "ar": {
        "medical": ("Medical Equipment", "Healthcare", "Medical Supplies"),
        "biotech": ("Scientific", "Laboratory Supplies"),
        "craft": ("Home Décor", "Furniture"),
        "fruit": ("Fruits & Vegetables", "Foodstuff"),
        "food": ("Foodstuff Trading", "General Trading"),
        "cosmetics": ("Perfumes & Cosmetics", "Cosmetics"),
    },
    "zh": {
        "fruit": ("Fruit Trading", "Fresh Produce", "Fruits"),
        "food": ("Food Trading", "Foods"),
        "medical": ("Medical", "Healthcare"),
        "cosmetics": ("Cosmetics",),
        "craft": ("Home",),
    },
}


@dataclass(frozen=True)
class BuyerFocus:
    share: int  # buyers per 100
    countries: dict[str, int]  # country code -> weight
    types: dict[str, int]
    products: tuple[tuple[str, str, str, str, str], ...]  # HS, en, de, fr, zh
    channel: tuple[str, str, str, str]
    # certification code -> the countries or regions whose buyers ask for it
    certifications: dict[str, tuple[str, ...]]


EU_CODES = ("AT", "BE", "CZ", "DE", "DK", "ES", "FR", "IE", "IT", "NL", "PL", "PT", "SE")
GCC_CODES = ("AE", "BH", "KW", "OM", "QA", "SA")


# Which pavilions a buyer with a given focus visits, by where the buyer sits.
MEDICA_COUNTRIES = set(EU_CODES) | {"CH", "GB", "US"}
ORDER_SIZES = {OrderSize.SMALL: 2, OrderSize.MEDIUM: 4, OrderSize.LARGE: 3, OrderSize.VERY_LARGE: 1}


SOURCING_TEMPLATES = {
    "en": (
        "We are {type} in {city} supplying {channel}. We are looking for Japanese suppliers "
        "of {first} and {second}.",
        " Required: {certs}.",
        " Typical first order: {order}.",
    ),
    "de": (
        "Wir sind ein {type} aus {city} und beliefern {channel}. Wir suchen japanische "
        "Lieferanten von {first} und {second}.",
        " Voraussetzung: {certs}.",
        " Typische Erstbestellung: {order}.",
    ),
    "fr": (
        "Nous sommes un {type} basé à {city} et fournissons {channel}. Nous recherchons des "
        "fournisseurs japonais {first} et {second}.",
        " Certification exigée : {certs}.",
        " Première commande type : {order}.",
    ),
    "zh": (
        "我们是位于{city}的{type}，客户为{channel}。我们正在寻找{first}和{second}的日本供应商。",
        "产品须具备：{certs}。",
        "首单规模：{order}。",
    ),
}
TYPE_WORDS = {  # buyer type in English, German, French, Chinese
    BuyerType.IMPORTER: ("importer", "Importeur", "importateur", "进口商"),
    BuyerType.DISTRIBUTOR: ("distributor", "Distributor", "distributeur", "经销商"),
    BuyerType.WHOLESALER: ("wholesaler", "Großhändler", "grossiste", "批发商"),
    BuyerType.RETAILER: ("retailer", "Einzelhändler", "détaillant", "零售商"),
    BuyerType.OEM: ("manufacturer", "Hersteller", "fabricant", "制造商"),
    BuyerType.ECOMMERCE: ("online retailer", "Onlinehändler", "e-commerçant", "电商企业"),
    BuyerType.AGENT: ("sales agent", "Handelsvertreter", "agent commercial", "销售代理"),
}
ORDER_WORDS = {
    OrderSize.SMALL: ("under USD 10,000", "unter 10.000 USD", "moins de 10 000 USD", "1万美元以下"),
    OrderSize.MEDIUM: (
        "USD 10,000-100,000",
        "10.000-100.000 USD",
        "10 000 à 100 000 USD",
        "1万至10万美元",
    ),
    OrderSize.LARGE: (
        "USD 100,000-1 million",
        "100.000 USD bis 1 Mio. USD",
        "100 000 USD à 1 million USD",
        "10万至100万美元",
    ),
    OrderSize.VERY_LARGE: (
        "over USD 1 million",
        "über 1 Mio. USD",
        "plus d'un million USD",
        "100万美元以上",
    ),
}
TEXT_LANGUAGES = ("en", "de", "fr", "zh")
