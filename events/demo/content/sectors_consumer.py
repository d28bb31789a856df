"""SME sector profiles: crafts and tableware, food and drink, fresh fruit, cosmetics."""

from .japan import BusinessLine, M, R, S, SectorProfile, W

CRAFT = SectorProfile(
    share=24,
    lines=(
        BusinessLine(
            M,
            ("saga", "nagasaki", "gifu", "ishikawa", "shiga"),
            (("窯業", "Ceramics"), ("陶苑", "Touen"), ("製陶所", "Pottery")),
            (
                ("磁器の食器", "porcelain tableware", "6911"),
                ("磁器の酒器", "porcelain sake sets", "6911"),
                ("陶器の土鍋", "stoneware donabe pots", "6912"),
                ("陶製の花器", "ceramic flower vases", "6913"),
                ("箸置き", "chopstick rests", "6913"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("tokyo", "osaka", "okinawa", "toyama"),
            (("硝子", "Glass"), ("ガラス工芸", "Glassworks")),
            (
                ("切子グラス", "cut-glass tumblers", "7013"),
                ("ガラスの酒器", "glass sake sets", "7013"),
                ("吹きガラスの花器", "hand-blown glass vases", "7013"),
            ),
        ),
        BusinessLine(
            M,
            ("fukui", "ishikawa", "akita", "kanagawa", "wakayama"),
            (("漆器", "Lacquerware"), ("木工", "Woodcraft")),
            (
                ("漆塗りの椀", "lacquered bowls", "4419"),
                ("曲げわっぱの弁当箱", "bentwood lunch boxes", "4419"),
                ("寄木細工の小箱", "marquetry boxes", "4420"),
                ("木製トレイ", "wooden trays", "4419"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("niigata", "gifu", "osaka", "iwate", "toyama", "hyogo"),
            (("刃物", "Cutlery"), ("金属工芸", "Metalcraft"), ("製作所", "Works")),
            (
                ("包丁", "kitchen knives", "8211"),
                ("ステンレスカトラリー", "stainless-steel cutlery", "8215"),
                ("南部鉄器の鉄瓶", "cast-iron kettles", "7323"),
                ("鉄製フライパン", "iron frying pans", "7323"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("ehime", "kyoto", "gunma", "osaka"),
            (("織物", "Textiles"), ("タオル", "Towel")),
            (
                ("今治タオル", "Imabari towels", "6302"),
                ("絹織物", "silk fabrics", "5007"),
                ("麻のテーブルリネン", "linen table linen", "6302"),
                ("刺し子のクッションカバー", "sashiko cushion covers", "6304"),
            ),
        ),
        BusinessLine(
            M,
            ("gifu", "hiroshima", "hokkaido", "fukuoka", "shizuoka"),
            (("家具", "Furniture"), ("木工所", "Woodworks")),
            (
                ("無垢材のダイニングチェア", "solid-wood dining chairs", "9403"),
                ("座卓", "low tables", "9403"),
                ("和紙の照明", "washi paper lamps", "9405"),
                ("木製スツール", "wooden stools", "9403"),
            ),
        ),
        BusinessLine(
            S,
            ("tokyo", "kyoto", "osaka"),
            (("デザイン", "Design"), ("デザインスタジオ", "Design Studio")),
            (
                (
                    "職人と協働したインテリア小物",
                    "interior accessories made with craftspeople",
                    "4420",
                ),
                ("テーブルウェアのコレクション", "tableware collections", "6911"),
            ),
        ),
    ),
    strengths=(
        (
            "{place}の伝統技法を受け継ぐ職人が、現代の暮らしに合う形を生み出しています",
            "craftspeople trained in the traditions of {place} design for modern homes",
        ),
        (
            "国内外のデザイナーと協働し、欧州向けの新シリーズを開発しました",
            "it has developed a new range for Europe with Japanese and foreign designers",
        ),
        (
            "一点ずつ手作業で仕上げ、小ロットの別注にも対応しています",
            "every piece is finished by hand, and small custom orders are welcome",
        ),
    ),
    markets=("EU", "FR", "DE", "IT", "BE", "GB", "US", "EUROPE", "KR", "AE"),
    certifications=(
        ("EU-FCM", 0.35, ("EU", "FR", "DE", "IT", "BE", "EUROPE")),
        ("FSC", 0.15, ("EUROPE", "EU", "US")),
    ),
    customers=("国内の百貨店やセレクトショップ", "department stores and select shops in Japan"),
)

FOOD = SectorProfile(
    share=12,
    lines=(
        BusinessLine(
            M,
            ("niigata", "hyogo", "kyoto", "yamaguchi", "akita", "hiroshima"),
            (("酒造", "Sake Brewery"), ("酒造店", "Brewery")),
            (
                ("純米吟醸酒", "junmai ginjo sake", "2206"),
                ("純米大吟醸酒", "junmai daiginjo sake", "2206"),
                ("スパークリング日本酒", "sparkling sake", "2206"),
                ("梅酒", "umeshu plum liqueur", "2208"),
            ),
        ),
        BusinessLine(
            M,
            ("kagoshima", "miyazaki", "kumamoto", "oita"),
            (("蒸留所", "Distillery"), ("焼酎", "Shochu")),
            (
                ("本格芋焼酎", "honkaku sweet-potato shochu", "2208"),
                ("麦焼酎", "barley shochu", "2208"),
                ("クラフトジン", "craft gin", "2208"),
            ),
        ),
        BusinessLine(
            M,
            ("chiba", "hyogo", "kagawa", "aichi", "kochi"),
            (("醸造", "Brewing"), ("食品", "Foods")),
            (
                ("丸大豆醤油", "naturally brewed soy sauce", "2103"),
                ("米味噌", "rice miso", "2103"),
                ("ゆずぽん酢", "yuzu ponzu", "2103"),
                ("白だし", "white dashi", "2106"),
                ("ゆず果汁", "yuzu juice", "2009"),
            ),
        ),
        BusinessLine(
            M,
            ("shizuoka", "kyoto", "fukuoka", "kagoshima"),
            (("製茶", "Tea"), ("茶園", "Tea Garden")),
            (
                ("有機抹茶", "organic matcha", "0902"),
                ("煎茶", "sencha", "0902"),
                ("ほうじ茶", "hojicha", "0902"),
                ("玉露", "gyokuro", "0902"),
            ),
        ),
        BusinessLine(
            M,
            ("kyoto", "aichi", "niigata", "ishikawa", "hokkaido"),
            (("製菓", "Confectionery"), ("菓子舗", "Kashiho")),
            (
                ("羊羹", "yokan bean jelly", "1704"),
                ("抹茶チョコレート", "matcha chocolate", "1806"),
                ("米菓", "rice crackers", "1905"),
                ("金平糖", "konpeito sugar candy", "1704"),
                ("干し芋", "dried sweet potato", "2008"),
            ),
        ),
        BusinessLine(
            M,
            ("hokkaido", "miyagi", "aomori", "ehime"),
            (("水産", "Fisheries"), ("海産", "Seafoods")),
            (
                ("冷凍ほたて貝柱", "frozen scallop adductors", "0307"),
                ("冷凍ぶり", "frozen yellowtail", "0303"),
                ("紅ずわいがに", "red snow crab", "0306"),
            ),
        ),
    ),
    strengths=(
        (
            "創業以来の製法を守りつつ、輸出向けに賞味期限を延ばす工夫を重ねています",
            "it keeps its founding recipe while extending shelf life for export",
        ),
        (
            "地元産の原料にこだわり、生産者と直接契約しています",
            "all raw materials come from local growers under direct contracts",
        ),
        (
            "HACCPに基づく衛生管理で、海外の大手小売にも対応しています",
            "HACCP-based hygiene control meets the audits of large retailers abroad",
        ),
    ),
    markets=("HK", "SG", "TW", "US", "AE", "GCC", "EU", "FR", "GB", "ASEAN", "MY", "TH"),
    certifications=(
        ("HACCP", 0.6, ()),
        ("HALAL", 0.5, ("GCC", "AE", "MY", "ASEAN")),
        ("FSSC22000", 0.25, ()),
        ("HK-FOOD", 0.5, ("HK",)),
        ("FDA-FFR", 0.6, ("US",)),
        ("JAS-ORGANIC", 0.2, ()),
    ),
    customers=("全国の百貨店や飲食店", "department stores and restaurants across Japan"),
)

FRUIT = SectorProfile(
    share=12,
    lines=(
        BusinessLine(
            M,
            ("aomori", "nagano", "iwate", "yamagata"),
            (("農園", "Orchards"), ("ファーム", "Farm")),
            (
                ("ふじりんご", "Fuji apples", "0808"),
                ("和梨", "nashi pears", "0808"),
                ("シナノゴールド", "Shinano Gold apples", "0808"),
                ("ストレートりんごジュース", "not-from-concentrate apple juice", "2009"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("yamanashi", "okayama", "nagano", "yamagata"),
            (("果樹園", "Fruit Orchards"), ("フルーツ", "Fruits")),
            (
                ("シャインマスカット", "Shine Muscat grapes", "0806"),
                ("白桃", "white peaches", "0809"),
                ("さくらんぼ", "cherries", "0809"),
                ("ピオーネ", "Pione grapes", "0806"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("ehime", "wakayama", "shizuoka", "kochi", "kumamoto"),
            (("柑橘", "Citrus"), ("果園", "Groves")),
            (
                ("温州みかん", "Unshu mandarins", "0805"),
                ("ゆず", "yuzu", "0805"),
                ("デコポン", "Dekopon mandarins", "0805"),
                ("ゆず果汁", "yuzu juice", "2009"),
            ),
        ),
        BusinessLine(
            M,
            ("fukuoka", "tochigi", "hokkaido", "shizuoka", "ibaraki"),
            (("いちご園", "Berry Farm"), ("農産", "Agri")),
            (
                ("いちご", "strawberries", "0810"),
                ("マスクメロン", "muskmelons", "0807"),
                ("富有柿", "Fuyu persimmons", "0810"),
            ),
        ),
        BusinessLine(
            M,
            ("ibaraki", "kagoshima", "tokushima", "chiba"),
            (("農産", "Agri"), ("ファーム", "Farm")),
            (
                ("さつまいも", "sweet potatoes", "0714"),
                ("焼き芋", "baked sweet potatoes", "2008"),
                ("干し芋", "dried sweet potato", "2008"),
            ),
        ),
        BusinessLine(
            W,
            ("tokyo", "osaka", "fukuoka", "hokkaido"),
            (("青果", "Fresh Produce"), ("フルーツ商事", "Fruit Trading")),
            (
                ("ふじりんご", "Fuji apples", "0808"),
                ("シャインマスカット", "Shine Muscat grapes", "0806"),
                ("いちご", "strawberries", "0810"),
                ("さつまいも", "sweet potatoes", "0714"),
            ),
        ),
    ),
    strengths=(
        (
            "糖度センサーで選別した果実だけを出荷しています",
            "every fruit is graded by a sugar-content sensor before it ships",
        ),
        (
            "CA貯蔵と鮮度保持包装で、船便でも品質を保てます",
            "controlled-atmosphere storage and freshness packaging keep quality by sea freight",
        ),
        (
            "輸出先の残留農薬基準に合わせた防除暦で栽培しています",
            "spray schedules follow the residue limits of each export market",
        ),
    ),
    markets=("HK", "TW", "SG", "TH", "VN", "MY", "ASEAN", "GREATERCHINA", "AE"),
    certifications=(
        ("JAS-ORGANIC", 0.15, ()),
        ("HK-FOOD", 0.5, ("HK", "GREATERCHINA")),
        ("HACCP", 0.3, ()),
        ("HALAL", 0.3, ("AE", "MY", "GCC")),
    ),
    customers=("国内の市場や百貨店", "wholesale markets and department stores in Japan"),
)

COSMETICS = SectorProfile(
    share=8,
    lines=(
        BusinessLine(
            M,
            ("osaka", "tokyo", "kyoto", "kagoshima", "niigata", "akita"),
            (("化粧品", "Cosmetics"), ("コスメティクス", "Cosmetics Lab")),
            (
                ("米ぬかエキスの化粧水", "rice-bran toners", "3304"),
                ("酒粕配合のフェイスマスク", "sake-lees face masks", "3304"),
                ("日焼け止め", "sunscreens", "3304"),
                ("美容液", "serums", "3304"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("nagasaki", "tokyo", "gunma"),
            (("椿油本舗", "Camellia Oil"), ("石鹸", "Soap")),
            (
                ("椿油のヘアオイル", "camellia hair oil", "3305"),
                ("炭石鹸", "charcoal soap", "3401"),
                ("無添加シャンプー", "additive-free shampoo", "3305"),
            ),
        ),
        BusinessLine(
            M,
            ("hiroshima", "nara"),
            (("筆", "Brush"), ("化粧筆", "Makeup Brushes")),
            (
                ("熊野筆の化粧ブラシ", "Kumano make-up brushes", "9603"),
                ("洗顔ブラシ", "face-cleansing brushes", "9603"),
            ),
        ),
        BusinessLine(
            R,
            ("kyoto", "tokyo"),
            (("本舗", "Honpo"),),
            (
                ("米ぬかエキスの化粧水", "rice-bran toners", "3304"),
                ("椿油のヘアオイル", "camellia hair oil", "3305"),
            ),
        ),
    ),
    strengths=(
        (
            "国産の天然素材を使い、敏感肌向けの処方を自社で開発しています",
            "it develops formulas for sensitive skin from Japanese natural ingredients",
        ),
        (
            "職人の手作業による少量生産で、高級ブランドへのOEMも手がけています",
            "small hand-made batches also supply luxury brands as OEM",
        ),
    ),
    markets=("EU", "FR", "GB", "AE", "GCC", "SG", "TH", "HK", "US", "KR"),
    certifications=(
        ("EU-CPNP", 0.5, ("EU", "FR")),
        ("HALAL", 0.35, ("AE", "GCC")),
        ("REACH", 0.2, ("EU", "FR")),
        ("ISO9001", 0.2, ()),
    ),
    customers=("国内のドラッグストアや百貨店", "drugstores and department stores in Japan"),
)
