"""Organising offices, the five fairs, their Japan Pavilions and the interpreters they hire.

Application windows open and close in Japan time; the dataset is dated as if today were
``DEMO_TODAY``, so every moment drawn in a window falls before it when the window is open.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from events.models import OfficeKind

JST = ZoneInfo("Asia/Tokyo")
# The day the dataset describes; applications and decisions are dated before it.
DEMO_TODAY = datetime(2026, 11, 21, 9, 0, tzinfo=JST)


OFFICES = [
    # name_en, name_ja, kind, organiser username
    (
        "JETRO Düsseldorf",
        "ジェトロ・デュッセルドルフ事務所",
        OfficeKind.JETRO,
        "organiser-dusseldorf",
    ),
    ("JETRO Paris", "ジェトロ・パリ事務所", OfficeKind.JETRO, "organiser-paris"),
    ("JETRO Chicago", "ジェトロ・シカゴ事務所", OfficeKind.JETRO, "organiser-chicago"),
    ("JETRO Dubai", "ジェトロ・ドバイ事務所", OfficeKind.JETRO, "organiser-dubai"),
    ("JETRO Hong Kong", "ジェトロ・香港事務所", OfficeKind.JETRO, "organiser-hongkong"),
    ("Niigata Prefecture", "新潟県", OfficeKind.PREFECTURE, "organiser-niigata"),
    (
        "Osaka Chamber of Commerce and Industry",
        "大阪商工会議所",
        OfficeKind.CHAMBER,
        "organiser-osaka",
    ),
]


FAIRS = {
    "maison": {
        "name": "Maison et Objet Paris",
        "city": "Paris",
        "country": "FR",
        "venue": "Paris Nord Villepinte",
        "time_zone": "Europe/Paris",
        "starts_on": date(2027, 1, 21),
        "ends_on": date(2027, 1, 25),
        "website": "https://www.maison-objet.com/en/paris",
    },
    "arabhealth": {
        "name": "Arab Health",
        "city": "Dubai",
        "country": "AE",
        "venue": "Dubai World Trade Centre",
        "time_zone": "Asia/Dubai",
        "starts_on": date(2027, 1, 25),
        "ends_on": date(2027, 1, 28),
        "website": "https://www.arabhealthonline.com",
    },
    "bio": {
        "name": "BIO International Convention",
        "city": "Chicago",
        "country": "US",
        "venue": "McCormick Place",
        "time_zone": "America/Chicago",
        "starts_on": date(2027, 6, 14),
        "ends_on": date(2027, 6, 17),
        "website": "https://www.bio.org/events/bio-international-convention",
    },
    "afl": {
        "name": "Asia Fruit Logistica",
        "city": "Hong Kong",
        "country": "HK",
        "venue": "AsiaWorld-Expo",
        "time_zone": "Asia/Hong_Kong",
        "starts_on": date(2027, 9, 1),
        "ends_on": date(2027, 9, 3),
        "website": "https://www.asiafruitlogistica.com",
    },
    "medica": {
        "name": "Medica & Compamed",
        "city": "Düsseldorf",
        "country": "DE",
        "venue": "Messe Düsseldorf",
        "time_zone": "Europe/Berlin",
        "starts_on": date(2027, 11, 15),
        "ends_on": date(2027, 11, 18),
        "website": "https://www.medica-tradefair.com",
    },
}


_HALF_FEE_EN = (
    "First-time exhibitors (no earlier Japan Pavilion and no direct exports) pay half the booth "
    "fee, get a free export-coaching session before the fair and a dedicated interpreter for "
    "their first two meetings."
)
_HALF_FEE_JA = (
    "初出展者（過去にジャパンパビリオンへの出展がなく、直接輸出の実績がない企業）は小間料が半額"
    "となり、出展前の輸出コーチング（無料）と最初の2件の商談への専属の通訳者が付きます。"
)
# What the text promises and the scheduler keeps: an interpreter for a first-timer's first two
# meetings (Pavilion.first_timer_interpreted_meetings).
_HALF_FEE_INTERPRETED_MEETINGS = 2


@dataclass(frozen=True)
class PavilionPlan:
    key: str
    fair: str
    office: str
    name_en: str
    name_ja: str
    capacity: int
    opens: date
    closes: date
    discount: int
    conditions_en: str
    conditions_ja: str
    lunch: tuple[time, time]
    interpreter_languages: tuple[str, ...]
    booth_prefix: str
    # Share of applications the organiser has decided by DEMO_TODAY.
    decided_share: float
    day_starts: time = time(10, 0)
    day_ends: time = time(17, 0)
    # A first-timer's first meetings, up to this many, get an interpreter (the conditions say so).
    interpreted_meetings: int = 0


PAVILIONS = [
    PavilionPlan(
        "maison-jetro",
        "maison",
        "JETRO Paris",
        "Japan Pavilion at Maison et Objet January 2027",
        "メゾン・エ・オブジェ 2027年1月 ジャパンパビリオン",
        20,
        date(2026, 4, 1),
        date(2026, 9, 30),
        50,
        _HALF_FEE_EN,
        _HALF_FEE_JA,
        (time(12, 30), time(13, 30)),
        ("fr", "en"),
        "A",
        1.0,
        day_ends=time(18, 0),
        interpreted_meetings=_HALF_FEE_INTERPRETED_MEETINGS,
    ),
    PavilionPlan(
        "maison-kansai",
        "maison",
        "Osaka Chamber of Commerce and Industry",
        "Kansai Craft & Design Pavilion",
        "関西クラフト＆デザイン・パビリオン",
        20,
        date(2026, 4, 15),
        date(2026, 9, 15),
        30,
        "First-time exhibitors get 30% off the booth fee and a free product-photography session "
        "for the bilingual catalogue.",
        "初出展者は小間料が30%割引となり、多言語カタログ用の商品撮影を無料で受けられます。",
        (time(12, 30), time(13, 30)),
        ("fr", "en"),
        "K",
        1.0,
        day_ends=time(18, 0),
    ),
    PavilionPlan(
        "arabhealth-jetro",
        "arabhealth",
        "JETRO Dubai",
        "Japan Pavilion at Arab Health 2027",
        "アラブヘルス2027 ジャパンパビリオン",
        24,
        date(2026, 6, 1),
        date(2026, 11, 30),
        0,
        "First-time exhibitors get a free consultation on UAE and Saudi medical device "
        "registration before the fair.",
        "初出展者は、出展前にUAE・サウジアラビアの医療機器登録に関する個別相談を無料で受けられます。",
        (time(13, 0), time(14, 0)),
        ("ar", "en"),
        "A",
        0.8,
    ),
    PavilionPlan(
        "bio-jetro",
        "bio",
        "JETRO Chicago",
        "Japan Pavilion at BIO 2027",
        "BIO 2027 ジャパンパビリオン",
        24,
        date(2026, 9, 1),
        date(2027, 2, 26),
        50,
        _HALF_FEE_EN,
        _HALF_FEE_JA,
        (time(12, 0), time(13, 0)),
        ("en",),
        "J",
        0.5,
        interpreted_meetings=_HALF_FEE_INTERPRETED_MEETINGS,
    ),
    PavilionPlan(
        "afl-jetro",
        "afl",
        "JETRO Hong Kong",
        "Japan Pavilion at Asia Fruit Logistica 2027",
        "アジア・フルーツ・ロジスティカ2027 ジャパンパビリオン",
        30,
        date(2026, 10, 1),
        date(2027, 5, 31),
        50,
        _HALF_FEE_EN + " Shipping of fresh samples by air is also covered.",
        _HALF_FEE_JA + "生鮮サンプルの航空輸送費も支援対象です。",
        (time(12, 30), time(13, 30)),
        ("zh", "en"),
        "A",
        0.4,
        interpreted_meetings=_HALF_FEE_INTERPRETED_MEETINGS,
    ),
    PavilionPlan(
        "medica-jetro",
        "medica",
        "JETRO Düsseldorf",
        "Japan Pavilion at Medica 2027",
        "MEDICA 2027 ジャパンパビリオン",
        36,
        date(2026, 11, 1),
        date(2027, 6, 30),
        50,
        _HALF_FEE_EN,
        _HALF_FEE_JA,
        (time(12, 30), time(13, 30)),
        ("de", "en"),
        "A",
        0.4,
        interpreted_meetings=_HALF_FEE_INTERPRETED_MEETINGS,
    ),
    PavilionPlan(
        "medica-niigata",
        "medica",
        "Niigata Prefecture",
        "Niigata Pavilion at Medica 2027",
        "MEDICA 2027 新潟県パビリオン",
        20,
        date(2026, 10, 15),
        date(2027, 5, 31),
        0,
        "Niigata Prefecture pays two thirds of the booth fee for every exhibitor from the "
        "prefecture; first-time exhibitors also get the transport of exhibits paid up to "
        "JPY 300,000.",
        "新潟県内企業の小間料は県が3分の2を負担します。初出展者には展示品輸送費を30万円まで補助します。",
        (time(12, 30), time(13, 30)),
        ("de", "en"),
        "N",
        0.6,
    ),
]


INTERPRETERS = {
    # Japanese interpreters work from Japanese into English and often one more language.
    "ja": (
        ("Haruka Sato", "佐藤 遥"),
        ("Kenta Suzuki", "鈴木 健太"),
        ("Mai Takahashi", "高橋 舞"),
        ("Yui Watanabe", "渡辺 結衣"),
        ("Daisuke Ito", "伊藤 大輔"),
        ("Aya Nakamura", "中村 彩"),
        ("Ren Kobayashi", "小林 蓮"),
        ("Misaki Kato", "加藤 美咲"),
    ),
    "de": (
        ("Lena Hoffmann", ""),
        ("Jonas Becker", ""),
        ("Sophie Wagner", ""),
        ("Felix Schmitt", ""),
    ),
    "fr": (("Camille Dubois", ""), ("Hugo Lefèvre", ""), ("Léa Moreau", ""), ("Julien Petit", "")),
    "ar": (("Layla Haddad", ""), ("Omar Khalil", ""), ("Nour Al Hashimi", "")),
    "zh": (("Chan Wai-man", "陳偉文"), ("Wong Ka-yan", "黃嘉欣")),
    "en": (("Emily Carter", ""), ("Daniel Brooks", "")),
}


def application_window(plan: PavilionPlan) -> tuple[datetime, datetime]:
    opens = datetime.combine(plan.opens, time(10, 0), tzinfo=JST)
    closes = datetime.combine(plan.closes, time(17, 0), tzinfo=JST)
    return opens, closes


def application_moment(plan: PavilionPlan, share: float) -> datetime:
    """An instant in the application window, before DEMO_TODAY (``share`` from 0 to 1)."""
    opens, closes = application_window(plan)
    end = min(closes, DEMO_TODAY) - timedelta(hours=1)
    if end <= opens:  # a window that opens after the demo day: anywhere inside it
        end = closes - timedelta(hours=1)
    return (opens + (end - opens) * share).astimezone(UTC).replace(microsecond=0)
