"""Near copies of an article are found; different articles are not."""
import pytest

from newsgraph.corpus.near_duplicates import NearDuplicateIndex, from_bytes, signature, to_bytes

STORY = [
    "The foreign ministers of Kenya and Ethiopia met in Nairobi on Monday to discuss the drought "
    "that has left millions of herders without water across the Horn of Africa.",
    "Officials said the two governments agreed to open a joint water-sharing commission and to ask "
    "donors for emergency grain deliveries before the rainy season ends in late spring.",
    "A spokeswoman for the Ethiopian foreign ministry said the talks were frank and useful, and that "
    "a second round would be held in Addis Ababa next month if the commission makes progress.",
    "Aid agencies have warned that livestock losses could push food prices higher in border markets, "
    "where traders already report shortages of maize, sorghum and cooking oil.",
]
ORIGINAL = "\n\n".join(STORY)
OTHER = (
    "Protesters gathered outside parliament in Lima on Thursday to demand the resignation of the "
    "interior minister after police fired tear gas at a march of farmers opposed to a new water law. "
    "The minister said he would not step down and accused opposition lawmakers of stirring unrest."
)


@pytest.fixture()
def index():
    idx = NearDuplicateIndex(threshold=0.8)
    idx.add("original", ORIGINAL)
    idx.add("other", OTHER)
    return idx


@pytest.mark.parametrize("name, copy", [
    ("identical", ORIGINAL),
    ("reordered paragraphs", "\n\n".join([STORY[2], STORY[0], STORY[3], STORY[1]])),
    ("changed case and spacing", ORIGINAL.upper().replace(" ", "  ")),
    ("appended boilerplate", ORIGINAL + "\n\nShare this story. Subscribe to our newsletter. Leave a Comment"),
    ("one sentence edited", ORIGINAL.replace("frank and useful", "frank, useful and long")),
])
def test_near_copies_are_found(index, name, copy):
    match = index.find(copy)
    assert match is not None, name
    assert match[0] == "original"


def test_a_different_article_is_not_a_copy(index):
    assert index.find(
        "Heavy rain flooded the old town of Porto overnight, and firefighters rescued dozens of residents "
        "from cars and ground-floor flats as the river rose above its banks for the first time in decades."
    ) is None


def test_a_rewritten_half_is_not_a_near_copy(index):
    half = "\n\n".join(STORY[:2]) + "\n\n" + OTHER
    assert index.find(half) is None


def test_signatures_survive_storage():
    sig = signature(ORIGINAL)
    assert from_bytes(to_bytes(sig)).jaccard(sig) == 1.0


def test_threshold_is_checked():
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=1.5)
