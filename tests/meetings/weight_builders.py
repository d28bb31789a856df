"""An office's earlier pavilions with known outcomes, for the suggested weights' tests.

Every exhibitor makes cutlery in sector X and targets Germany; each meets eight buyers: two in
each of (Germany, X), (Germany, Y), (France, X), (France, Y). Meetings with German buyers
progressed (the buyer sent for samples after the exhibitor agreed a follow-up), the others did
not (no further interest, or only a follow-up). Only the market factor tells them apart, and the
engine's default weights, which lean on sector, rank a French buyer in sector X above a German
one in sector Y.
"""

from dataclasses import dataclass
from datetime import date

from companies.factories import ForeignBuyerFactory, MarketFactory, SectorFactory, SMEFactory
from events.factories import (
    BuyerRegistrationFactory,
    ExhibitorRegistrationFactory,
    PavilionFactory,
)
from tests.meetings.results_builders import meeting, outcome

BUYERS_PER_EXHIBITOR = 8


@dataclass
class OutcomeHistory:
    pavilion: object  # the pavilion the weights are suggested for
    earlier: list  # the office's pavilions at earlier fairs, oldest first
    meetings: int  # held meetings with outcomes at them
    progressed: int


def earlier_pavilion(office, year: int, n_smes: int, markets: dict, sectors: dict):
    """One earlier pavilion of ``office`` with ``n_smes`` x 8 held meetings with outcomes."""
    pavilion = PavilionFactory(
        organiser=office,
        fair__starts_on=date(year, 3, 1),
        fair__ends_on=date(year, 3, 4),
    )
    buyers = []
    for country in ("DE", "DE", "FR", "FR"):
        for sector in ("X", "Y"):
            buyer = ForeignBuyerFactory(country=markets[country])
            buyer.sectors.add(sectors[sector])
            BuyerRegistrationFactory(pavilion=pavilion, buyer=buyer, status="registered")
            buyers.append((buyer, country))
    progressed = 0
    for i in range(n_smes):
        sme = SMEFactory()
        sme.sectors.add(sectors["X"])
        sme.target_markets.add(markets["DE"])
        ExhibitorRegistrationFactory(pavilion=pavilion, sme=sme, status="accepted")
        for j, (buyer, country) in enumerate(buyers):
            held = meeting(pavilion, sme, buyer, "held")
            if country == "DE":
                outcome(held, "exhibitor", "follow_up")
                outcome(held, "buyer", "sample" if (i + j) % 2 else "quotation")
                progressed += 1
            else:
                outcome(held, "exhibitor", "no_interest" if (i + j) % 2 else "follow_up")
    return pavilion, n_smes * len(buyers), progressed


def outcome_history(office, smes_per_pavilion=(4, 3)) -> OutcomeHistory:
    """A pavilion of ``office`` at a 2027 fair, and earlier ones (2024, 2025, ...) with
    ``smes_per_pavilion`` exhibitors each (8 held meetings with outcomes per exhibitor)."""
    markets = {
        "DE": MarketFactory(code="DE", name_en="Germany", name_ja="ドイツ"),
        "FR": MarketFactory(code="FR", name_en="France", name_ja="フランス"),
    }
    sectors = {"X": SectorFactory(name_en="Cutlery"), "Y": SectorFactory(name_en="Textiles")}
    earlier, meetings, progressed = [], 0, 0
    for k, n_smes in enumerate(smes_per_pavilion):
        pavilion, n, p = earlier_pavilion(office, 2024 + k, n_smes, markets, sectors)
        earlier.append(pavilion)
        meetings, progressed = meetings + n, progressed + p
    return OutcomeHistory(PavilionFactory(organiser=office), earlier, meetings, progressed)
