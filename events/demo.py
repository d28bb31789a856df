"""A realistic, bilingual demo dataset: five fairs with their Japan Pavilions, SMEs, buyers, people.

Everything is generated from fixed tables and seeded random streams, so two runs produce the same
rows, and a run on a database that already holds them creates nothing. Rows are matched on natural
keys (usernames, office and SME names, buyer name and country, fair name and first day, pavilion
name per fair, interpreter name per pavilion); existing rows are left exactly as they are.

The dataset is dated as if today were 2026-11-21: the Maison et Objet window has closed and its
applications are decided, the other windows are open with some applications still undecided.

The organiser, SME, buyer and admin accounts all use the password ``pavilion-demo``. It is for
demonstrations on a laptop only; never seed a public deployment.
"""

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from companies.choices import (
    BuyerType,
    ExportExperience,
    IndustryClass,
    MarketKind,
    MemberRole,
    OrderSize,
)
from companies.eligibility import sme_eligibility
from companies.models import (
    SME,
    Certification,
    ForeignBuyer,
    Language,
    Market,
    Membership,
    Sector,
)
from companies.reference import reference_data_load

from .models import (
    BuyerRegistration,
    ExhibitorRegistration,
    Interpreter,
    MeetingSlot,
    OfficeKind,
    OrganisingOffice,
    Pavilion,
    RegistrationStatus,
    TimetableBreak,
    TradeFair,
)
from .organisers import ensure_organiser_group
from .services import (
    buyer_registration_register,
    exhibitor_registration_apply,
    exhibitor_registration_decide,
    meeting_slots_generate,
)

SEED = 20261121
DEMO_PASSWORD = "pavilion-demo"  # Demo only: printed by seed_demo, never for a public deployment.
JST = ZoneInfo("Asia/Tokyo")
# The day the dataset describes; applications and decisions are dated before it.
DEMO_TODAY = datetime(2026, 11, 21, 9, 0, tzinfo=JST)
SMES_PER_SCALE = 100
BUYERS_PER_SCALE = 400

Progress = Callable[[str], None] | None


# --- Organisers, fairs and pavilions -------------------------------------------------------------

OFFICES = [
    # name_en, name_ja, kind, organiser username
    ("JETRO Düsseldorf", "ジェトロ・デュッセルドルフ事務所", OfficeKind.JETRO,
     "organiser-dusseldorf"),
    ("JETRO Paris", "ジェトロ・パリ事務所", OfficeKind.JETRO, "organiser-paris"),
    ("JETRO Chicago", "ジェトロ・シカゴ事務所", OfficeKind.JETRO, "organiser-chicago"),
    ("JETRO Dubai", "ジェトロ・ドバイ事務所", OfficeKind.JETRO, "organiser-dubai"),
    ("JETRO Hong Kong", "ジェトロ・香港事務所", OfficeKind.JETRO, "organiser-hongkong"),
    ("Niigata Prefecture", "新潟県", OfficeKind.PREFECTURE, "organiser-niigata"),
    ("Osaka Chamber of Commerce and Industry", "大阪商工会議所", OfficeKind.CHAMBER,
     "organiser-osaka"),
]

FAIRS = {
    "maison": {"name": "Maison et Objet Paris", "city": "Paris", "country": "FR",
                   "venue": "Paris Nord Villepinte", "time_zone": "Europe/Paris",
                   "starts_on": date(2027, 1, 21), "ends_on": date(2027, 1, 25),
                   "website": "https://www.maison-objet.com/en/paris"},
    "arabhealth": {"name": "Arab Health", "city": "Dubai", "country": "AE",
                       "venue": "Dubai World Trade Centre", "time_zone": "Asia/Dubai",
                       "starts_on": date(2027, 1, 25), "ends_on": date(2027, 1, 28),
                       "website": "https://www.arabhealthonline.com"},
    "bio": {"name": "BIO International Convention", "city": "Chicago", "country": "US",
                "venue": "McCormick Place", "time_zone": "America/Chicago",
                "starts_on": date(2027, 6, 14), "ends_on": date(2027, 6, 17),
                "website": "https://www.bio.org/events/bio-international-convention"},
    "afl": {"name": "Asia Fruit Logistica", "city": "Hong Kong", "country": "HK",
                "venue": "AsiaWorld-Expo", "time_zone": "Asia/Hong_Kong",
                "starts_on": date(2027, 9, 1), "ends_on": date(2027, 9, 3),
                "website": "https://www.asiafruitlogistica.com"},
    "medica": {"name": "Medica & Compamed", "city": "Düsseldorf", "country": "DE",
                   "venue": "Messe Düsseldorf", "time_zone": "Europe/Berlin",
                   "starts_on": date(2027, 11, 15), "ends_on": date(2027, 11, 18),
                   "website": "https://www.medica-tradefair.com"},
}

_HALF_FEE_EN = (
    "First-time exhibitors (no earlier Japan Pavilion and no direct exports) pay half the booth "
    "fee, get a free export-coaching session before the fair and a dedicated interpreter for "
    "their first two meetings."
)
_HALF_FEE_JA = (
    "初出展企業（過去にジャパン・パビリオンへの出展がなく、直接輸出の実績がない企業）は小間料が半額"
    "となり、出展前の輸出コーチング（無料）と最初の2件の商談への専属通訳が付きます。"
)


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


PAVILIONS = [
    PavilionPlan(
        "maison-jetro", "maison", "JETRO Paris", "Japan Pavilion at Maison et Objet January 2027",
        "メゾン・エ・オブジェ 2027年1月 ジャパン・パビリオン", 20, date(2026, 4, 1),
        date(2026, 9, 30), 50, _HALF_FEE_EN, _HALF_FEE_JA, (time(12, 30), time(13, 30)),
        ("fr", "en"), "A", 1.0, day_ends=time(18, 0)),
    PavilionPlan(
        "maison-kansai", "maison", "Osaka Chamber of Commerce and Industry",
        "Kansai Craft & Design Pavilion", "関西クラフト＆デザイン・パビリオン", 20,
        date(2026, 4, 15), date(2026, 9, 15), 30,
        "First-time exhibitors get 30% off the booth fee and a free product-photography session "
        "for the bilingual catalogue.",
        "初出展企業は小間料が30%割引となり、多言語カタログ用の商品撮影を無料で受けられます。",
        (time(12, 30), time(13, 30)), ("fr", "en"), "K", 1.0, day_ends=time(18, 0)),
    PavilionPlan(
        "arabhealth-jetro", "arabhealth", "JETRO Dubai", "Japan Pavilion at Arab Health 2027",
        "アラブヘルス2027 ジャパン・パビリオン", 24, date(2026, 6, 1), date(2026, 11, 30), 0,
        "First-time exhibitors get a free consultation on UAE and Saudi medical device "
        "registration before the fair.",
        "初出展企業は、出展前にUAE・サウジアラビアの医療機器登録に関する個別相談を無料で受けられます。",
        (time(13, 0), time(14, 0)), ("ar", "en"), "A", 0.8),
    PavilionPlan(
        "bio-jetro", "bio", "JETRO Chicago", "Japan Pavilion at BIO 2027",
        "BIO 2027 ジャパン・パビリオン", 24, date(2026, 9, 1), date(2027, 2, 26), 50,
        _HALF_FEE_EN, _HALF_FEE_JA, (time(12, 0), time(13, 0)), ("en",), "J", 0.5),
    PavilionPlan(
        "afl-jetro", "afl", "JETRO Hong Kong", "Japan Pavilion at Asia Fruit Logistica 2027",
        "アジア・フルーツ・ロジスティカ2027 ジャパン・パビリオン", 30, date(2026, 10, 1),
        date(2027, 5, 31), 50,
        _HALF_FEE_EN + " Shipping of fresh samples by air is also covered.",
        _HALF_FEE_JA + "生鮮サンプルの航空輸送費も支援対象です。",
        (time(12, 30), time(13, 30)), ("zh", "en"), "A", 0.4),
    PavilionPlan(
        "medica-jetro", "medica", "JETRO Düsseldorf", "Japan Pavilion at Medica 2027",
        "MEDICA 2027 ジャパン・パビリオン", 36, date(2026, 11, 1), date(2027, 6, 30), 50,
        _HALF_FEE_EN, _HALF_FEE_JA, (time(12, 30), time(13, 30)), ("de", "en"), "A", 0.4),
    PavilionPlan(
        "medica-niigata", "medica", "Niigata Prefecture", "Niigata Pavilion at Medica 2027",
        "MEDICA 2027 新潟県パビリオン", 20, date(2026, 10, 15), date(2027, 5, 31), 0,
        "Niigata Prefecture pays two thirds of the booth fee for every exhibitor from the "
        "prefecture; first-time exhibitors also get the transport of exhibits paid up to "
        "JPY 300,000.",
        "新潟県内企業の小間料は県が3分の2を負担します。初出展企業には展示品輸送費を30万円まで補助します。",
        (time(12, 30), time(13, 30)), ("de", "en"), "N", 0.6),
]


# --- Japanese SMEs -------------------------------------------------------------------------------

PREFECTURE_JA = {
    "hokkaido": "北海道", "aomori": "青森県", "iwate": "岩手県", "miyagi": "宮城県",
    "akita": "秋田県", "yamagata": "山形県", "fukushima": "福島県", "ibaraki": "茨城県",
    "tochigi": "栃木県", "gunma": "群馬県", "saitama": "埼玉県", "chiba": "千葉県",
    "tokyo": "東京都", "kanagawa": "神奈川県", "niigata": "新潟県", "toyama": "富山県",
    "ishikawa": "石川県", "fukui": "福井県", "yamanashi": "山梨県", "nagano": "長野県",
    "gifu": "岐阜県", "shizuoka": "静岡県", "aichi": "愛知県", "mie": "三重県", "shiga": "滋賀県",
    "kyoto": "京都府", "osaka": "大阪府", "hyogo": "兵庫県", "nara": "奈良県",
    "wakayama": "和歌山県", "tottori": "鳥取県", "shimane": "島根県", "okayama": "岡山県",
    "hiroshima": "広島県", "yamaguchi": "山口県", "tokushima": "徳島県", "kagawa": "香川県",
    "ehime": "愛媛県", "kochi": "高知県", "fukuoka": "福岡県", "saga": "佐賀県",
    "nagasaki": "長崎県", "kumamoto": "熊本県", "oita": "大分県", "miyazaki": "宮崎県",
    "kagoshima": "鹿児島県", "okinawa": "沖縄県",
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
    ("高橋", "Takahashi"), ("山本", "Yamamoto"), ("小林", "Kobayashi"), ("中村", "Nakamura"),
    ("渡辺", "Watanabe"), ("斎藤", "Saito"), ("松本", "Matsumoto"), ("井上", "Inoue"),
    ("木村", "Kimura"), ("清水", "Shimizu"), ("山口", "Yamaguchi"), ("森田", "Morita"),
    ("石川", "Ishikawa"), ("長谷川", "Hasegawa"), ("藤田", "Fujita"), ("岡本", "Okamoto"),
]

LEGAL_FORMS = [  # Japanese pattern, English pattern, weight
    ("株式会社{}", "{} Co., Ltd.", 6), ("{}株式会社", "{} Corporation", 3),
    ("有限会社{}", "{} Ltd.", 1),
]

M, W, S, R = (IndustryClass.MANUFACTURING, IndustryClass.WHOLESALE, IndustryClass.SERVICES,
              IndustryClass.RETAIL)


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


