"""The proposals page shows each reason once after its "Why" label, in the reader's language."""

import pytest

from matchmaking import services
from matchmaking.models import Proposal

pytestmark = pytest.mark.django_db

REASON = {
    "sector": {
        "level": "same",
        "labels": {"en": "Medical devices", "ja": "医療機器"},
        "shared_labels": {"en": "Medical devices", "ja": "医療機器"},
    },
    "wishes": ["requested_by_buyer"],
}


def proposals_page(client, world, language):
    Proposal.objects.create(
        pavilion=world["pavilion"], sme=world["sme"], buyer=world["buyer"], score=80, reason=REASON
    )
    client.force_login(world["sme_user"])
    return client.get(f"/{language}/pavilions/{world['pavilion'].pk}/proposals/").content.decode()


def test_proposals_page_japanese_reason_follows_its_label_without_a_second_opening(client, world):
    html = proposals_page(client, world, "ja")
    assert (
        "<dt>理由</dt><dd>バイヤーが商談を希望しています。業種が一致しています（医療機器）。</dd>"
        in html
    )
    assert "提案理由" not in html
    assert "理由：" not in html


def test_proposals_page_english_reason_follows_its_label_without_a_second_opening(client, world):
    html = proposals_page(client, world, "en")
    assert (
        "<dt>Why</dt><dd>The buyer asked for this meeting and both work in Medical devices.</dd>"
        in html
    )
    assert "Proposed because" not in html


def test_answered_proposals_list_reasons_without_a_second_opening(client, world):
    proposals_page(client, world, "en")
    services.proposal_decline(proposal=Proposal.objects.get())
    html = client.get(f"/ja/pavilions/{world['pavilion'].pk}/proposals/").content.decode()
    assert "バイヤーが商談を希望しています。" in html
    assert "提案理由" not in html
