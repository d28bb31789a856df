"""Japanese SMEs: prefectures and the place names firms carry, legal forms, how sectors are
described, and the figures and sentences an SME's profile is built from."""

from dataclasses import dataclass

from companies.choices import BuyerType, ExportExperience, IndustryClass

PREFECTURE_JA = {
    "hokkaido": "北海道",
    "aomori": "青森県",
    "iwate": "岩手県",
    "miyagi": "宮城県",
    "akita": "秋田県",
    "yamagata": "山形県",
    "fukushima": "福島県",
    "ibaraki": "茨城県",
    "tochigi": "栃木県",
    "gunma": "群馬県",
    "saitama": "埼玉県",
    "chiba": "千葉県",
    "tokyo": "東京都",
    "kanagawa": "神奈川県",
    "niigata": "新潟県",
    "toyama": "富山県",
    "ishikawa": "石川県",
    "fukui": "福井県",
    "yamanashi": "山梨県",
    "nagano": "長野県",
    "gifu": "岐阜県",
    "shizuoka": "静岡県",
    "aichi": "愛知県",
    "mie": "三重県",
    "shiga": "滋賀県",
    "kyoto": "京都府",
    "osaka": "大阪府",
    "hyogo": "兵庫県",
    "nara": "奈良県",
    "wakayama": "和歌山県",
    "tottori": "鳥取県",
    "shimane": "島根県",
    "okayama": "岡山県",
    "hiroshima": "広島県",
    "yamaguchi": "山口県",
    "tokushima": "徳島県",
    "kagawa": "香川県",
    "ehime": "愛媛県",
    "kochi": "高知県",
    "fukuoka": "福岡県",
    "saga": "佐賀県",
    "nagasaki": "長崎県",
    "kumamoto": "熊本県",
    "oita": "大分県",
    "miyazaki": "宮崎県",
    "kagoshima": "鹿児島県",
    "okinawa": "沖縄県",
}


# Old province and place names that Japanese firms often carry in their names.
PLACES = {
    "hokkaido": [("北海", "Hokkai"), ("十勝", "Tokachi"), ("旭川", "Asahikawa")],
    "aomori": [("津軽", "Tsugaru"), ("弘前", "Hirosaki")],
    "iwate": [("南部", "Nambu"), ("盛岡", "Morioka")],
    "miyagi": [("仙台", "Sendai"), ("三陸", "Sanriku")],
    "akita": [("秋田", "Akita"), ("大館", "Odate")],
    "yamagata": [("出羽", "Dewa"), ("庄内", "Shonai")],
    "fukushima": [("会津", "Aizu"), ("磐梯", "Bandai")],
    "ibaraki": [("常陸", "Hitachi"), ("筑波", "Tsukuba")],
    "tochigi": [("下野", "Shimotsuke"), ("益子", "Mashiko")],
    "gunma": [("上州", "Joshu"), ("桐生", "Kiryu")],
    "saitama": [("武州", "Bushu"), ("川口", "Kawaguchi")],
    "chiba": [("房総", "Boso"), ("野田", "Noda")],
    "tokyo": [("江戸", "Edo"), ("武蔵", "Musashi"), ("本郷", "Hongo")],
    "kanagawa": [("相模", "Sagami"), ("箱根", "Hakone"), ("湘南", "Shonan")],
    "niigata": [("越後", "Echigo"), ("燕", "Tsubame"), ("三条", "Sanjo"), ("長岡", "Nagaoka")],
    "toyama": [("越中", "Etchu"), ("高岡", "Takaoka")],
    "ishikawa": [("加賀", "Kaga"), ("輪島", "Wajima"), ("九谷", "Kutani")],
    "fukui": [("越前", "Echizen"), ("鯖江", "Sabae")],
    "yamanashi": [("甲州", "Koshu"), ("甲斐", "Kai")],
    "nagano": [("信州", "Shinshu"), ("諏訪", "Suwa"), ("安曇野", "Azumino")],
    "gifu": [("美濃", "Mino"), ("飛騨", "Hida"), ("関", "Seki")],
    "shizuoka": [("駿河", "Suruga"), ("浜松", "Hamamatsu"), ("富士", "Fuji")],
    "aichi": [("尾張", "Owari"), ("三河", "Mikawa"), ("瀬戸", "Seto")],
    "mie": [("伊勢", "Ise"), ("伊賀", "Iga")],
    "shiga": [("近江", "Omi"), ("信楽", "Shigaraki")],
    "kyoto": [("京", "Kyo"), ("洛北", "Rakuhoku"), ("西陣", "Nishijin")],
    "osaka": [("浪速", "Naniwa"), ("堺", "Sakai"), ("泉州", "Senshu")],
    "hyogo": [("播州", "Banshu"), ("神戸", "Kobe"), ("灘", "Nada")],
    "nara": [("大和", "Yamato"), ("吉野", "Yoshino")],
    "wakayama": [("紀州", "Kishu"), ("南紀", "Nanki")],
    "okayama": [("備前", "Bizen"), ("吉備", "Kibi")],
    "hiroshima": [("安芸", "Aki"), ("熊野", "Kumano"), ("府中", "Fuchu")],
    "yamaguchi": [("長州", "Choshu"), ("萩", "Hagi")],
    "tokushima": [("阿波", "Awa")],
    "kagawa": [("讃岐", "Sanuki")],
    "ehime": [("伊予", "Iyo"), ("今治", "Imabari")],
    "kochi": [("土佐", "Tosa")],
    "fukuoka": [("博多", "Hakata"), ("八女", "Yame"), ("大川", "Okawa")],
    "saga": [("有田", "Arita"), ("伊万里", "Imari")],
    "nagasaki": [("波佐見", "Hasami"), ("五島", "Goto")],
    "kumamoto": [("肥後", "Higo")],
    "oita": [("豊後", "Bungo")],
    "miyazaki": [("日向", "Hyuga")],
    "kagoshima": [("薩摩", "Satsuma")],
    "okinawa": [("琉球", "Ryukyu")],
}