SECTORS = {
    "medical": SectorProfile(
        share=22,
        lines=(
            BusinessLine(M, ("niigata", "tokyo", "saitama", "fukushima", "tochigi"),
                         (("精密", "Precision"), ("医科器械", "Surgical Instruments"),
                          ("メディカル", "Medical")),
                         (("手術用鉗子", "surgical forceps", "9018"),
                          ("手術用剪刀", "surgical scissors", "9018"),
                          ("持針器", "needle holders", "9018"),
                          ("眼科用マイクロ手術器具", "ophthalmic microsurgery instruments", "9018"),
                          ("縫合針", "surgical suture needles", "9018")), weight=3),
            BusinessLine(M, ("tokyo", "shizuoka", "niigata", "aichi", "fukushima"),
                         (("メディテック", "Meditech"), ("医療器", "Medical Devices")),
                         (("内視鏡用処置具", "endoscopic treatment tools", "9018"),
                          ("血管カテーテル", "vascular catheters", "9018"),
                          ("穿刺針", "puncture needles", "9018"),
                          ("使い捨て注射針", "disposable hypodermic needles", "9018")), weight=2),
            BusinessLine(M, ("kyoto", "shizuoka", "tochigi", "osaka"),
                         (("メディカルシステムズ", "Medical Systems"), ("イメージング", "Imaging")),
                         (("歯科用X線装置", "dental X-ray units", "9022"),
                          ("X線フラットパネル検出器", "X-ray flat-panel detectors", "9022"),
                          ("超音波診断装置用プローブ", "ultrasound probes", "9018"),
                          ("骨密度測定装置", "bone densitometers", "9022"))),
            BusinessLine(M, ("osaka", "aichi", "nagano", "fukuoka"),
                         (("ヘルスケア", "Healthcare"), ("リハテック", "Rehatec")),
                         (("酸素濃縮装置", "oxygen concentrators", "9019"),
                          ("歩行訓練機器", "gait-training devices", "9019"),
                          ("整形外科用インプラント", "orthopaedic implants", "9021"),
                          ("補聴器", "hearing aids", "9021"),
                          ("義肢・装具", "prostheses and orthoses", "9021"))),
            BusinessLine(M, ("tokyo", "kyoto", "tochigi", "osaka"),
                         (("デンタル", "Dental"), ("歯科工業", "Dental Industries")),
                         (("歯科用ハンドピース", "dental handpieces", "9018"),
                          ("歯科用インプラント", "dental implants", "9021"),
                          ("歯科用切削バー", "dental burs", "9018"))),
            BusinessLine(W, ("tokyo", "osaka", "fukuoka"),
                         (("医療商事", "Medical Trading"), ("メディカルサプライ",
                          "Medical Supply")),
                         (("手術用鉗子", "surgical forceps", "9018"),
                          ("使い捨て注射針", "disposable hypodermic needles", "9018"),
                          ("補聴器", "hearing aids", "9021"))),
        ),
        strengths=(
            ("熟練職人が一本ずつ手仕上げし、0.01mm単位の精度を保証しています",
             "every instrument is finished by hand to tolerances of 0.01 mm"),
            ("設計から製造、滅菌包装まで自社で一貫して手がけています",
             "design, manufacturing and sterile packaging all happen in-house"),
            ("大手医療機器メーカーのOEM生産を長年担ってきました",
             "the company has made OEM products for major device makers for decades"),
            ("チタン・特殊鋼の微細加工を得意としています",
             "its speciality is micro-machining titanium and special steels"),
        ),
        markets=("EU", "DE", "FR", "IT", "NL", "GCC", "AE", "SA", "US", "ASEAN", "TH", "VN", "IN"),
        certifications=(("ISO13485", 0.8, ()), ("CE-MDR", 0.55, ("EU", "DE", "FR", "IT", "NL")),
                        ("FDA-510K", 0.5, ("US",)), ("SFDA-MDMA", 0.4, ("SA", "GCC")),
                        ("ISO9001", 0.3, ())),
        customers=("国内の大学病院や医療機器メーカー",
         "university hospitals and device makers in Japan"),
    ),
    "biotech": SectorProfile(
        share=12,
        lines=(
            BusinessLine(M, ("ibaraki", "kanagawa", "tokyo", "kyoto", "hyogo"),
                         (("バイオ", "Bio"), ("ライフサイエンス", "Life Sciences"),
                          ("バイオテック", "Biotech")),
                         (("細胞培養培地", "cell culture media", "3821"),
                          ("研究用抗体", "research antibodies", "3002"),
                          ("診断用試薬キット", "diagnostic reagent kits", "3822"),
                          ("iPS細胞由来の分化細胞", "iPSC-derived differentiated cells", "3002")),
                         weight=2),
            BusinessLine(M, ("tokyo", "kyoto", "nagano", "saitama", "miyagi"),
                         (("理化学", "Scientific"), ("ラボテック", "Labtech"),
                          ("科学機器", "Scientific Instruments")),
                         (("小型遠心機", "benchtop centrifuges", "8421"),
                          ("オートクレーブ", "autoclaves", "8419"),
                          ("分光光度計", "spectrophotometers", "9027"),
                          ("自動分注装置", "automated liquid handlers", "8479"),
                          ("倒立顕微鏡", "inverted microscopes", "9011"),
                          ("凍結乾燥機", "freeze dryers", "8419")), weight=2),
            BusinessLine(M, ("osaka", "toyama", "shiga", "hokkaido"),
                         (("ファーマ", "Pharma"), ("製薬", "Pharmaceutical")),
                         (("核酸医薬の受託製造", "contract manufacturing of oligonucleotide drugs",
                           "3004"),
                          ("抗体医薬の受託開発", "contract development of antibody drugs", "3002"),
                          ("外用剤の受託製造", "contract manufacturing of topical medicines",
                           "3004"),
                          ("漢方エキス製剤", "Kampo extract preparations", "3004"))),
        ),
        strengths=(
            ("大学発ベンチャーとして、独自の特許技術を持っています",
             "as a university spin-off it holds its own patented technology"),
            ("研究者向けに少量多品種の受注生産に対応しています",
             "it makes small batches to order for research laboratories"),
            ("GMP準拠の製造設備で治験薬の製造にも対応しています",
             "its GMP-compliant plant can also make investigational drugs"),
        ),
        markets=("US", "USMCA", "EU", "DE", "GB", "CH", "KR", "SG", "CN"),
        certifications=(("ISO9001", 0.6, ()), ("GMP", 0.4, ("US", "EU", "GB", "USMCA")),
                        ("ISO13485", 0.3, ()), ("CE-IVDR", 0.3, ("EU", "DE"))),
        customers=("国内の製薬会社や研究機関",
         "pharmaceutical companies and research institutes in Japan"),
    ),
    "craft": SectorProfile(
        share=24,
        lines=(
            BusinessLine(M, ("saga", "nagasaki", "gifu", "ishikawa", "shiga"),
                         (("窯業", "Ceramics"), ("陶苑", "Touen"), ("製陶所", "Pottery")),
                         (("磁器の食器", "porcelain tableware", "6911"),
                          ("磁器の酒器", "porcelain sake sets", "6911"),
                          ("陶器の土鍋", "stoneware donabe pots", "6912"),
                          ("陶製の花器", "ceramic flower vases", "6913"),
                          ("箸置き", "chopstick rests", "6913")), weight=2),
            BusinessLine(M, ("tokyo", "osaka", "okinawa", "toyama"),
                         (("硝子", "Glass"), ("ガラス工芸", "Glassworks")),
                         (("切子グラス", "cut-glass tumblers", "7013"),
                          ("ガラスの酒器", "glass sake sets", "7013"),
                          ("吹きガラスの花器", "hand-blown glass vases", "7013"))),
            BusinessLine(M, ("fukui", "ishikawa", "akita", "kanagawa", "wakayama"),
                         (("漆器", "Lacquerware"), ("木工", "Woodcraft")),
                         (("漆塗りの椀", "lacquered bowls", "4419"),
                          ("曲げわっぱの弁当箱", "bentwood lunch boxes", "4419"),
                          ("寄木細工の小箱", "marquetry boxes", "4420"),
                          ("木製トレイ", "wooden trays", "4419")), weight=2),
            BusinessLine(M, ("niigata", "gifu", "osaka", "iwate", "toyama", "hyogo"),
                         (("刃物", "Cutlery"), ("金属工芸", "Metalcraft"), ("製作所", "Works")),
                         (("包丁", "kitchen knives", "8211"),
                          ("ステンレスカトラリー", "stainless-steel cutlery", "8215"),
                          ("南部鉄器の鉄瓶", "cast-iron kettles", "7323"),
                          ("鉄製フライパン", "iron frying pans", "7323")), weight=2),
            BusinessLine(M, ("ehime", "kyoto", "gunma", "osaka"),
                         (("織物", "Textiles"), ("タオル", "Towel")),
                         (("今治タオル", "Imabari towels", "6302"),
                          ("絹織物", "silk fabrics", "5007"),
                          ("麻のテーブルリネン", "linen table linen", "6302"),
                          ("刺し子のクッションカバー", "sashiko cushion covers", "6304"))),
            BusinessLine(M, ("gifu", "hiroshima", "hokkaido", "fukuoka", "shizuoka"),
                         (("家具", "Furniture"), ("木工所", "Woodworks")),
                         (("無垢材のダイニングチェア", "solid-wood dining chairs", "9403"),
                          ("座卓", "low tables", "9403"),
                          ("和紙の照明", "washi paper lamps", "9405"),
                          ("木製スツール", "wooden stools", "9403"))),
            BusinessLine(S, ("tokyo", "kyoto", "osaka"),
                         (("デザイン", "Design"), ("デザインスタジオ", "Design Studio")),
                         (("職人と協働したインテリア小物",
                          "interior accessories made with craftspeople",
                           "4420"),
                          ("テーブルウェアのコレクション", "tableware collections", "6911"))),
        ),
        strengths=(
            ("{place}の伝統技法を受け継ぐ職人が、現代の暮らしに合う形を生み出しています",
             "craftspeople trained in the traditions of {place} design for modern homes"),
            ("国内外のデザイナーと協働し、欧州向けの新シリーズを開発しました",
             "it has developed a new range for Europe with Japanese and foreign designers"),
            ("一点ずつ手作業で仕上げ、小ロットの別注にも対応しています",
             "every piece is finished by hand, and small custom orders are welcome"),
        ),
        markets=("EU", "FR", "DE", "IT", "BE", "GB", "US", "EUROPE", "KR", "AE"),
        certifications=(("EU-FCM", 0.35, ("EU", "FR", "DE", "IT", "BE", "EUROPE")),
                        ("FSC", 0.15, ("EUROPE", "EU", "US"))),
        customers=("国内の百貨店やセレクトショップ", "department stores and select shops in Japan"),
    ),
    "food": SectorProfile(
        share=12,
        lines=(
            BusinessLine(M, ("niigata", "hyogo", "kyoto", "yamaguchi", "akita", "hiroshima"),
                         (("酒造", "Sake Brewery"), ("酒造店", "Brewery")),
                         (("純米吟醸酒", "junmai ginjo sake", "2206"),
                          ("純米大吟醸酒", "junmai daiginjo sake", "2206"),
                          ("スパークリング日本酒", "sparkling sake", "2206"),
                          ("梅酒", "umeshu plum liqueur", "2208"))),
            BusinessLine(M, ("kagoshima", "miyazaki", "kumamoto", "oita"),
                         (("蒸留所", "Distillery"), ("焼酎", "Shochu")),
                         (("本格芋焼酎", "honkaku sweet-potato shochu", "2208"),
                          ("麦焼酎", "barley shochu", "2208"),
                          ("クラフトジン", "craft gin", "2208"))),
            BusinessLine(M, ("chiba", "hyogo", "kagawa", "aichi", "kochi"),
                         (("醸造", "Brewing"), ("食品", "Foods")),
                         (("丸大豆醤油", "naturally brewed soy sauce", "2103"),
                          ("米味噌", "rice miso", "2103"),
                          ("ゆずぽん酢", "yuzu ponzu", "2103"),
                          ("白だし", "white dashi", "2106"),
                          ("ゆず果汁", "yuzu juice", "2009"))),
            BusinessLine(M, ("shizuoka", "kyoto", "fukuoka", "kagoshima"),
                         (("製茶", "Tea"), ("茶園", "Tea Garden")),
                         (("有機抹茶", "organic matcha", "0902"), ("煎茶", "sencha", "0902"),
                          ("ほうじ茶", "hojicha", "0902"), ("玉露", "gyokuro", "0902"))),
            BusinessLine(M, ("kyoto", "aichi", "niigata", "ishikawa", "hokkaido"),
                         (("製菓", "Confectionery"), ("菓子舗", "Kashiho")),
                         (("羊羹", "yokan bean jelly", "1704"),
                          ("抹茶チョコレート", "matcha chocolate", "1806"),
                          ("米菓", "rice crackers", "1905"),
                          ("金平糖", "konpeito sugar candy", "1704"),
                          ("干し芋", "dried sweet potato", "2008"))),
            BusinessLine(M, ("hokkaido", "miyagi", "aomori", "ehime"),
                         (("水産", "Fisheries"), ("海産", "Seafoods")),
                         (("冷凍ほたて貝柱", "frozen scallop adductors", "0307"),
                          ("冷凍ぶり", "frozen yellowtail", "0303"),
                          ("紅ずわいがに", "red snow crab", "0306"))),
        ),
        strengths=(
            ("創業以来の製法を守りつつ、輸出向けに賞味期限を延ばす工夫を重ねています",
             "it keeps its founding recipe while extending shelf life for export"),
            ("地元産の原料にこだわり、生産者と直接契約しています",
             "all raw materials come from local growers under direct contracts"),
            ("HACCPに基づく衛生管理で、海外の大手小売にも対応しています",
             "HACCP-based hygiene control meets the audits of large retailers abroad"),
        ),
        markets=("HK", "SG", "TW", "US", "AE", "GCC", "EU", "FR", "GB", "ASEAN", "MY", "TH"),
        certifications=(("HACCP", 0.6, ()), ("HALAL", 0.5, ("GCC", "AE", "MY", "ASEAN")),
                        ("FSSC22000", 0.25, ()), ("HK-FOOD", 0.5, ("HK",)),
                        ("FDA-FFR", 0.6, ("US",)), ("JAS-ORGANIC", 0.2, ())),
        customers=("全国の百貨店や飲食店", "department stores and restaurants across Japan"),
    ),
    "fruit": SectorProfile(
        share=12,
        lines=(
            BusinessLine(M, ("aomori", "nagano", "iwate", "yamagata"),
                         (("農園", "Orchards"), ("ファーム", "Farm")),
                         (("ふじりんご", "Fuji apples", "0808"), ("和梨", "nashi pears", "0808"),
                          ("シナノゴールド", "Shinano Gold apples", "0808"),
                          ("ストレートりんごジュース", "not-from-concentrate apple juice", "2009")),
                         weight=2),
            BusinessLine(M, ("yamanashi", "okayama", "nagano", "yamagata"),
                         (("果樹園", "Fruit Orchards"), ("フルーツ", "Fruits")),
                         (("シャインマスカット", "Shine Muscat grapes", "0806"),
                          ("白桃", "white peaches", "0809"), ("さくらんぼ", "cherries", "0809"),
                          ("ピオーネ", "Pione grapes", "0806")), weight=2),
            BusinessLine(M, ("ehime", "wakayama", "shizuoka", "kochi", "kumamoto"),
                         (("柑橘", "Citrus"), ("果園", "Groves")),
                         (("温州みかん", "Unshu mandarins", "0805"), ("ゆず", "yuzu", "0805"),
                          ("デコポン", "Dekopon mandarins", "0805"),
                          ("ゆず果汁", "yuzu juice", "2009"))),
            BusinessLine(M, ("fukuoka", "tochigi", "hokkaido", "shizuoka", "ibaraki"),
                         (("いちご園", "Berry Farm"), ("農産", "Agri")),
                         (("いちご", "strawberries", "0810"), ("マスクメロン", "muskmelons",
                          "0807"),
                          ("富有柿", "Fuyu persimmons", "0810"))),
            BusinessLine(M, ("ibaraki", "kagoshima", "tokushima", "chiba"),
                         (("農産", "Agri"), ("ファーム", "Farm")),
                         (("さつまいも", "sweet potatoes", "0714"),
                          ("焼き芋", "baked sweet potatoes", "2008"),
                          ("干し芋", "dried sweet potato", "2008"))),
            BusinessLine(W, ("tokyo", "osaka", "fukuoka", "hokkaido"),
                         (("青果", "Fresh Produce"), ("フルーツ商事", "Fruit Trading")),
                         (("ふじりんご", "Fuji apples", "0808"),
                          ("シャインマスカット", "Shine Muscat grapes", "0806"),
                          ("いちご", "strawberries", "0810"), ("さつまいも", "sweet potatoes",
                           "0714"))),
        ),
        strengths=(
            ("糖度センサーで選別した果実だけを出荷しています",
             "every fruit is graded by a sugar-content sensor before it ships"),
            ("CA貯蔵と鮮度保持包装で、船便でも品質を保てます",
             "controlled-atmosphere storage and freshness packaging keep quality by sea freight"),
            ("輸出先の残留農薬基準に合わせた防除暦で栽培しています",
             "spray schedules follow the residue limits of each export market"),
        ),
        markets=("HK", "TW", "SG", "TH", "VN", "MY", "ASEAN", "GREATERCHINA", "AE"),
        certifications=(("JAS-ORGANIC", 0.15, ()), ("HK-FOOD", 0.5, ("HK", "GREATERCHINA")),
                        ("HACCP", 0.3, ()), ("HALAL", 0.3, ("AE", "MY", "GCC"))),
        customers=("国内の市場や百貨店", "wholesale markets and department stores in Japan"),
    ),
    "cosmetics": SectorProfile(
        share=8,
        lines=(
            BusinessLine(M, ("osaka", "tokyo", "kyoto", "kagoshima", "niigata", "akita"),
                         (("化粧品", "Cosmetics"), ("コスメティクス", "Cosmetics Lab")),
                         (("米ぬかエキスの化粧水", "rice-bran toners", "3304"),
                          ("酒粕配合のフェイスマスク", "sake-lees face masks", "3304"),
                          ("日焼け止め", "sunscreens", "3304"), ("美容液", "serums", "3304")),
                         weight=2),
            BusinessLine(M, ("nagasaki", "tokyo", "gunma"),
                         (("椿油本舗", "Camellia Oil"), ("石鹸", "Soap")),
                         (("椿油のヘアオイル", "camellia hair oil", "3305"),
                          ("炭石鹸", "charcoal soap", "3401"),
                          ("無添加シャンプー", "additive-free shampoo", "3305"))),
            BusinessLine(M, ("hiroshima", "nara"),
                         (("筆", "Brush"), ("化粧筆", "Makeup Brushes")),
                         (("熊野筆の化粧ブラシ", "Kumano make-up brushes", "9603"),
                          ("洗顔ブラシ", "face-cleansing brushes", "9603"))),
            BusinessLine(R, ("kyoto", "tokyo"),
                         (("本舗", "Honpo"),),
                         (("米ぬかエキスの化粧水", "rice-bran toners", "3304"),
                          ("椿油のヘアオイル", "camellia hair oil", "3305"))),
        ),
        strengths=(
            ("国産の天然素材を使い、敏感肌向けの処方を自社で開発しています",
             "it develops formulas for sensitive skin from Japanese natural ingredients"),
            ("職人の手作業による少量生産で、高級ブランドへのOEMも手がけています",
             "small hand-made batches also supply luxury brands as OEM"),
        ),
        markets=("EU", "FR", "GB", "AE", "GCC", "SG", "TH", "HK", "US", "KR"),
        certifications=(("EU-CPNP", 0.5, ("EU", "FR")), ("HALAL", 0.35, ("AE", "GCC")),
                        ("REACH", 0.2, ("EU", "FR")), ("ISO9001", 0.2, ())),
        customers=("国内のドラッグストアや百貨店", "drugstores and department stores in Japan"),
    ),
    "machinery": SectorProfile(
        share=10,
        lines=(
            BusinessLine(M, ("niigata", "gifu", "aichi", "osaka", "hyogo"),
                         (("工具", "Tools"), ("ツール", "Tool")),
                         (("超硬エンドミル", "carbide end mills", "8207"),
                          ("精密ドリル", "micro drills", "8207"),
                          ("ツールホルダー", "tool holders", "8466"))),
            BusinessLine(M, ("niigata", "nagano", "aichi", "shizuoka", "yamagata", "toyama"),
                         (("機械", "Machinery"), ("精機", "Seiki"), ("鉄工所", "Iron Works")),
                         (("小型マシニングセンタ", "compact machining centres", "8457"),
                          ("CNC自動旋盤", "CNC Swiss-type lathes", "8458"),
                          ("油圧チャック", "hydraulic chucks", "8466"))),
            BusinessLine(M, ("niigata", "nagano", "tokyo", "saitama", "fukushima"),
                         (("精工", "Precision Works"), ("製作所", "Works")),
                         (("医療機器用の精密切削部品",
                          "precision-machined parts for medical devices",
                           "9018"),
                          ("チタン製インプラント部品", "titanium implant components", "9021"),
                          ("精密プレス部品", "precision stampings", "73")), weight=2),
        ),
        strengths=(
            ("ミクロン単位の加工精度と短納期が強みです",
             "its strengths are micron-level accuracy and short lead times"),
            ("試作1個から量産まで一貫して対応しています",
             "it takes work from a single prototype to volume production"),
        ),
        markets=("DE", "EU", "US", "IT", "CH", "CN", "KR", "MX", "ASEAN"),
        certifications=(("ISO9001", 0.7, ()), ("ISO13485", 0.3, ()),
                        ("ISO14001", 0.3, ("EU", "DE", "IT", "CH")), ("CE", 0.3, ("EU", "DE")),
                        ("KC", 0.3, ("KR",)), ("CCC", 0.3, ("CN",))),
        customers=("国内の自動車・医療機器メーカー",
         "carmakers and medical device makers in Japan"),
    ),
}

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
    "name_ja": "株式会社越後精密", "name_en": "Echigo Precision Co., Ltd.", "prefecture": "niigata",
    "place": ("越後", "Echigo"), "line": 0, "employees": 85, "capital_yen": 50_000_000,
    "export_experience": ExportExperience.NONE,
}

