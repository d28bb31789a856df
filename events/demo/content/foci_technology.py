"""What buyers look for, by focus: medical devices, biotech, machinery and parts.

Where they sit, which types they are, what they buy, whom they sell to, which certifications
they ask for.
"""

from companies.choices import BuyerType

from .buyers import EU_CODES, BuyerFocus

MEDICAL = BuyerFocus(
    30,
    {
        "DE": 14,
        "NL": 4,
        "FR": 4,
        "IT": 4,
        "ES": 3,
        "AT": 3,
        "CH": 3,
        "PL": 3,
        "BE": 2,
        "SE": 2,
        "DK": 1,
        "GB": 4,
        "AE": 10,
        "SA": 8,
        "QA": 3,
        "KW": 3,
        "OM": 2,
        "BH": 1,
        "EG": 3,
        "JO": 1,
        "IN": 3,
        "TR": 2,
        "US": 3,
    },
    {
        BuyerType.DISTRIBUTOR: 6,
        BuyerType.IMPORTER: 3,
        BuyerType.WHOLESALER: 1,
        BuyerType.OEM: 1,
        BuyerType.AGENT: 1,
    },
    (
        (
            "9018",
            "surgical instruments",
            "chirurgische Instrumente",
            "instruments chirurgicaux",
            "手术器械",
        ),
        (
            "9018",
            "endoscopy accessories",
            "Endoskopie-Zubehör",
            "accessoires d'endoscopie",
            "内窥镜配件",
        ),
        (
            "9022",
            "diagnostic imaging equipment",
            "bildgebende Diagnostik",
            "équipements d'imagerie médicale",
            "医学影像设备",
        ),
        (
            "9021",
            "orthopaedic implants",
            "orthopädische Implantate",
            "implants orthopédiques",
            "骨科植入物",
        ),
        (
            "9019",
            "respiratory therapy devices",
            "Geräte für die Atemtherapie",
            "dispositifs de thérapie respiratoire",
            "呼吸治疗设备",
        ),
        ("9018", "dental instruments", "Dentalinstrumente", "instruments dentaires", "牙科器械"),
    ),
    ("hospitals and clinics", "Kliniken und Praxen", "les hôpitaux et cliniques", "医院和诊所"),
    {
        "CE-MDR": (*EU_CODES, "CH"),
        "FDA-510K": ("US",),
        "SFDA-MDMA": ("SA",),
        "ISO13485": ("DE", "NL", "GB", "AE", "IN"),
    },
)

BIOTECH = BuyerFocus(
    15,
    {
        "US": 30,
        "CA": 5,
        "MX": 2,
        "GB": 5,
        "CH": 4,
        "DE": 4,
        "KR": 4,
        "SG": 3,
        "IL": 2,
        "IE": 2,
        "IN": 2,
        "AU": 2,
    },
    {
        BuyerType.DISTRIBUTOR: 3,
        BuyerType.OEM: 2,
        BuyerType.IMPORTER: 1,
        BuyerType.AGENT: 1,
        BuyerType.ECOMMERCE: 1,
    },
    (
        (
            "3821",
            "cell culture media",
            "Zellkulturmedien",
            "milieux de culture cellulaire",
            "细胞培养基",
        ),
        (
            "3002",
            "research antibodies",
            "Forschungsantikörper",
            "anticorps de recherche",
            "科研抗体",
        ),
        (
            "3004",
            "contract manufacturing of drug products",
            "Lohnherstellung von Arzneimitteln",
            "fabrication de médicaments à façon",
            "药品委托生产",
        ),
        (
            "8479",
            "laboratory automation",
            "Laborautomation",
            "automatisation de laboratoire",
            "实验室自动化设备",
        ),
        ("9027", "analytical instruments", "Analysengeräte", "instruments d'analyse", "分析仪器"),
    ),
    (
        "research labs and biopharma companies",
        "Forschungslabore und Biopharma-Unternehmen",
        "les laboratoires de recherche et la biopharmacie",
        "科研实验室和生物制药企业",
    ),
    {"GMP": ("US", "GB", "CH", "DE", "IE"), "CE-IVDR": ("DE", "IE")},
)

MACHINERY = BuyerFocus(
    5,
    {"DE": 8, "IT": 3, "CH": 3, "NL": 2, "PL": 2, "CZ": 2, "US": 3, "MX": 2, "TR": 2},
    {BuyerType.OEM: 3, BuyerType.DISTRIBUTOR: 2, BuyerType.AGENT: 1},
    (
        (
            "8207",
            "carbide cutting tools",
            "Hartmetall-Zerspanungswerkzeuge",
            "outils de coupe en carbure",
            "硬质合金刀具",
        ),
        (
            "9018",
            "precision-machined parts for medical devices",
            "präzisionsgefertigte Teile für Medizinprodukte",
            "pièces usinées de précision pour dispositifs médicaux",
            "医疗器械精密加工零件",
        ),
        ("8458", "CNC lathes", "CNC-Drehmaschinen", "tours CNC", "数控车床"),
    ),
    ("our production lines", "unsere Fertigung", "nos lignes de production", "我们的生产线"),
    {"ISO9001": ("DE", "IT", "CH", "NL", "US"), "ISO13485": ("DE", "CH")},
)