SURNAMES = [
    ("高橋", "Takahashi"),
    ("山本", "Yamamoto"),
    ("小林", "Kobayashi"),
    ("中村", "Nakamura"),
    ("渡辺", "Watanabe"),
    ("斎藤", "Saito"),
    ("松本", "Matsumoto"),
    ("井上", "Inoue"),
    ("木村", "Kimura"),
    ("清水", "Shimizu"),
    ("山口", "Yamaguchi"),
    ("森田", "Morita"),
    ("石川", "Ishikawa"),
    ("長谷川", "Hasegawa"),
    ("藤田", "Fujita"),
    ("岡本", "Okamoto"),
]


LEGAL_FORMS = [  # Japanese pattern, English pattern, weight
    ("株式会社{}", "{} Co., Ltd.", 6),
    ("{}株式会社", "{} Corporation", 3),
    ("有限会社{}", "{} Ltd.", 1),
]


M, W, S, R = (
    IndustryClass.MANUFACTURING,
    IndustryClass.WHOLESALE,
    IndustryClass.SERVICES,
    IndustryClass.RETAIL,
)


@dataclass(frozen=True)
class BusinessLine:
    """One kind of firm within a sector: what it is called, where it is, what it makes."""

    industry_class: str
    prefectures: tuple[str, ...]
    words: tuple[tuple[str, str], ...]
    products: tuple[tuple[str, str, str], ...]  # Japanese, English, HS code
    weight: int = 1


@dataclass(frozen=True)
class SectorProfile:
    share: int  # SMEs per 100
    lines: tuple[BusinessLine, ...]
    strengths: tuple[tuple[str, str], ...]
    markets: tuple[str, ...]
    # certification code, probability, markets of which at least one must be targeted (or none)
    certifications: tuple[tuple[str, float, tuple[str, ...]], ...]
    customers: tuple[str, str]


# The first SMEs of some sectors get fixed figures: the demo needs companies right at the SME
# Basic Act limits and a few that are too big to exhibit (they never apply).
FIXED_FIGURES = {
    # (sector, index within the sector): (industry class, employees, capital in yen)
    ("medical", 1): (M, 300, 300_000_000),  # at both limits: eligible
    ("medical", 2): (M, 850, 2_500_000_000),  # a mid-sized maker: not an SME
    ("machinery", 1): (M, 301, 300_000_001),  # just over both limits: not an SME
    ("biotech", 1): (M, 520, 1_200_000_000),  # not an SME
    ("craft", 1): (S, 100, 60_000_000),  # services at the employee limit: eligible
    ("food", 1): (M, 12, 300_000_000),  # capital at the limit: eligible
    ("cosmetics", 1): (R, 51, 50_000_001),  # retail just over both limits: not an SME
    ("fruit", 1): (W, 100, 450_000_000),  # wholesale at the employee limit: eligible
}