EXPORT_SENTENCES = {
    ExportExperience.NONE: ("海外への販売は今回が初めての挑戦です。",
     "This will be its first step abroad."),
    ExportExperience.INDIRECT: ("商社を通じて{markets}へ輸出しています。",
                                "It exports to {markets} through trading companies."),
    ExportExperience.DIRECT: ("{markets}の代理店と直接取引しています。",
                              "It sells directly to distributors in {markets}."),
    ExportExperience.OVERSEAS_BASE: ("{markets}に販売拠点を置いています。",
                                     "It runs a sales office in {markets}."),
}


# --- Foreign buyers ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CountryPlan:
    group: str  # which word list names its companies
    bases: tuple[str, ...]  # surnames or brand stems
    suffixes: tuple[str, ...]
    cities: tuple[str, ...]
    languages: tuple[str, ...]
    pattern: str = "{base} {word} {suffix}"


_DE = ("Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Koch", "Bauer", "Richter",
       "Klein", "Wolf", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Brandt")
_FR = ("Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Lefèvre", "Garnier", "Fontaine",
       "Rousseau", "Chevalier", "Girard", "Bonnet", "Mercier", "Blanc", "Faure")
_EN = ("Harper", "Whitfield", "Clarke", "Bennett", "Foster", "Hughes", "Carter", "Mitchell",
       "Turner", "Reed", "Sterling", "Hayes", "Brooks", "Palmer", "Wallace", "Summit", "Northgate",
       "Bluewater", "Meridian", "Keystone", "Evergreen", "Crescent", "Atlas", "Pinnacle")
_AR = ("Al Noor", "Al Safa", "Al Faisal", "Al Zahra", "Gulf Horizon", "Al Madina", "Al Rashid",
       "Dar Al Shifa", "Al Jazira", "Al Waha", "Al Baraka", "Al Hikma", "Desert Rose", "Al Mansour",
       "Bin Hamad", "Al Qasr")

COUNTRIES = {
    "DE": CountryPlan("de", _DE, ("GmbH", "GmbH & Co. KG", "AG"),
                      ("Düsseldorf", "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main",
                       "Stuttgart", "Leipzig"), ("de",)),
    "AT": CountryPlan("de", _DE, ("GmbH", "Handels GmbH"), ("Wien", "Graz", "Linz", "Salzburg"),
                      ("de",)),
    "CH": CountryPlan("de", (*_DE, "Keller", "Meier", "Brunner"), ("AG", "GmbH", "SA"),
                      ("Zürich", "Basel", "Genève", "Bern", "Lausanne"), ("de", "fr")),
    "FR": CountryPlan("fr", _FR, ("S.A.S.", "SARL", "S.A."),
                      ("Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Strasbourg"),
                      ("fr",), "{word} {base} {suffix}"),
    "BE": CountryPlan("fr", (*_FR, "Peeters", "Janssens", "Maes"), ("SRL", "SA", "BV"),
                      ("Bruxelles", "Antwerpen", "Gent", "Liège"), ("fr", "nl"),
                      "{word} {base} {suffix}"),
    "IT": CountryPlan("it", ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
                             "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti"),
                      ("S.r.l.", "S.p.A."), ("Milano", "Roma", "Torino", "Bologna", "Firenze"),
                      ("it",), "{word} {base} {suffix}"),
    "ES": CountryPlan("es", ("García", "Fernández", "González", "Rodríguez", "López", "Martínez",
                             "Sánchez", "Navarro", "Torres", "Ruiz"), ("S.L.", "S.A."),
                      ("Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"), ("es",),
                      "{word} {base} {suffix}"),
    "NL": CountryPlan("nl", ("de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit",
                             "Meijer", "de Boer", "Mulder"), ("B.V.",),
                      ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag"), ("nl",)),
    "PL": CountryPlan("en", ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński",
     "Lewandowski"),
                      ("Sp. z o.o.",), ("Warszawa", "Kraków", "Poznań", "Wrocław"), ("pl",)),
    "CZ": CountryPlan("en", ("Novák", "Svoboda", "Dvořák", "Černý"), ("s.r.o.",),
                      ("Praha", "Brno"), ("cs",)),
    "SE": CountryPlan("nordic", ("Lindqvist", "Johansson", "Andersson", "Nilsson", "Berg"), ("AB",),
                      ("Stockholm", "Göteborg", "Malmö"), ("sv",)),
    "DK": CountryPlan("nordic", ("Nielsen", "Jensen", "Hansen", "Larsen", "Sørensen"),
                      ("A/S", "ApS"), ("København", "Aarhus", "Odense"), ("da",)),
    "PT": CountryPlan("es", ("Silva", "Santos", "Oliveira", "Costa", "Ferreira"), ("Lda.", "S.A."),
                      ("Lisboa", "Porto"), ("pt",), "{word} {base} {suffix}"),
    "GB": CountryPlan("en", _EN, ("Ltd", "Limited"),
                      ("London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol"), ()),
    "IE": CountryPlan("en", _EN, ("Ltd",), ("Dublin", "Cork", "Galway"), ()),
    "US": CountryPlan("en", _EN, ("Inc.", "LLC", "Corp."),
                      ("Chicago", "Boston", "San Diego", "New York", "San Francisco", "Houston",
                       "Seattle", "Los Angeles", "Minneapolis", "Raleigh"), ()),
    "CA": CountryPlan("en", _EN, ("Inc.", "Ltd."), ("Toronto", "Vancouver", "Montréal"), ("fr",)),
    "MX": CountryPlan("es", ("García", "Hernández", "López", "Martínez", "Ramírez", "Flores"),
                      ("S.A. de C.V.",), ("Ciudad de México", "Monterrey", "Guadalajara"), ("es",),
                      "{word} {base} {suffix}"),
    "AU": CountryPlan("en", _EN, ("Pty Ltd",), ("Sydney", "Melbourne", "Brisbane", "Perth"), ()),
    "IN": CountryPlan("en", ("Sharma", "Patel", "Mehta", "Iyer", "Reddy", "Gupta", "Kapoor"),
                      ("Pvt. Ltd.",), ("Mumbai", "New Delhi", "Bengaluru", "Chennai"), ("hi",)),
    "IL": CountryPlan("en", ("Galil", "Negev", "Carmel", "Tamar", "Arava"), ("Ltd.",),
                      ("Tel Aviv", "Haifa", "Rehovot"), ("he",)),
    "TR": CountryPlan("en", ("Anadolu", "Boğaziçi", "Ege", "Marmara", "Yıldız"), ("A.Ş.",
     "Ltd. Şti."),
                      ("İstanbul", "Ankara", "İzmir"), ("tr",)),
    "AE": CountryPlan("ar", _AR, ("LLC", "FZCO", "FZE", "Trading LLC"),
                      ("Dubai", "Abu Dhabi", "Sharjah"), ("ar",)),
    "SA": CountryPlan("ar", _AR, ("Co.", "Est.", "Trading Co."), ("Riyadh", "Jeddah", "Dammam"),
                      ("ar",)),
    "QA": CountryPlan("ar", _AR, ("W.L.L.",), ("Doha",), ("ar",)),
    "KW": CountryPlan("ar", _AR, ("Co. W.L.L.",), ("Kuwait City",), ("ar",)),
    "OM": CountryPlan("ar", _AR, ("LLC", "SAOC"), ("Muscat",), ("ar",)),
    "BH": CountryPlan("ar", _AR, ("W.L.L.",), ("Manama",), ("ar",)),
    "EG": CountryPlan("ar", (*_AR, "Nile Delta", "Misr"), ("S.A.E.", "LLC"),
                      ("Cairo", "Alexandria"), ("ar",)),
    "JO": CountryPlan("ar", _AR, ("Co.",), ("Amman",), ("ar",)),
    "HK": CountryPlan("zh", ("Wing Hing", "Tak Shing", "Kam Fung", "Lee Kee", "Po Shing",
                             "Fook Lam", "Hong Fat", "Kowloon", "Victoria Harbour",
                              "Golden Bauhinia",
                             "Chung Wah", "Sun Tai"), ("Ltd.", "Co., Ltd.", "(HK) Ltd."),
                      ("Hong Kong", "Kowloon", "Kwai Chung", "Tsuen Wan"), ("zh",)),
    "CN": CountryPlan("zh", ("Shanghai Jinhao", "Guangzhou Huayi", "Shenzhen Tianrui",
                             "Beijing Hengtai", "Hangzhou Lüyuan", "Xiamen Haixin",
                              "Chengdu Jiahe"),
                      ("Co., Ltd.", "Trading Co., Ltd."),
                      ("Shanghai", "Guangzhou", "Shenzhen", "Beijing", "Hangzhou"), ("zh",)),
    "TW": CountryPlan("zh", ("Yuanfeng", "Hsinhe", "Formosa", "Hongyi", "Jinda", "Taiyang"),
                      ("Co., Ltd.", "Corp."), ("Taipei", "Kaohsiung", "Taichung"), ("zh",)),
    "KR": CountryPlan("en", ("Hanil", "Daehan", "Samwon", "Mirae", "Daesung", "Hanbit", "Sejong",
                             "Jinwoo"), ("Co., Ltd.", "Inc."), ("Seoul", "Busan", "Incheon"),
                      ("ko",)),
    "SG": CountryPlan("en", ("Lion City", "Merlion", "Orchid", "Straits", "Kallang", "Tanjong"),
                      ("Pte. Ltd.",), ("Singapore",), ("zh", "ms")),
    "MY": CountryPlan("en", ("Segar Jaya", "Mega Makmur", "Harmoni", "Bintang Timur", "Sri Murni"),
                      ("Sdn. Bhd.",), ("Kuala Lumpur", "Penang", "Johor Bahru"), ("ms", "zh")),
    "TH": CountryPlan("en", ("Siam", "Chao Phraya", "Rattana", "Thai Sun", "Lanna", "Sukhothai"),
                      ("Co., Ltd.",), ("Bangkok", "Chiang Mai"), ("th",)),
    "VN": CountryPlan("en", ("Minh Phat", "Hoang Long", "Viet Tin", "Sai Gon", "An Phu",
     "Thanh Dat"),
                      ("JSC", "Co., Ltd."), ("Ho Chi Minh City", "Hanoi", "Da Nang"), ("vi",)),
    "ID": CountryPlan("en", ("Sumber Segar", "Mitra Jaya", "Cahaya Abadi", "Sinar Makmur",
                             "Bumi Nusantara"), ("",), ("Jakarta", "Surabaya"), ("id",),
                      "PT {base} {word}"),
    "PH": CountryPlan("en", ("Manila Bay", "Luzon", "Mabuhay", "Visayas"), ("Inc.", "Corp."),
                      ("Manila", "Cebu"), ("tl",)),
}

