"""What buyers look for, by focus: crafts and tableware, fresh fruit, food and drink, cosmetics.

Where they sit, which types they are, what they buy, whom they sell to, which certifications
they ask for.
"""

from companies.choices import BuyerType

from .buyers import BuyerFocus

CRAFT = BuyerFocus(
    20,
    {
        "FR": 20,
        "BE": 5,
        "IT": 6,
        "ES": 5,
        "DE": 6,
        "NL": 5,
        "GB": 6,
        "CH": 3,
        "US": 5,
        "KR": 2,
        "AE": 2,
        "SE": 3,
        "DK": 3,
        "PT": 2,
        "AU": 2,
    },
    {
        BuyerType.RETAILER: 4,
        BuyerType.DISTRIBUTOR: 2,
        BuyerType.ECOMMERCE: 2,
        BuyerType.IMPORTER: 2,
        BuyerType.AGENT: 1,
    },
    (
        ("6911", "porcelain tableware", "Porzellangeschirr", "vaisselle en porcelaine", "瓷器餐具"),
        (
            "7013",
            "handmade glassware",
            "mundgeblasene Glaswaren",
            "verrerie artisanale",
            "手工玻璃器皿",
        ),
        (
            "4419",
            "lacquerware and wooden kitchenware",
            "Lackwaren und Küchenhelfer aus Holz",
            "laques et ustensiles en bois",
            "漆器和木制厨具",
        ),
        (
            "8211",
            "Japanese kitchen knives",
            "japanische Küchenmesser",
            "couteaux de cuisine japonais",
            "日本厨刀",
        ),
        (
            "6302",
            "towels and home textiles",
            "Handtücher und Heimtextilien",
            "serviettes et linge de maison",
            "毛巾和家纺",
        ),
        ("9403", "solid-wood furniture", "Massivholzmöbel", "mobilier en bois massif", "实木家具"),
        ("9405", "washi lighting", "Washi-Leuchten", "luminaires en papier washi", "和纸灯具"),
    ),
    (
        "our concept stores and online shop",
        "unsere Concept Stores und den Onlineshop",
        "nos concept stores et notre boutique en ligne",
        "我们的概念店和网店",
    ),
    {"EU-FCM": ("FR", "DE", "IT", "BE", "NL", "ES"), "FSC": ("SE", "DK", "NL")},
)

FRUIT = BuyerFocus(
    15,
    {
        "HK": 25,
        "CN": 8,
        "TW": 8,
        "SG": 8,
        "MY": 6,
        "TH": 8,
        "VN": 6,
        "ID": 5,
        "PH": 3,
        "AE": 4,
        "AU": 2,
        "KR": 2,
    },
    {BuyerType.IMPORTER: 5, BuyerType.WHOLESALER: 3, BuyerType.RETAILER: 2, BuyerType.ECOMMERCE: 1},
    (
        (
            "0808",
            "apples and nashi pears",
            "Äpfel und Nashi-Birnen",
            "pommes et nashis",
            "苹果和梨",
        ),
        (
            "0806",
            "Shine Muscat grapes",
            "Shine-Muscat-Trauben",
            "raisins Shine Muscat",
            "阳光玫瑰葡萄",
        ),
        ("0810", "strawberries", "Erdbeeren", "fraises", "草莓"),
        ("0805", "citrus fruit", "Zitrusfrüchte", "agrumes", "柑橘"),
        ("0714", "sweet potatoes", "Süßkartoffeln", "patates douces", "番薯"),
        ("0809", "peaches", "Pfirsiche", "pêches", "桃"),
    ),
    (
        "supermarkets and fruit shops",
        "Supermärkte und Obstläden",
        "les supermarchés et primeurs",
        "超市和水果店",
    ),
    {"HK-FOOD": ("HK",), "HALAL": ("AE", "MY", "ID"), "HACCP": ("SG", "AE")},
)

FOOD = BuyerFocus(
    8,
    {
        "HK": 10,
        "SG": 8,
        "TW": 5,
        "AE": 5,
        "US": 6,
        "FR": 3,
        "DE": 3,
        "GB": 4,
        "AU": 3,
        "TH": 3,
        "MY": 3,
    },
    {
        BuyerType.IMPORTER: 4,
        BuyerType.DISTRIBUTOR: 3,
        BuyerType.RETAILER: 1,
        BuyerType.ECOMMERCE: 1,
    },
    (
        ("2206", "sake", "Sake", "saké", "日本清酒"),
        (
            "2103",
            "soy sauce and seasonings",
            "Sojasauce und Würzmittel",
            "sauce soja et condiments",
            "酱油和调味料",
        ),
        ("0902", "matcha and green tea", "Matcha und Grüntee", "matcha et thé vert", "抹茶和绿茶"),
        (
            "1704",
            "Japanese confectionery",
            "japanische Süßwaren",
            "confiseries japonaises",
            "日式糖果点心",
        ),
        (
            "0307",
            "frozen scallops",
            "TK-Jakobsmuscheln",
            "noix de Saint-Jacques surgelées",
            "冷冻扇贝",
        ),
    ),
    (
        "restaurants and delicatessens",
        "Restaurants und Feinkostläden",
        "les restaurants et épiceries fines",
        "餐厅和高端食品店",
    ),
    {
        "HALAL": ("AE", "MY"),
        "HK-FOOD": ("HK",),
        "FDA-FFR": ("US",),
        "HACCP": ("FR", "DE", "SG"),
        "BRCGS": ("GB",),
    },
)

COSMETICS = BuyerFocus(
    7,
    {
        "FR": 6,
        "DE": 3,
        "IT": 2,
        "GB": 3,
        "AE": 4,
        "SA": 2,
        "SG": 3,
        "TH": 3,
        "HK": 3,
        "US": 3,
        "KR": 2,
        "PL": 2,
    },
    {
        BuyerType.DISTRIBUTOR: 3,
        BuyerType.RETAILER: 2,
        BuyerType.ECOMMERCE: 2,
        BuyerType.IMPORTER: 1,
    },
    (
        ("3304", "natural skincare", "Naturkosmetik", "soins naturels pour la peau", "天然护肤品"),
        ("3305", "hair care", "Haarpflege", "soins capillaires", "护发产品"),
        ("9603", "make-up brushes", "Make-up-Pinsel", "pinceaux de maquillage", "化妆刷"),
    ),
    (
        "beauty retailers and spas",
        "Parfümerien und Spas",
        "les parfumeries et spas",
        "美妆零售店和水疗中心",
    ),
    {"EU-CPNP": ("FR", "DE", "IT", "PL"), "HALAL": ("AE", "SA")},
)
