"""SME sector profiles: medical devices, biotech, and precision machinery and parts."""

from .japan import BusinessLine, M, SectorProfile, W

MEDICAL = SectorProfile(
    share=22,
    lines=(
        BusinessLine(
            M,
            ("niigata", "tokyo", "saitama", "fukushima", "tochigi"),
            (
                ("精密", "Precision"),
                ("医科器械", "Surgical Instruments"),
                ("メディカル", "Medical"),
            ),
            (
                ("手術用鉗子", "surgical forceps", "9018"),
                ("手術用剪刀", "surgical scissors", "9018"),
                ("持針器", "needle holders", "9018"),
                ("眼科用マイクロ手術器具", "ophthalmic microsurgery instruments", "9018"),
                ("縫合針", "surgical suture needles", "9018"),
            ),
            weight=3,
        ),
        BusinessLine(
            M,
            ("tokyo", "shizuoka", "niigata", "aichi", "fukushima"),
            (("メディテック", "Meditech"), ("医療器", "Medical Devices")),
            (
                ("内視鏡用処置具", "endoscopic treatment tools", "9018"),
                ("血管カテーテル", "vascular catheters", "9018"),
                ("穿刺針", "puncture needles", "9018"),
                ("使い捨て注射針", "disposable hypodermic needles", "9018"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("kyoto", "shizuoka", "tochigi", "osaka"),
            (("メディカルシステムズ", "Medical Systems"), ("イメージング", "Imaging")),
            (
                ("歯科用X線装置", "dental X-ray units", "9022"),
                ("X線フラットパネル検出器", "X-ray flat-panel detectors", "9022"),
                ("超音波診断装置用プローブ", "ultrasound probes", "9018"),
                ("骨密度測定装置", "bone densitometers", "9022"),
            ),
        ),
        BusinessLine(
            M,
            ("osaka", "aichi", "nagano", "fukuoka"),
            (("ヘルスケア", "Healthcare"), ("リハテック", "Rehatec")),
            (
                ("酸素濃縮装置", "oxygen concentrators", "9019"),
                ("歩行訓練機器", "gait-training devices", "9019"),
                ("整形外科用インプラント", "orthopaedic implants", "9021"),
                ("補聴器", "hearing aids", "9021"),
                ("義肢・装具", "prostheses and orthoses", "9021"),
            ),
        ),
        BusinessLine(
            M,
            ("tokyo", "kyoto", "tochigi", "osaka"),
            (("デンタル", "Dental"), ("歯科工業", "Dental Industries")),
            (
                ("歯科用ハンドピース", "dental handpieces", "9018"),
                ("歯科用インプラント", "dental implants", "9021"),
                ("歯科用切削バー", "dental burs", "9018"),
            ),
        ),
        BusinessLine(
            W,
            ("tokyo", "osaka", "fukuoka"),
            (("医療商事", "Medical Trading"), ("メディカルサプライ", "Medical Supply")),
            (
                ("手術用鉗子", "surgical forceps", "9018"),
                ("使い捨て注射針", "disposable hypodermic needles", "9018"),
                ("補聴器", "hearing aids", "9021"),
            ),
        ),
    ),
    strengths=(
        (
            "熟練職人が一本ずつ手仕上げし、0.01mm単位の精度を保証しています",
            "every instrument is finished by hand to tolerances of 0.01 mm",
        ),
        (
            "設計から製造、滅菌包装まで自社で一貫して手がけています",
            "design, manufacturing and sterile packaging all happen in-house",
        ),
        (
            "大手医療機器メーカーのOEM生産を長年担ってきました",
            "the company has made OEM products for major device makers for decades",
        ),
        (
            "チタン・特殊鋼の微細加工を得意としています",
            "its speciality is micro-machining titanium and special steels",
        ),
    ),
    markets=("EU", "DE", "FR", "IT", "NL", "GCC", "AE", "SA", "US", "ASEAN", "TH", "VN", "IN"),
    certifications=(
        ("ISO13485", 0.8, ()),
        ("CE-MDR", 0.55, ("EU", "DE", "FR", "IT", "NL")),
        ("FDA-510K", 0.5, ("US",)),
        ("SFDA-MDMA", 0.4, ("SA", "GCC")),
        ("ISO9001", 0.3, ()),
    ),
    customers=(
        "国内の大学病院や医療機器メーカー",
        "university hospitals and device makers in Japan",
    ),
)

BIOTECH = SectorProfile(
    share=12,
    lines=(
        BusinessLine(
            M,
            ("ibaraki", "kanagawa", "tokyo", "kyoto", "hyogo"),
            (("バイオ", "Bio"), ("ライフサイエンス", "Life Sciences"), ("バイオテック", "Biotech")),
            (
                ("細胞培養培地", "cell culture media", "3821"),
                ("研究用抗体", "research antibodies", "3002"),
                ("診断用試薬キット", "diagnostic reagent kits", "3822"),
                ("iPS細胞由来の分化細胞", "iPSC-derived differentiated cells", "3002"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("tokyo", "kyoto", "nagano", "saitama", "miyagi"),
            (
                ("理化学", "Scientific"),
                ("ラボテック", "Labtech"),
                ("科学機器", "Scientific Instruments"),
            ),
            (
                ("小型遠心機", "benchtop centrifuges", "8421"),
                ("オートクレーブ", "autoclaves", "8419"),
                ("分光光度計", "spectrophotometers", "9027"),
                ("自動分注装置", "automated liquid handlers", "8479"),
                ("倒立顕微鏡", "inverted microscopes", "9011"),
                ("凍結乾燥機", "freeze dryers", "8419"),
            ),
            weight=2,
        ),
        BusinessLine(
            M,
            ("osaka", "toyama", "shiga", "hokkaido"),
            (("ファーマ", "Pharma"), ("製薬", "Pharmaceutical")),
            (
                ("核酸医薬の受託製造", "contract manufacturing of oligonucleotide drugs", "3004"),
                ("抗体医薬の受託開発", "contract development of antibody drugs", "3002"),
                ("外用剤の受託製造", "contract manufacturing of topical medicines", "3004"),
                ("漢方エキス製剤", "Kampo extract preparations", "3004"),
            ),
        ),
    ),
    strengths=(
        (
            "大学発ベンチャーとして、独自の特許技術を持っています",
            "as a university spin-off it holds its own patented technology",
        ),
        (
            "研究者向けに少量多品種の受注生産に対応しています",
            "it makes small batches to order for research laboratories",
        ),
        (
            "GMP準拠の製造設備で治験薬の製造にも対応しています",
            "its GMP-compliant plant can also make investigational drugs",
        ),
    ),
    markets=("US", "USMCA", "EU", "DE", "GB", "CH", "KR", "SG", "CN"),
    certifications=(
        ("ISO9001", 0.6, ()),
        ("GMP", 0.4, ("US", "EU", "GB", "USMCA")),
        ("ISO13485", 0.3, ()),
        ("CE-IVDR", 0.3, ("EU", "DE")),
    ),
    customers=(
        "国内の製薬会社や研究機関",
        "pharmaceutical companies and research institutes in Japan",
    ),
)

MACHINERY = SectorProfile(
    share=10,
    lines=(
        BusinessLine(
            M,
            ("niigata", "gifu", "aichi", "osaka", "hyogo"),
            (("工具", "Tools"), ("ツール", "Tool")),
            (
                ("超硬エンドミル", "carbide end mills", "8207"),
                ("精密ドリル", "micro drills", "8207"),
                ("ツールホルダー", "tool holders", "8466"),
            ),
        ),
        BusinessLine(
            M,
            ("niigata", "nagano", "aichi", "shizuoka", "yamagata", "toyama"),
            (("機械", "Machinery"), ("精機", "Seiki"), ("鉄工所", "Iron Works")),
            (
                ("小型マシニングセンタ", "compact machining centres", "8457"),
                ("CNC自動旋盤", "CNC Swiss-type lathes", "8458"),
                ("油圧チャック", "hydraulic chucks", "8466"),
            ),
        ),
        BusinessLine(
            M,
            ("niigata", "nagano", "tokyo", "saitama", "fukushima"),
            (("精工", "Precision Works"), ("製作所", "Works")),
            (
                (
                    "医療機器用の精密切削部品",
                    "precision-machined parts for medical devices",
                    "9018",
                ),
                ("チタン製インプラント部品", "titanium implant components", "9021"),
                ("精密プレス部品", "precision stampings", "73"),
            ),
            weight=2,
        ),
    ),
    strengths=(
        (
            "ミクロン単位の加工精度と短納期が強みです",
            "its strengths are micron-level accuracy and short lead times",
        ),
        (
            "試作1個から量産まで一貫して対応しています",
            "it takes work from a single prototype to volume production",
        ),
    ),
    markets=("DE", "EU", "US", "IT", "CH", "CN", "KR", "MX", "ASEAN"),
    certifications=(
        ("ISO9001", 0.7, ()),
        ("ISO13485", 0.3, ()),
        ("ISO14001", 0.3, ("EU", "DE", "IT", "CH")),
        ("CE", 0.3, ("EU", "DE")),
        ("KC", 0.3, ("KR",)),
        ("CCC", 0.3, ("CN",)),
    ),
    customers=("国内の自動車・医療機器メーカー", "carmakers and medical device makers in Japan"),
)