# The company the product brief's examples start from; always the first medical SME.
SHOWCASE_SME = {
    "name_ja": "株式会社越後精密",
    "name_en": "Echigo Precision Co., Ltd.",
    "prefecture": "niigata",
    "place": ("越後", "Echigo"),
    "line": 0,
    "employees": 85,
    "capital_yen": 50_000_000,
    "export_experience": ExportExperience.NONE,
}


EXPORT_SENTENCES = {
    ExportExperience.NONE: (
        "海外への販売は今回が初めての挑戦です。",
        "This will be its first step abroad.",
    ),
    ExportExperience.INDIRECT: (
        "商社を通じて{markets}へ輸出しています。",
        "It exports to {markets} through trading companies.",
    ),
    ExportExperience.DIRECT: (
        "{markets}の代理店と直接取引しています。",
        "It sells directly to distributors in {markets}.",
    ),
    ExportExperience.OVERSEAS_BASE: (
        "{markets}に販売拠点を置いています。",
        "It runs a sales office in {markets}.",
    ),
}


KANSAI = {"kyoto", "osaka", "hyogo", "shiga", "nara", "wakayama"}
FOUNDED = {
    "medical": (1948, 2016),
    "biotech": (1985, 2019),
    "craft": (1880, 2015),
    "food": (1720, 1990),
    "fruit": (1950, 2018),
    "cosmetics": (1935, 2017),
    "machinery": (1938, 2010),
}
VERBS = {  # what the firm does with its products, by industry class (Japanese, English)
    M: ("製造しています", "makes"),
    W: ("取り扱っています", "trades in"),
    S: ("企画・デザインしています", "designs"),
    R: ("販売しています", "sells"),
}
FARM_VERB = ("生産しています", "grows")
EXPORT_WEIGHTS = {
    ExportExperience.NONE: 35,
    ExportExperience.INDIRECT: 30,
    ExportExperience.DIRECT: 25,
    ExportExperience.OVERSEAS_BASE: 10,
}
ENGLISH_SHARE = {
    ExportExperience.NONE: 0.15,
    ExportExperience.INDIRECT: 0.35,
    ExportExperience.DIRECT: 0.75,
    ExportExperience.OVERSEAS_BASE: 0.95,
}
THIRD_LANGUAGES = ("zh", "ko", "de", "fr", "th", "es")
APPLICATION_MESSAGES = (
    "",
    "",
    "初めての海外展示会への出展を検討しています。よろしくお願いいたします。",
    "We would like to meet distributors in Europe and the Middle East.",
    "昨年の商談会で得た引き合いをもとに、新製品を出展したいと考えています。",
)


SERVED_TYPES = {
    "medical": (BuyerType.DISTRIBUTOR, BuyerType.IMPORTER, BuyerType.OEM),
    "biotech": (BuyerType.DISTRIBUTOR, BuyerType.OEM, BuyerType.AGENT),
    "craft": (BuyerType.RETAILER, BuyerType.DISTRIBUTOR, BuyerType.ECOMMERCE, BuyerType.IMPORTER),
    "food": (BuyerType.IMPORTER, BuyerType.DISTRIBUTOR, BuyerType.WHOLESALER),
    "fruit": (BuyerType.IMPORTER, BuyerType.WHOLESALER, BuyerType.RETAILER),
    "cosmetics": (BuyerType.DISTRIBUTOR, BuyerType.RETAILER, BuyerType.ECOMMERCE),
    "machinery": (BuyerType.OEM, BuyerType.DISTRIBUTOR, BuyerType.AGENT),
}


SHORT_REGION_NAMES = {
    "EU": ("EU", "the EU"),
    "ASEAN": ("ASEAN", "ASEAN"),
    "GCC": ("GCC", "the GCC"),
    "USMCA": ("北米", "North America"),
}
WITH_ARTICLE = {"US", "GB", "NL", "PH", "AE", "CZ"}
