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

from .buyers import buyer_plans
from .content.fairs import DEMO_TODAY
from .seed import DEMO_PASSWORD, demo_logins, demo_seed
from .smes import sme_plans

__all__ = ["DEMO_PASSWORD", "DEMO_TODAY", "buyer_plans", "demo_logins", "demo_seed", "sme_plans"]