# Company-name words by naming group and buyer focus; missing groups fall back to English.
NAME_WORDS = {
    "en": {"medical": ("Medical Supply", "Surgical", "Healthcare", "MedTech", "Medical"),
           "biotech": ("Biosciences", "Life Sciences", "Therapeutics", "Scientific", "Bio"),
           "craft": ("Home", "Living", "Interiors", "Design", "Tableware"),
           "fruit": ("Fresh", "Produce", "Fruit Trading", "Fruits"),
           "food": ("Foods", "Fine Foods", "Food Imports", "Gourmet"),
           "cosmetics": ("Beauty", "Skincare", "Cosmetics"),
           "machinery": ("Tooling", "Industrial Supply", "Machine Tools", "Precision")},
    "de": {"medical": ("Medizintechnik", "Klinikbedarf", "Praxisbedarf", "Medical"),
           "biotech": ("Laborbedarf", "Biotech", "Life Science"),
           "craft": ("Wohnkultur", "Tischkultur", "Interior", "Design"),
           "fruit": ("Fruchthandel", "Frischdienst"), "food": ("Feinkost", "Food Import"),
           "cosmetics": ("Kosmetik", "Beauty"),
           "machinery": ("Werkzeugtechnik", "Maschinenhandel", "Präzisionstechnik")},
    "fr": {"medical": ("Médical", "Santé Distribution", "Matériel Médical"),
           "biotech": ("Laboratoires", "Biotech"),
           "craft": ("Maison", "Art de la Table", "Déco", "Intérieurs"),
           "fruit": ("Primeurs", "Fruits"), "food": ("Épicerie Fine", "Saveurs"),
           "cosmetics": ("Beauté", "Cosmétiques"), "machinery": ("Outillage", "Industrie")},
    "it": {"medical": ("Medicale", "Forniture Ospedaliere"), "biotech": ("Scientifica",),
           "craft": ("Casa", "Design", "Arredamenti"), "food": ("Alimentari",),
           "cosmetics": ("Cosmetici", "Bellezza"), "machinery": ("Utensili", "Meccanica")},
    "es": {"medical": ("Médica", "Suministros Hospitalarios"),
           "biotech": ("Biociencias", "Laboratorios"), "craft": ("Hogar", "Diseño"),
           "food": ("Alimentos",), "cosmetics": ("Cosmética",),
           "machinery": ("Herramientas", "Maquinaria")},
    "nl": {"medical": ("Medical", "Zorgtechniek"), "craft": ("Wonen", "Interieur", "Design"),
           "fruit": ("Fruit", "Versgroep"), "food": ("Delicatessen",)},
    "nordic": {"craft": ("Design", "Interiör", "Home"), "medical": ("Medical", "Medicinteknik")},
    "ar": {"medical": ("Medical Equipment", "Healthcare", "Medical Supplies"),
           "biotech": ("Scientific", "Laboratory Supplies"),
           "craft": ("Home Décor", "Furniture"), "fruit": ("Fruits & Vegetables", "Foodstuff"),
           "food": ("Foodstuff Trading", "General Trading"),
           "cosmetics": ("Perfumes & Cosmetics", "Cosmetics")},
    "zh": {"fruit": ("Fruit Trading", "Fresh Produce", "Fruits"), "food": ("Food Trading", "Foods"),
           "medical": ("Medical", "Healthcare"), "cosmetics": ("Cosmetics",), "craft": ("Home",)},
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

FOCI = {
    "medical": BuyerFocus(
        30,
        {"DE": 14, "NL": 4, "FR": 4, "IT": 4, "ES": 3, "AT": 3, "CH": 3, "PL": 3, "BE": 2, "SE": 2,
         "DK": 1, "GB": 4, "AE": 10, "SA": 8, "QA": 3, "KW": 3, "OM": 2, "BH": 1, "EG": 3, "JO": 1,
         "IN": 3, "TR": 2, "US": 3},
        {BuyerType.DISTRIBUTOR: 6, BuyerType.IMPORTER: 3, BuyerType.WHOLESALER: 1,
         BuyerType.OEM: 1, BuyerType.AGENT: 1},
        (("9018", "surgical instruments", "chirurgische Instrumente", "instruments chirurgicaux",
          "手术器械"),
         ("9018", "endoscopy accessories", "Endoskopie-Zubehör", "accessoires d'endoscopie",
          "内窥镜配件"),
         ("9022", "diagnostic imaging equipment", "bildgebende Diagnostik",
          "équipements d'imagerie médicale", "医学影像设备"),
         ("9021", "orthopaedic implants", "orthopädische Implantate", "implants orthopédiques",
          "骨科植入物"),
         ("9019", "respiratory therapy devices", "Geräte für die Atemtherapie",
          "dispositifs de thérapie respiratoire", "呼吸治疗设备"),
         ("9018", "dental instruments", "Dentalinstrumente", "instruments dentaires", "牙科器械")),
        ("hospitals and clinics", "Kliniken und Praxen", "les hôpitaux et cliniques", "医院和诊所"),
        {"CE-MDR": (*EU_CODES, "CH"), "FDA-510K": ("US",), "SFDA-MDMA": ("SA",),
         "ISO13485": ("DE", "NL", "GB", "AE", "IN")},
    ),
    "biotech": BuyerFocus(
        15,
        {"US": 30, "CA": 5, "MX": 2, "GB": 5, "CH": 4, "DE": 4, "KR": 4, "SG": 3, "IL": 2, "IE": 2,
         "IN": 2, "AU": 2},
        {BuyerType.DISTRIBUTOR: 3, BuyerType.OEM: 2, BuyerType.IMPORTER: 1, BuyerType.AGENT: 1,
         BuyerType.ECOMMERCE: 1},
        (("3821", "cell culture media", "Zellkulturmedien", "milieux de culture cellulaire",
          "细胞培养基"),
         ("3002", "research antibodies", "Forschungsantikörper", "anticorps de recherche",
          "科研抗体"),
         ("3004", "contract manufacturing of drug products", "Lohnherstellung von Arzneimitteln",
          "fabrication de médicaments à façon", "药品委托生产"),
         ("8479", "laboratory automation", "Laborautomation", "automatisation de laboratoire",
          "实验室自动化设备"),
         ("9027", "analytical instruments", "Analysengeräte", "instruments d'analyse", "分析仪器")),
        ("research labs and biopharma companies", "Forschungslabore und Biopharma-Unternehmen",
         "les laboratoires de recherche et la biopharmacie", "科研实验室和生物制药企业"),
        {"GMP": ("US", "GB", "CH", "DE", "IE"), "CE-IVDR": ("DE", "IE")},
    ),
    "craft": BuyerFocus(
        20,
        {"FR": 20, "BE": 5, "IT": 6, "ES": 5, "DE": 6, "NL": 5, "GB": 6, "CH": 3, "US": 5, "KR": 2,
         "AE": 2, "SE": 3, "DK": 3, "PT": 2, "AU": 2},
        {BuyerType.RETAILER: 4, BuyerType.DISTRIBUTOR: 2, BuyerType.ECOMMERCE: 2,
         BuyerType.IMPORTER: 2, BuyerType.AGENT: 1},
        (("6911", "porcelain tableware", "Porzellangeschirr", "vaisselle en porcelaine",
         "瓷器餐具"),
         ("7013", "handmade glassware", "mundgeblasene Glaswaren", "verrerie artisanale",
          "手工玻璃器皿"),
         ("4419", "lacquerware and wooden kitchenware", "Lackwaren und Küchenhelfer aus Holz",
          "laques et ustensiles en bois", "漆器和木制厨具"),
         ("8211", "Japanese kitchen knives", "japanische Küchenmesser",
          "couteaux de cuisine japonais",
          "日本厨刀"),
         ("6302", "towels and home textiles", "Handtücher und Heimtextilien",
          "serviettes et linge de maison", "毛巾和家纺"),
         ("9403", "solid-wood furniture", "Massivholzmöbel", "mobilier en bois massif", "实木家具"),
         ("9405", "washi lighting", "Washi-Leuchten", "luminaires en papier washi", "和纸灯具")),
        ("our concept stores and online shop", "unsere Concept Stores und den Onlineshop",
         "nos concept stores et notre boutique en ligne", "我们的概念店和网店"),
        {"EU-FCM": ("FR", "DE", "IT", "BE", "NL", "ES"), "FSC": ("SE", "DK", "NL")},
    ),
    "fruit": BuyerFocus(
        15,
        {"HK": 25, "CN": 8, "TW": 8, "SG": 8, "MY": 6, "TH": 8, "VN": 6, "ID": 5, "PH": 3, "AE": 4,
         "AU": 2, "KR": 2},
        {BuyerType.IMPORTER: 5, BuyerType.WHOLESALER: 3, BuyerType.RETAILER: 2,
         BuyerType.ECOMMERCE: 1},
        (("0808", "apples and nashi pears", "Äpfel und Nashi-Birnen", "pommes et nashis",
          "苹果和梨"),
         ("0806", "Shine Muscat grapes", "Shine-Muscat-Trauben", "raisins Shine Muscat",
          "阳光玫瑰葡萄"),
         ("0810", "strawberries", "Erdbeeren", "fraises", "草莓"),
         ("0805", "citrus fruit", "Zitrusfrüchte", "agrumes", "柑橘"),
         ("0714", "sweet potatoes", "Süßkartoffeln", "patates douces", "番薯"),
         ("0809", "peaches", "Pfirsiche", "pêches", "桃")),
        ("supermarkets and fruit shops", "Supermärkte und Obstläden",
         "les supermarchés et primeurs", "超市和水果店"),
        {"HK-FOOD": ("HK",), "HALAL": ("AE", "MY", "ID"), "HACCP": ("SG", "AE")},
    ),
    "food": BuyerFocus(
        8,
        {"HK": 10, "SG": 8, "TW": 5, "AE": 5, "US": 6, "FR": 3, "DE": 3, "GB": 4, "AU": 3, "TH": 3,
         "MY": 3},
        {BuyerType.IMPORTER: 4, BuyerType.DISTRIBUTOR: 3, BuyerType.RETAILER: 1,
         BuyerType.ECOMMERCE: 1},
        (("2206", "sake", "Sake", "saké", "日本清酒"),
         ("2103", "soy sauce and seasonings", "Sojasauce und Würzmittel",
          "sauce soja et condiments", "酱油和调味料"),
         ("0902", "matcha and green tea", "Matcha und Grüntee", "matcha et thé vert", "抹茶和绿茶"),
         ("1704", "Japanese confectionery", "japanische Süßwaren", "confiseries japonaises",
          "日式糖果点心"),
         ("0307", "frozen scallops", "TK-Jakobsmuscheln", "noix de Saint-Jacques surgelées",
          "冷冻扇贝")),
        ("restaurants and delicatessens", "Restaurants und Feinkostläden",
         "les restaurants et épiceries fines", "餐厅和高端食品店"),
        {"HALAL": ("AE", "MY"), "HK-FOOD": ("HK",), "FDA-FFR": ("US",), "HACCP": ("FR", "DE", "SG"),
         "BRCGS": ("GB",)},
    ),
    "cosmetics": BuyerFocus(
        7,
        {"FR": 6, "DE": 3, "IT": 2, "GB": 3, "AE": 4, "SA": 2, "SG": 3, "TH": 3, "HK": 3, "US": 3,
         "KR": 2, "PL": 2},
        {BuyerType.DISTRIBUTOR: 3, BuyerType.RETAILER: 2, BuyerType.ECOMMERCE: 2,
         BuyerType.IMPORTER: 1},
        (("3304", "natural skincare", "Naturkosmetik", "soins naturels pour la peau", "天然护肤品"),
         ("3305", "hair care", "Haarpflege", "soins capillaires", "护发产品"),
         ("9603", "make-up brushes", "Make-up-Pinsel", "pinceaux de maquillage", "化妆刷")),
        ("beauty retailers and spas", "Parfümerien und Spas", "les parfumeries et spas",
         "美妆零售店和水疗中心"),
        {"EU-CPNP": ("FR", "DE", "IT", "PL"), "HALAL": ("AE", "SA")},
    ),
    "machinery": BuyerFocus(
        5,
        {"DE": 8, "IT": 3, "CH": 3, "NL": 2, "PL": 2, "CZ": 2, "US": 3, "MX": 2, "TR": 2},
        {BuyerType.OEM: 3, BuyerType.DISTRIBUTOR: 2, BuyerType.AGENT: 1},
        (("8207", "carbide cutting tools", "Hartmetall-Zerspanungswerkzeuge",
          "outils de coupe en carbure", "硬质合金刀具"),
         ("9018", "precision-machined parts for medical devices",
          "präzisionsgefertigte Teile für Medizinprodukte",
          "pièces usinées de précision pour dispositifs médicaux", "医疗器械精密加工零件"),
         ("8458", "CNC lathes", "CNC-Drehmaschinen", "tours CNC", "数控车床")),
        ("our production lines", "unsere Fertigung", "nos lignes de production", "我们的生产线"),
        {"ISO9001": ("DE", "IT", "CH", "NL", "US"), "ISO13485": ("DE", "CH")},
    ),
}

# Which pavilions a buyer with a given focus visits, by where the buyer sits.
MEDICA_COUNTRIES = set(EU_CODES) | {"CH", "GB", "US"}
ORDER_SIZES = {OrderSize.SMALL: 2, OrderSize.MEDIUM: 4, OrderSize.LARGE: 3, OrderSize.VERY_LARGE: 1}

SOURCING_TEMPLATES = {
    "en": ("We are {type} in {city} supplying {channel}. We are looking for Japanese suppliers "
           "of {first} and {second}.", " Required: {certs}.", " Typical first order: {order}."),
    "de": ("Wir sind ein {type} aus {city} und beliefern {channel}. Wir suchen japanische "
           "Lieferanten von {first} und {second}.", " Voraussetzung: {certs}.",
           " Typische Erstbestellung: {order}."),
    "fr": ("Nous sommes un {type} basé à {city} et fournissons {channel}. Nous recherchons des "
           "fournisseurs japonais {first} et {second}.", " Certification exigée : {certs}.",
           " Première commande type : {order}."),
    "zh": ("我们是位于{city}的{type}，客户为{channel}。我们正在寻找{first}和{second}的日本供应商。",
           "产品须具备：{certs}。", "首单规模：{order}。"),
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
    OrderSize.SMALL: ("under USD 10,000", "unter 10.000 USD", "moins de 10 000 USD",
                      "1万美元以下"),
    OrderSize.MEDIUM: ("USD 10,000-100,000", "10.000-100.000 USD", "10 000 à 100 000 USD",
                       "1万至10万美元"),
    OrderSize.LARGE: ("USD 100,000-1 million", "100.000 USD bis 1 Mio. USD",
                      "100 000 USD à 1 million USD", "10万至100万美元"),
    OrderSize.VERY_LARGE: ("over USD 1 million", "über 1 Mio. USD", "plus d'un million USD",
                           "100万美元以上"),
}
TEXT_LANGUAGES = ("en", "de", "fr", "zh")

INTERPRETERS = {
    # Japanese interpreters work from Japanese into English and often one more language.
    "ja": (("Haruka Sato", "佐藤 遥"), ("Kenta Suzuki", "鈴木 健太"), ("Mai Takahashi", "高橋 舞"),
           ("Yui Watanabe", "渡辺 結衣"), ("Daisuke Ito", "伊藤 大輔"), ("Aya Nakamura", "中村 彩"),
           ("Ren Kobayashi", "小林 蓮"), ("Misaki Kato", "加藤 美咲")),
    "de": (("Lena Hoffmann", ""), ("Jonas Becker", ""), ("Sophie Wagner", ""),
           ("Felix Schmitt", "")),
    "fr": (("Camille Dubois", ""), ("Hugo Lefèvre", ""), ("Léa Moreau", ""), ("Julien Petit", "")),
    "ar": (("Layla Haddad", ""), ("Omar Khalil", ""), ("Nour Al Hashimi", "")),
    "zh": (("Chan Wai-man", "陳偉文"), ("Wong Ka-yan", "黃嘉欣")),
    "en": (("Emily Carter", ""), ("Daniel Brooks", "")),
}


# --- Generation: pure functions of the seed and the scale ----------------------------------------

KANSAI = {"kyoto", "osaka", "hyogo", "shiga", "nara", "wakayama"}
FOUNDED = {"medical": (1948, 2016), "biotech": (1985, 2019), "craft": (1880, 2015),
           "food": (1720, 1990), "fruit": (1950, 2018), "cosmetics": (1935, 2017),
           "machinery": (1938, 2010)}
VERBS = {  # what the firm does with its products, by industry class (Japanese, English)
    M: ("製造しています", "makes"), W: ("取り扱っています", "trades in"),
    S: ("企画・デザインしています", "designs"), R: ("販売しています", "sells"),
}
FARM_VERB = ("生産しています", "grows")
EXPORT_WEIGHTS = {ExportExperience.NONE: 35, ExportExperience.INDIRECT: 30,
                  ExportExperience.DIRECT: 25, ExportExperience.OVERSEAS_BASE: 10}
ENGLISH_SHARE = {ExportExperience.NONE: 0.15, ExportExperience.INDIRECT: 0.35,
                 ExportExperience.DIRECT: 0.75, ExportExperience.OVERSEAS_BASE: 0.95}
THIRD_LANGUAGES = ("zh", "ko", "de", "fr", "th", "es")
APPLICATION_MESSAGES = (
    "", "", "初めての海外展示会への出展を検討しています。よろしくお願いいたします。",
    "We would like to meet distributors in Europe and the Middle East.",
    "昨年の商談会で得た引き合いをもとに、新製品を出展したいと考えています。",
)


def _rng(stream: str) -> random.Random:
    # One independent stream per kind of row, so adding rows of one kind (a larger scale) leaves
    # the rows of every other kind exactly as they were.
    return random.Random(f"{SEED}:{stream}")


def _pick(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _slug(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text).replace("-", "")[:40] or "company"


@dataclass
class SMEPlan:
    sector: str
    name_ja: str
    name_en: str
    prefecture: str
    industry_class: str
    employees: int
    capital_yen: int
    export_experience: str
    founded: int
    line: BusinessLine
    place: tuple[str, str]
    products: list[tuple[str, str, str]]
    markets: list[str]
    languages: list[str]
    certifications: list[str]
    sectors: list[str]
    strength: tuple[str, str]
    pavilions: dict[str, float] = field(default_factory=dict)  # key -> moment in the window
    message: str = ""
    buyer_types_served: list[str] = field(default_factory=list)
    order_sizes_served: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return sme_eligibility(industry_class=self.industry_class, capital_yen=self.capital_yen,
                               employees=self.employees).eligible


def _figures(rng: random.Random, industry_class: str) -> tuple[int, int]:
    if industry_class == M:
        employees = rng.choice((rng.randint(6, 50), rng.randint(6, 50), rng.randint(51, 150),
                                rng.randint(151, 290)))
        capital = rng.choice((10, 20, 30, 50, 80, 100, 200, 300)) * 1_000_000
    elif industry_class == W:
        employees, capital = rng.randint(5, 95), rng.choice((10, 30, 50, 100)) * 1_000_000
    elif industry_class == S:
        employees, capital = rng.randint(3, 90), rng.choice((3, 10, 30, 50)) * 1_000_000
    else:
        employees, capital = rng.randint(3, 45), rng.choice((3, 10, 30, 50)) * 1_000_000
    return employees, capital


def sme_plans(*, scale: int) -> list[SMEPlan]:
    """Every SME of the demo at this scale, in a fixed order; the first ones never change."""
    taken: set[str] = set()
    plans = []
    for sector_key, profile in SECTORS.items():
        rng = _rng(f"sme:{sector_key}")
        for index in range(profile.share * scale):
            plans.append(_sme_plan(rng, sector_key, profile, index, taken))
    return plans


def _sme_plan(rng: random.Random, sector_key: str, profile: SectorProfile, index: int,
              taken: set[str]) -> SMEPlan:
    fixed = FIXED_FIGURES.get((sector_key, index))
    showcase = sector_key == "medical" and index == 0
    if showcase:
        line = profile.lines[SHOWCASE_SME["line"]]
    elif fixed:
        line = next(line for line in profile.lines if line.industry_class == fixed[0])
    else:
        line = rng.choices(profile.lines, weights=[line.weight for line in profile.lines])[0]
    for _attempt in range(60):
        # The first prefecture listed is where the trade clusters; it gets twice the weight.
        prefecture = rng.choice(line.prefectures + line.prefectures[:1])
        place = rng.choice(PLACES[prefecture]) if rng.random() < 0.75 else rng.choice(SURNAMES)
        word_ja, word_en = rng.choice(line.words)
        form_ja, form_en, _w = rng.choices(LEGAL_FORMS, weights=[f[2] for f in LEGAL_FORMS])[0]
        name_ja = form_ja.format(place[0] + word_ja)
        name_en = form_en.format(f"{place[1]} {word_en}")
        if showcase:
            prefecture, place = SHOWCASE_SME["prefecture"], SHOWCASE_SME["place"]
            name_ja, name_en = SHOWCASE_SME["name_ja"], SHOWCASE_SME["name_en"]
        if name_ja not in taken:
            break
    else:
        name_ja, name_en = f"{name_ja}（{index + 1}）", f"{name_en} ({index + 1})"
    taken.add(name_ja)

    industry_class = line.industry_class
    employees, capital = _figures(rng, industry_class)
    if fixed:
        industry_class, employees, capital = fixed
    export = _pick(rng, EXPORT_WEIGHTS)
    if showcase:
        employees, capital = SHOWCASE_SME["employees"], SHOWCASE_SME["capital_yen"]
        export = SHOWCASE_SME["export_experience"]
    products = rng.sample(line.products, k=min(len(line.products), rng.randint(2, 4)))
    markets = rng.sample(profile.markets, k=rng.randint(1, 4))
    languages = ["ja"]
    if rng.random() < ENGLISH_SHARE[export]:
        languages.append("en")
    if rng.random() < 0.08:
        languages.append(rng.choice(THIRD_LANGUAGES))
    certifications = []
    for code, probability, needs in profile.certifications:
        if needs and not set(needs) & set(markets):
            continue
        if rng.random() < probability * (0.35 if export == ExportExperience.NONE else 1.0):
            certifications.append(code)
    sectors = sorted({hs for _ja, _en, hs in products})
    if rng.random() < 0.3:
        sectors = sorted(set(sectors) | {products[0][2][:2]})
    plan = SMEPlan(
        sector=sector_key, name_ja=name_ja, name_en=name_en, prefecture=prefecture,
        industry_class=industry_class, employees=employees, capital_yen=capital,
        export_experience=export, founded=rng.randint(*FOUNDED[sector_key]), line=line,
        place=place, products=products, markets=markets, languages=languages,
        certifications=certifications, sectors=sectors, strength=rng.choice(profile.strengths),
        message=rng.choice(APPLICATION_MESSAGES),
    )
    plan.pavilions = _sme_pavilions(rng, plan)
    _served(plan)
    return plan


SERVED_TYPES = {
    "medical": (BuyerType.DISTRIBUTOR, BuyerType.IMPORTER, BuyerType.OEM),
    "biotech": (BuyerType.DISTRIBUTOR, BuyerType.OEM, BuyerType.AGENT),
    "craft": (BuyerType.RETAILER, BuyerType.DISTRIBUTOR, BuyerType.ECOMMERCE, BuyerType.IMPORTER),
    "food": (BuyerType.IMPORTER, BuyerType.DISTRIBUTOR, BuyerType.WHOLESALER),
    "fruit": (BuyerType.IMPORTER, BuyerType.WHOLESALER, BuyerType.RETAILER),
    "cosmetics": (BuyerType.DISTRIBUTOR, BuyerType.RETAILER, BuyerType.ECOMMERCE),
    "machinery": (BuyerType.OEM, BuyerType.DISTRIBUTOR, BuyerType.AGENT),
}


def _served(plan: SMEPlan) -> None:
    """Which buyers the SME can serve; most leave it open, small newcomers cap the order size."""
    # A stream of its own per SME, so these choices never shift the other SMEs' draws.
    rng = _rng(f"sme-served:{plan.name_ja}")
    if rng.random() < 0.4:
        types = SERVED_TYPES[plan.sector]
        plan.buyer_types_served = sorted(rng.sample(types, k=rng.randint(1, len(types) - 1)))
    if plan.export_experience == ExportExperience.NONE or plan.employees < 20:
        plan.order_sizes_served = [OrderSize.SMALL, OrderSize.MEDIUM]
    elif plan.export_experience == ExportExperience.INDIRECT and rng.random() < 0.5:
        plan.order_sizes_served = [OrderSize.SMALL, OrderSize.MEDIUM, OrderSize.LARGE]


def _sme_pavilions(rng: random.Random, plan: SMEPlan) -> dict[str, float]:
    """Which pavilions the SME applies to, each with how far into the window it applies."""
    wanted: list[tuple[str, float]] = []
    niigata = plan.prefecture == "niigata"
    kansai = plan.prefecture in KANSAI
    codes = set(plan.sectors)
    if plan.sector == "medical":
        wanted += [("medica-niigata" if niigata else "medica-jetro", 0.8 if niigata else 0.7),
                   ("arabhealth-jetro", 0.45)]
    elif plan.sector == "biotech":
        wanted += [("bio-jetro", 0.75), ("medica-jetro", 0.2)]
    elif plan.sector in ("craft", "cosmetics"):
        wanted.append(("maison-kansai" if kansai else "maison-jetro",
                       0.75 if plan.sector == "craft" else 0.6))
    elif plan.sector == "fruit":
        wanted.append(("afl-jetro", 0.85))
    elif plan.sector == "food" and codes & {"2008", "2009", "0805"}:
        wanted.append(("afl-jetro", 0.6))
    elif plan.sector == "machinery":
        wanted.append(("medica-niigata" if niigata else "medica-jetro", 0.8 if niigata else 0.55))
    # Draw for every candidate, even an ineligible SME's, so later SMEs do not depend on it.
    chosen = {key: rng.random() for key, chance in wanted if rng.random() < chance}
    return chosen if plan.eligible else {}


SHORT_REGION_NAMES = {"EU": ("EU", "the EU"), "ASEAN": ("ASEAN", "ASEAN"),
                      "GCC": ("GCC", "the GCC"), "USMCA": ("北米", "North America")}
WITH_ARTICLE = {"US", "GB", "NL", "PH", "AE", "CZ"}


def _short_market_name(code: str, market_names: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """How a market reads inside a sentence: ASEAN rather than its full name, the US, ..."""
    if code in SHORT_REGION_NAMES:
        return SHORT_REGION_NAMES[code]
    name_ja, name_en = market_names[code]
    return name_ja.split("（")[0], f"the {name_en}" if code in WITH_ARTICLE else name_en


def _sme_texts(plan: SMEPlan, market_names: dict[str, tuple[str, str]]) -> dict[str, str]:
    profile = SECTORS[plan.sector]
    place_ja, place_en = plan.place
    pref_ja, pref_en = PREFECTURE_JA[plan.prefecture], plan.prefecture.title()
    if plan.prefecture not in ("tokyo", "hokkaido"):  # Tokyo-to and Hokkaido are not "ken"
        pref_en += " Prefecture"
    verb_ja, verb_en = VERBS[plan.industry_class]
    if plan.sector == "fruit" and plan.industry_class == M:
        verb_ja, verb_en = FARM_VERB
    first, second = plan.products[0], plan.products[1]
    strength_ja = plan.strength[0].format(place=place_ja)
    strength_en = plan.strength[1].format(place=place_en)
    names = [_short_market_name(code, market_names) for code in plan.markets[:2]]
    export_ja, export_en = EXPORT_SENTENCES[plan.export_experience]
    export_ja = export_ja.format(markets="・".join(ja for ja, _en in names))
    export_en = export_en.format(markets=" and ".join(en for _ja, en in names))
    company = plan.name_en.removesuffix(" Co., Ltd.").removesuffix(" Corporation")
    company = company.removesuffix(" Ltd.")
    return {
        "description_ja": (
            f"{plan.founded}年に{pref_ja}で創業。{first[0]}や{second[0]}を{verb_ja}。"
            f"{strength_ja}。{profile.customers[0]}に納入してきました。{export_ja}"
        ),
        "description_en": (
            f"Founded in {plan.founded} in {pref_en}, {company} {verb_en} {first[1]} "
            f"and {second[1]}; {strength_en}. It supplies {profile.customers[1]}. {export_en}"
        ),
        "products_ja": "\n".join(f"・{ja}" for ja, _en, _hs in plan.products),
        "products_en": "\n".join(f"- {en[0].upper()}{en[1:]}" for _ja, en, _hs in plan.products),
    }


@dataclass
class BuyerPlan:
    focus: str
    name: str
    country: str
    city: str
    buyer_type: str
    order_size: str
    languages: list[str]
    sectors: list[str]
    certifications: list[str]
    sourcing_needs: str
    pavilions: dict[str, tuple[float, list[int]]]  # key -> (moment in window, day indexes)


def buyer_plans(*, scale: int) -> list[BuyerPlan]:
    """Every buyer of the demo at this scale, in a fixed order; the first ones never change."""
    rng = _rng("buyers")
    foci = {key: focus.share for key, focus in FOCI.items()}
    taken: set[tuple[str, str]] = set()
    plans = []
    for _index in range(BUYERS_PER_SCALE * scale):
        focus_key = _pick(rng, foci)
        focus = FOCI[focus_key]
        country = _pick(rng, focus.countries)
        plan = COUNTRIES[country]
        words = NAME_WORDS.get(plan.group, {}).get(focus_key) or NAME_WORDS["en"][focus_key]
        for attempt in range(40):
            base, word = rng.choice(plan.bases), rng.choice(words)
            suffix = rng.choice(plan.suffixes)
            if attempt >= 20:  # crowded: a second family name makes a partnership name
                base = f"{base} & {rng.choice(plan.bases)}"
            name = " ".join(plan.pattern.format(base=base, word=word, suffix=suffix).split())
            if (name, country) not in taken:
                break
        taken.add((name, country))
        city = rng.choice(plan.cities)
        buyer_type = _pick(rng, focus.types)
        order_size = _pick(rng, ORDER_SIZES)
        languages = list(plan.languages)
        if not languages or rng.random() < 0.85:
            languages.append("en")
        if rng.random() < 0.05:
            languages.append("ja")
        products = rng.sample(focus.products, k=min(len(focus.products), rng.randint(2, 3)))
        certifications = [code for code, where in focus.certifications.items()
                          if country in where and rng.random() < 0.8]
        text_language = "en"
        for language in ("de", "fr", "zh"):
            if language in plan.languages and rng.random() < 0.45:
                text_language = language
                break
        if text_language == "en" and "en" not in languages:
            languages.append("en")
        plans.append(BuyerPlan(
            focus=focus_key, name=name, country=country, city=city, buyer_type=buyer_type,
            order_size=order_size, languages=languages,
            sectors=sorted({p[0] for p in products}), certifications=certifications,
            sourcing_needs=_sourcing_needs(text_language, buyer_type, city, focus, products,
                                           certifications, order_size),
            pavilions=_buyer_pavilions(rng, focus_key, country),
        ))
    return plans


def _sourcing_needs(language, buyer_type, city, focus, products, certifications, order_size):
    column = TEXT_LANGUAGES.index(language)
    body, certs, order = SOURCING_TEMPLATES[language]
    kind, first, second = (TYPE_WORDS[buyer_type][column], products[0][column + 1],
                           products[1][column + 1])
    if language == "en":
        kind = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
    elif language == "fr":
        first, second = _french_de(first), _french_de(second)
    text = body.format(type=kind, city=city, channel=focus.channel[column], first=first,
                       second=second)
    if certifications:
        text += certs.format(certs=", ".join(certifications))
    return text + order.format(order=ORDER_WORDS[order_size][column])


def _french_de(noun: str) -> str:
    return f"d'{noun}" if noun[0].lower() in "aeiouéh" else f"de {noun}"


def _buyer_pavilions(rng: random.Random, focus: str, country: str) -> dict:
    keys: list[str] = []
    r = rng.random()
    if focus == "medical":
        if country in MEDICA_COUNTRIES:
            keys = ["medica-jetro"] + (["medica-niigata"] if r < 0.3 else [])
        else:
            keys = ["arabhealth-jetro"] + (["medica-jetro"] if r < 0.15 else [])
    elif focus == "biotech":
        keys = ["bio-jetro"] + (["medica-jetro"] if r < 0.1 and country in MEDICA_COUNTRIES
                                else [])
    elif focus == "craft":
        keys = ["maison-jetro"] if r < 0.6 else ["maison-kansai"] if r < 0.8 else [
            "maison-jetro", "maison-kansai"]
    elif focus == "cosmetics":
        keys = ["maison-jetro"] if r < 0.8 else ["maison-kansai"]
    elif focus == "fruit":
        keys = ["afl-jetro"]
    elif focus == "food":
        keys = ["afl-jetro"] if r < 0.6 else []
    elif focus == "machinery":
        keys = ["medica-jetro"] + (["medica-niigata"] if r < 0.3 else [])
    fairs = {plan.key: plan.fair for plan in PAVILIONS}
    result = {}
    for key in keys:
        fair = FAIRS[fairs[key]]
        length = (fair["ends_on"] - fair["starts_on"]).days + 1
        days = sorted(rng.sample(range(length), k=rng.randint(1, length)))
        result[key] = (rng.random(), days)
    return result


# --- Writing: create what is missing, leave what exists ------------------------------------------

def _links_add(field, pairs: list[tuple[int, int]]) -> int:
    """Insert many-to-many rows (owner id, target id) for owners that were just created."""
    through = field.remote_field.through
    owner, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{owner}_id": a, f"{target}_id": b}) for a, b in pairs])
    return len(pairs)


class _Passwords:
    """Hashes the demo password once, and only if a user has to be created."""

    def __init__(self) -> None:
        self._hash = None

    def __call__(self) -> str:
        # Every demo account shares one salted hash: hashing is deliberately slow, and these
        # accounts share one published password anyway.
        if self._hash is None:
            self._hash = make_password(DEMO_PASSWORD)
        return self._hash


def _user(username: str, passwords: _Passwords, counts: dict, **fields):
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model(username=username, email=f"{username}@demo.example", **fields)
        user.password = passwords()
        user.save()
        counts["users_created"] += 1
    return user


def _window(plan: PavilionPlan) -> tuple[datetime, datetime]:
    opens = datetime.combine(plan.opens, time(10, 0), tzinfo=JST)
    closes = datetime.combine(plan.closes, time(17, 0), tzinfo=JST)
    return opens, closes


def _moment(plan: PavilionPlan, share: float) -> datetime:
    """An instant in the application window, before DEMO_TODAY (``share`` from 0 to 1)."""
    opens, closes = _window(plan)
    end = min(closes, DEMO_TODAY) - timedelta(hours=1)
    if end <= opens:  # a window that opens after the demo day: anywhere inside it
        end = closes - timedelta(hours=1)
    return (opens + (end - opens) * share).astimezone(UTC).replace(microsecond=0)


def _organisers(counts: dict, passwords: _Passwords) -> dict[str, OrganisingOffice]:
    group = ensure_organiser_group()
    offices = {}
    for name_en, name_ja, kind, username in OFFICES:
        office = OrganisingOffice.objects.filter(name_en=name_en).first()
        if office is None:
            office = OrganisingOffice.objects.create(name_en=name_en, name_ja=name_ja, kind=kind)
            counts["offices_created"] += 1
        user = _user(username, passwords, counts, is_staff=True, first_name=name_en,
                     last_name="organiser")
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        if not office.members.filter(pk=user.pk).exists():
            office.members.add(user)
        offices[name_en] = office
    _user("admin", passwords, counts, is_staff=True, is_superuser=True)
    return offices


def _fairs_and_pavilions(counts: dict, offices: dict) -> dict[str, Pavilion]:
    countries = {m.code: m for m in Market.objects.filter(
        kind=MarketKind.COUNTRY, code__in={f["country"] for f in FAIRS.values()})}
    fairs = {}
    for key, data in FAIRS.items():
        fair = TradeFair.objects.filter(name=data["name"], starts_on=data["starts_on"]).first()
        if fair is None:
            fair = TradeFair.objects.create(**{**data, "country": countries[data["country"]]})
            counts["fairs_created"] += 1
        fairs[key] = fair
    pavilions = {}
    for plan in PAVILIONS:
        fair = fairs[plan.fair]
        pavilion = Pavilion.objects.filter(fair=fair, name_en=plan.name_en).first()
        if pavilion is None:
            opens, closes = _window(plan)
            pavilion = Pavilion.objects.create(
                fair=fair, name_en=plan.name_en, name_ja=plan.name_ja,
                organiser=offices[plan.office], booth_capacity=plan.capacity,
                application_opens_at=opens, application_closes_at=closes,
                first_timer_conditions_en=plan.conditions_en,
                first_timer_conditions_ja=plan.conditions_ja,
                first_timer_fee_discount_percent=plan.discount,
                meeting_day_starts=plan.day_starts, meeting_day_ends=plan.day_ends,
                slot_minutes=30,
            )
            counts["pavilions_created"] += 1
        pavilion.fair = fair
        if not pavilion.breaks.filter(starts_at=plan.lunch[0]).exists():
            TimetableBreak.objects.create(pavilion=pavilion, starts_at=plan.lunch[0],
                                          ends_at=plan.lunch[1], label="Lunch / 昼休憩")
            counts["breaks_created"] += 1
        counts["slots_created"] += meeting_slots_generate(pavilion=pavilion)["created"]
        pavilions[plan.key] = pavilion
    return pavilions


def _interpreters(counts: dict, pavilions: dict[str, Pavilion], languages: dict) -> None:
    existing = set(Interpreter.objects.filter(pavilion__in=pavilions.values())
                   .values_list("pavilion_id", "name"))
    # Pavilions at the same fair hire different people: one person cannot be in two places.
    hired: dict[str, set] = defaultdict(set)
    for plan in PAVILIONS:
        pavilion = pavilions[plan.key]
        rng = _rng(f"interpreters:{plan.key}")
        locals_ = [lang for lang in plan.interpreter_languages if lang != "en"] or ["en"]
        people = [("ja", person) for person in INTERPRETERS["ja"]
                  if person not in hired[plan.fair]]
        japanese = rng.sample(people, k=rng.randint(2, 4))
        local = [(lang, person) for lang in locals_ for person in INTERPRETERS[lang]
                 if person not in hired[plan.fair]]
        chosen = japanese + rng.sample(local, k=min(len(local), rng.randint(1, 2)))
        hired[plan.fair].update(person for _lang, person in chosen)
        slot_ids = list(pavilion.slots.order_by("starts_at").values_list("pk", flat=True))
        for native, (name_en, name_ja) in chosen:
            name = f"{name_en} ({name_ja})" if name_ja else name_en
            spoken = {"ja", native, "en"} if native != "ja" or rng.random() < 0.9 else {"ja"}
            if native == "ja" and rng.random() < 0.6:
                spoken.add(rng.choice(locals_))
            available = [pk for pk in slot_ids if rng.random() < 0.85]
            if (pavilion.pk, name) in existing:
                continue
            interpreter = Interpreter.objects.create(
                pavilion=pavilion, name=name, email=f"{_slug(name_en)}@interpreters.demo.example")
            _links_add(Interpreter._meta.get_field("languages"),
                       [(interpreter.pk, languages[code].pk) for code in sorted(spoken)])
            _links_add(Interpreter._meta.get_field("available_slots"),
                       [(interpreter.pk, pk) for pk in available])
            counts["interpreters_created"] += 1


def _smes(counts: dict, plans: list[SMEPlan], ref: dict) -> dict[str, SME]:
    existing = set(SME.objects.filter(name_ja__in=[p.name_ja for p in plans])
                   .values_list("name_ja", flat=True))
    new = [p for p in plans if p.name_ja not in existing]
    market_names = {code: (m.name_ja or m.name_en, m.name_en) for code, m in ref["markets"].items()}
    SME.objects.bulk_create([
        SME(name_ja=p.name_ja, name_en=p.name_en, prefecture=p.prefecture,
            industry_class=p.industry_class, employees=p.employees, capital_yen=p.capital_yen,
            export_experience=p.export_experience,
            buyer_types_served=[str(t) for t in p.buyer_types_served],
            order_sizes_served=[str(s) for s in p.order_sizes_served],
            website=f"https://www.{_slug(p.name_en)}.example",
            contact_email=f"export@{_slug(p.name_en)}.example",
            **_sme_texts(p, market_names))
        for p in new
    ])
    smes = {s.name_ja: s for s in SME.objects.filter(name_ja__in=[p.name_ja for p in plans])}
    links = defaultdict(list)
    for p in new:
        pk = smes[p.name_ja].pk
        links["sectors"] += [(pk, ref["sectors"][code].pk) for code in p.sectors]
        links["target_markets"] += [(pk, ref["markets"][code].pk) for code in p.markets]
        links["languages"] += [(pk, ref["languages"][code].pk) for code in p.languages]
        links["certifications"] += [(pk, ref["certifications"][code].pk)
                                    for code in p.certifications]
    for name, pairs in links.items():
        _links_add(SME._meta.get_field(name), pairs)
    counts["smes_created"] += len(new)
    return smes


def _buyers(counts: dict, plans: list[BuyerPlan], ref: dict) -> dict[tuple[str, str], ForeignBuyer]:
    markets = ref["markets"]
    by_key = {(b.name, b.country.code): b for b in ForeignBuyer.objects.select_related("country")}
    new = [p for p in plans if (p.name, p.country) not in by_key]
    ForeignBuyer.objects.bulk_create([
        ForeignBuyer(name=p.name, country=markets[p.country], city=p.city,
                     buyer_type=p.buyer_type, order_size=p.order_size,
                     sourcing_needs=p.sourcing_needs,
                     website=f"https://www.{_slug(p.name)}.example",
                     contact_email=f"purchasing@{_slug(p.name)}.example")
        for p in new
    ])
    by_key = {(b.name, b.country.code): b for b in ForeignBuyer.objects.select_related("country")}
    links = defaultdict(list)
    for p in new:
        pk = by_key[(p.name, p.country)].pk
        links["sectors"] += [(pk, ref["sectors"][code].pk) for code in p.sectors]
        links["languages"] += [(pk, ref["languages"][code].pk) for code in p.languages]
        links["required_certifications"] += [(pk, ref["certifications"][code].pk)
                                             for code in p.certifications]
    for name, pairs in links.items():
        _links_add(ForeignBuyer._meta.get_field(name), pairs)
    counts["buyers_created"] += len(new)
    return by_key


def _exhibitors(counts: dict, plans: list[SMEPlan], smes: dict[str, SME],
                pavilions: dict[str, Pavilion], offices: dict) -> None:
    """Applications through the services, in fair order so first-timer status means something."""
    done = set(ExhibitorRegistration.objects.values_list("pavilion_id", "sme_id"))
    organisers = {o.name_en: o.members.order_by("pk").first() for o in offices.values()}
    ordered = sorted(PAVILIONS, key=lambda p: (FAIRS[p.fair]["starts_on"], p.key))
    for plan in ordered:
        pavilion = pavilions[plan.key]
        applications = []
        for sme_plan in plans:
            share = sme_plan.pavilions.get(plan.key)
            sme = smes[sme_plan.name_ja]
            if share is None or (pavilion.pk, sme.pk) in done:
                continue
            applications.append(exhibitor_registration_apply(
                pavilion=pavilion, sme=sme, message=sme_plan.message, at=_moment(plan, share)))
        counts["exhibitor_registrations_created"] += len(applications)
        _decide(counts, plan, pavilion, applications, organisers[plan.office])


def _decide(counts: dict, plan: PavilionPlan, pavilion: Pavilion,
            applications: list[ExhibitorRegistration], organiser) -> None:
    rng = _rng(f"decisions:{plan.key}")
    applications.sort(key=lambda r: (r.applied_at, r.pk))
    booths = set(pavilion.exhibitor_registrations.exclude(booth="").values_list("booth", flat=True))
    accepted = pavilion.exhibitor_registrations.filter(status=RegistrationStatus.ACCEPTED).count()
    decided = []
    for registration in applications[:round(len(applications) * plan.decided_share)]:
        draw = rng.random()
        booth = None
        if draw < 0.08:
            status = RegistrationStatus.REJECTED
        elif draw < 0.2 or accepted >= plan.capacity:
            status = RegistrationStatus.WAITLISTED
        else:
            status = RegistrationStatus.ACCEPTED
            booth = next(f"{plan.booth_prefix}-{n:02d}" for n in range(1, 1000)
                         if f"{plan.booth_prefix}-{n:02d}" not in booths)
            booths.add(booth)
            accepted += 1
        registration = exhibitor_registration_decide(
            registration=registration, status=status, by=organiser, booth=booth)
        # The service stamps decisions with the wall clock; date them a few weeks after the
        # application instead, so the dataset reads the same whatever day it is seeded.
        registration.decided_at = min(registration.applied_at + timedelta(days=rng.randint(5, 30)),
                                      DEMO_TODAY - timedelta(hours=2))
        decided.append(registration)
    ExhibitorRegistration.objects.bulk_update(decided, ["decided_at"])
    counts["exhibitor_decisions"] += len(decided)


def _buyer_registrations(counts: dict, plans: list[BuyerPlan], buyers: dict,
                         pavilions: dict[str, Pavilion]) -> None:
    done = set(BuyerRegistration.objects.values_list("pavilion_id", "buyer_id"))
    by_key = {plan.key: plan for plan in PAVILIONS}
    stamped = []
    for plan in plans:
        buyer = buyers[(plan.name, plan.country)]
        for key, (share, day_indexes) in plan.pavilions.items():
            pavilion = pavilions[key]
            if (pavilion.pk, buyer.pk) in done:
                continue
            days = pavilion.fair.days()
            registration = buyer_registration_register(
                pavilion=pavilion, buyer=buyer, days=[days[i] for i in day_indexes])
            # Registered at a fixed moment (the service defaults to now), for the same reason.
            registration.registered_at = _moment(by_key[key], share)
            stamped.append(registration)
    BuyerRegistration.objects.bulk_update(stamped, ["registered_at"])
    counts["buyer_registrations_created"] += len(stamped)


def _people(counts: dict, passwords: _Passwords, sme_list: list[SMEPlan], smes: dict,
            buyer_list: list[BuyerPlan], buyers: dict) -> list[str]:
    """A few company accounts so each side of the platform can be tried out."""
    firsts = {}
    for plan in sme_list:
        if plan.eligible:
            firsts.setdefault(plan.sector, plan)
    sme_accounts = [
        ("sme-1", firsts["medical"], MemberRole.ADMIN, "代表取締役 / President"),
        ("sme-2", firsts["medical"], MemberRole.STAFF, "海外営業 / Export sales"),
        ("sme-3", firsts["craft"], MemberRole.ADMIN, "代表取締役 / President"),
        ("sme-4", firsts["fruit"], MemberRole.ADMIN, "専務取締役 / Managing director"),
        ("sme-5", firsts["biotech"], MemberRole.ADMIN,
         "事業開発部長 / Head of business development"),
        ("sme-6", firsts["cosmetics"], MemberRole.STAFF, "マーケティング / Marketing"),
    ]
    buyer_firsts = {}
    for plan in buyer_list:
        buyer_firsts.setdefault(plan.focus, plan)
    buyer_accounts = [
        (f"buyer-{i}", buyer_firsts[focus], MemberRole.ADMIN, "Purchasing manager")
        for i, focus in enumerate(("medical", "craft", "fruit", "biotech"), start=1)
    ]
    logins = []
    for username, plan, role, title in sme_accounts + buyer_accounts:
        user = _user(username, passwords, counts)
        if not Membership.objects.filter(user=user).exists():
            company = ({"sme": smes[plan.name_ja]} if isinstance(plan, SMEPlan)
                       else {"buyer": buyers[(plan.name, plan.country)]})
            Membership.objects.create(user=user, role=role, job_title=title, **company)
            counts["memberships_created"] += 1
        company_name = plan.name_en if isinstance(plan, SMEPlan) else plan.name
        logins.append(f"{username} ({role}, {company_name})")
    return logins


def _reference() -> dict[str, dict]:
    return {
        "sectors": {s.code: s for s in Sector.objects.filter(fair__isnull=True)},
        "markets": {m.code: m for m in Market.objects.all()},
        "languages": {lang.code: lang for lang in Language.objects.all()},
        "certifications": {c.code: c for c in Certification.objects.all()},
    }


@transaction.atomic
def demo_seed(*, scale: int = 1, progress: Progress = None) -> dict[str, int]:
    """Fill the database with the demo dataset, or add only what is missing from it.

    Side effects: loads the reference data; creates the organiser group, offices, organiser,
    admin and company accounts (password ``pavilion-demo``), the five fairs with seven pavilions,
    their lunch breaks, meeting slots and interpreters, ``100 * scale`` SMEs and ``400 * scale``
    buyers, and applications, decisions and buyer registrations through the events services.
    Rows that already exist (by natural key) are left untouched, so a second run creates
    nothing. Returns counts: ``<kind>_created`` for this run and ``<kind>`` totals.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    report = progress or (lambda message: None)
    counts: dict[str, int] = defaultdict(int)
    reference = reference_data_load()
    counts["reference_rows_changed"] = sum(
        value for key, value in reference.items() if key.endswith(("_created", "_updated")))
    ref = _reference()
    passwords = _Passwords()

    offices = _organisers(counts, passwords)
    pavilions = _fairs_and_pavilions(counts, offices)
    _interpreters(counts, pavilions, ref["languages"])
    report(f"fairs and pavilions ready: {len(pavilions)} pavilions")
    sme_list = sme_plans(scale=scale)
    smes = _smes(counts, sme_list, ref)
    buyer_list = buyer_plans(scale=scale)
    buyers = _buyers(counts, buyer_list, ref)
    report(f"companies ready: {counts['smes_created']} SMEs and "
           f"{counts['buyers_created']} buyers created")
    _exhibitors(counts, sme_list, smes, pavilions, offices)
    _buyer_registrations(counts, buyer_list, buyers, pavilions)
    report(f"registrations ready: {counts['exhibitor_registrations_created']} applications and "
           f"{counts['buyer_registrations_created']} buyer registrations created")
    counts["logins"] = len(_people(counts, passwords, sme_list, smes, buyer_list, buyers))

    counts.update(
        fairs=TradeFair.objects.count(), pavilions=Pavilion.objects.count(),
        slots=MeetingSlot.objects.count(), interpreters=Interpreter.objects.count(),
        smes=SME.objects.count(), buyers=ForeignBuyer.objects.count(),
        exhibitor_registrations=ExhibitorRegistration.objects.count(),
        buyer_registrations=BuyerRegistration.objects.count(),
        users=get_user_model().objects.count(),
    )
    return dict(counts)


def demo_logins() -> list[tuple[str, str]]:
    """The demo accounts as (username, what it is for), for the command to print."""
    logins = [("admin", "platform administrator (superuser)")]
    logins += [(username, f"organiser, {name_en}") for name_en, _ja, _kind, username in OFFICES]
    sme_list = sme_plans(scale=1)
    firsts = {}
    for plan in sme_list:
        if plan.eligible:
            firsts.setdefault(plan.sector, plan)
    for username, sector in (("sme-1", "medical"), ("sme-2", "medical"), ("sme-3", "craft"),
                             ("sme-4", "fruit"), ("sme-5", "biotech"), ("sme-6", "cosmetics")):
        logins.append((username, f"exhibitor, {firsts[sector].name_en}"))
    buyer_firsts = {}
    for plan in buyer_plans(scale=1):
        buyer_firsts.setdefault(plan.focus, plan)
    for i, focus in enumerate(("medical", "craft", "fruit", "biotech"), start=1):
        plan = buyer_firsts[focus]
        logins.append((f"buyer-{i}", f"buyer, {plan.name} ({plan.country})"))
    return logins
