"""Claims: who says so. Each example is a sentence and the claims newsgraph reads from it.

The records are built by hand around the parse (``nlp``), so these examples do not depend
on what the actors and events stages find; ``test_claims_pipeline`` runs the whole pipeline.
"""
from __future__ import annotations

import pytest

from newsgraph.claims import attribute, find_claims
from newsgraph.annotate.quotes import find_quotes
from newsgraph.record import Actor, Article, Record


def claims_of(nlp, text: str, actors: list[Actor] | None = None):
    record = Record(article=Article(id="t", text=text), actors=actors or [])
    return record, find_claims(record, nlp(text))


def said(text: str, span) -> str | None:
    return text[span[0]:span[1]] if span else None


def summary(text, claim) -> tuple:
    return (said(text, claim.speaker_span), claim.cue_text, said(text, claim.content), claim.stance)


@pytest.mark.parametrize("text, expected", [
    # "X said (that) CONTENT"
    ("The minister said that the talks had failed.",
     ("The minister", "said", "the talks had failed", "assert")),
    # "CONTENT, X said"
    ("The talks had failed, the minister said.",
     ("the minister", "said", "The talks had failed", "assert")),
    ("The minister told parliament that the army would be reformed.",
     ("The minister", "told parliament", "the army would be reformed", "assert")),
    ("The minister added that more aid would follow.",
     ("The minister", "added", "more aid would follow", "assert")),
    ("The agency noted that prices had risen.", ("The agency", "noted", "prices had risen", "assert")),
    ("The company announced that it would cut jobs.",
     ("The company", "announced", "it would cut jobs", "assert")),
    ("The opposition claimed that the vote was rigged.",
     ("The opposition", "claimed", "the vote was rigged", "assert")),
    ("The embassy stated that its staff were safe.", ("The embassy", "stated", "its staff were safe", "assert")),
    ("Japanese media reported that the prime minister had arrived in Seoul.",
     ("Japanese media", "reported", "the prime minister had arrived in Seoul", "assert")),
    # "According to X, CONTENT" and "CONTENT, according to X"
    ("According to the ministry, troops crossed the border on Sunday.",
     ("the ministry", "According to", "troops crossed the border on Sunday", "assert")),
    ("Troops crossed the border on Sunday, according to the ministry.",
     ("the ministry", "according to", "Troops crossed the border on Sunday", "assert")),
    # deny, warn, demand, promise, question
    ("The government denied that it had sent weapons to the rebels.",
     ("The government", "denied", "it had sent weapons to the rebels", "deny")),
    ("The foreign ministry rejected claims that it had funded the group.",
     ("The foreign ministry", "rejected", "it had funded the group", "deny")),
    ("Washington warned Tehran not to enrich uranium.",
     ("Washington", "warned", "not to enrich uranium", "warn")),
    ("The president urged lawmakers to pass the budget.",
     ("The president", "urged lawmakers", "to pass the budget", "demand")),
    ("The UN called on both sides to halt the fighting.",
     ("The UN", "called on", "to halt the fighting", "demand")),
    ("The union demanded that the company raise wages.",
     ("The union", "demanded", "the company raise wages", "demand")),
    ("The prime minister promised to hold elections next year.",
     ("The prime minister", "promised", "to hold elections next year", "promise")),
    ("The rebels pledged to release the hostages.",
     ("The rebels", "pledged", "to release the hostages", "promise")),
    ("She vowed that the country would never surrender.",
     ("She", "vowed", "the country would never surrender", "promise")),
    ("Reporters asked whether the summit would go ahead.",
     ("Reporters", "asked", "whether the summit would go ahead", "question")),
    ("Critics questioned whether the plan would work.",
     ("Critics", "questioned", "whether the plan would work", "question")),
    # a verb with an object of feeling: the object is part of the cue and gives the stance
    ("The ministry expressed concern that the fighting could spread.",
     ("The ministry", "expressed concern", "the fighting could spread", "warn")),
    ("The envoy voiced hope that talks would resume soon.",
     ("The envoy", "voiced hope", "talks would resume soon", "assert")),
    # heard second-hand
    ("The ambassador was reported as saying that the sanctions would stay.",
     ("The ambassador", "was reported as saying", "the sanctions would stay", "assert")),
    ("The ambassador was quoted as saying that the sanctions would stay.",
     ("The ambassador", "was quoted as saying", "the sanctions would stay", "assert")),
])
def test_each_cue_family_gives_speaker_cue_content_and_stance(nlp, text, expected):
    _, claims = claims_of(nlp, text)
    assert [summary(text, c) for c in claims] == [expected]


@pytest.mark.parametrize("text", [
    "A spokesman declined to comment.",
    "The Khasan representative who was asked about the reports declined to comment.",
    "Russia rejected the offer.",          # an event, not an attribution: no content clause
    "The president added new sanctions.",
    "The minister expressed support for the plan.",  # an object that reports no speech
])
def test_no_claim_without_content(nlp, text):
    # "declined to comment" attributes nothing, so it makes no claim (decided: skip, not an empty claim)
    assert claims_of(nlp, text)[1] == []


def test_passive_relay_is_marked_relayed(nlp):
    text = "The ambassador was reported as saying that the sanctions would stay."
    (claim,) = claims_of(nlp, text)[1]
    assert claim.relayed and claim.via is None


@pytest.mark.parametrize("text, relayed, relay", [
    # "X, citing Y, reported CONTENT": Y's claim via X's
    ("Reuters, citing two diplomats, reported that the envoy had resigned.", "two diplomats", "Reuters"),
    # "according to a report from X, which cited Y": Y via X, and X (not "a report") speaks
    ("The army entered the town, according to a report from the Associated Press, which cited a local official.",
     "a local official", "the Associated Press"),
    # "According to outlets, P stated that CONTENT": P's claim via the outlets' claim
    ("According to state media, the president stated that the army would withdraw.",
     "the president", "state media"),
])
def test_source_chains_link_the_relayed_claim_via_the_relaying_one(nlp, text, relayed, relay):
    _, claims = claims_of(nlp, text)
    by_speaker = {said(text, c.speaker_span): c for c in claims}
    assert set(by_speaker) == {relayed, relay}
    assert by_speaker[relayed].via == by_speaker[relay].id
    assert by_speaker[relay].via is None


def test_relayed_claim_keeps_the_content_of_its_relay(nlp):
    text = "The army entered the town, according to a report from the Associated Press, which cited a local official."
    _, claims = claims_of(nlp, text)
    assert {said(text, c.content) for c in claims} == {"The army entered the town"}


@pytest.mark.parametrize("text, anonymous", [
    ("Officials who spoke on condition of anonymity said the deal was close.", True),
    ("A source familiar with the talks said the deal was close.", True),
    ("One observer said the visit was a turning point.", True),
    ("According to an anonymous Russian official source, the train had arrived.", True),
    ("Two diplomats said the envoy had resigned.", True),
    ("U.S. officials said the deal was close.", False),
    ("Foreign Minister Sergey Lavrov said the deal was close.", False),
    ("A spokeswoman for the defense ministry said the deal was close.", False),
])
def test_anonymous_sources(nlp, text, anonymous):
    (claim,) = claims_of(nlp, text)[1]
    assert claim.anonymous is anonymous


@pytest.mark.parametrize("text, speaker, content", [
    ("\u201cWe will not back down,\u201d the president told reporters.", "the president", "We will not back down"),
    ('"We have done nothing wrong," the spokeswoman said.', "the spokeswoman", "We have done nothing wrong"),
    ("The general said: \u201cWe are ready. Our forces are prepared.\u201d", "The general",
     "We are ready. Our forces are prepared."),
    ("The envoy said, \u201cIt will be a full-fledged visit.\u201d", "The envoy", "It will be a full-fledged visit."),
    # multi-sentence quote with the attribution at its end
    ("\u201cWe are ready. Our forces are prepared. We will win,\u201d the general said.", "the general",
     "We are ready. Our forces are prepared. We will win"),
    ("According to the analyst, \u201cthe deal will be signed soon.\u201d", "the analyst",
     "the deal will be signed soon."),
])
def test_direct_quotes_take_the_quoted_words_as_content(nlp, text, speaker, content):
    (claim,) = claims_of(nlp, text)[1]
    assert (said(text, claim.speaker_span), said(text, claim.content), claim.direct) == (speaker, content, True)


def test_a_quote_that_continues_after_its_attribution_is_one_claim(nlp):
    text = "\u201cWe are ready,\u201d the general said. \u201cThe enemy will be defeated.\u201d"
    (claim,) = claims_of(nlp, text)[1]
    content = said(text, claim.content)
    assert content.startswith("We are ready") and content.endswith("The enemy will be defeated.")
    assert claim.direct


def test_a_quote_with_its_own_cue_starts_a_new_claim(nlp):
    text = ("\u201cWe are ready,\u201d the general said. "
            "\u201cThey are not,\u201d the opposition leader replied, \u201cand they know it.\u201d")
    _, claims = claims_of(nlp, text)
    assert said(text, claims[0].content) == "We are ready"


def test_indirect_speech_is_not_direct_even_with_a_quoted_phrase(nlp):
    text = "Putin promised last week to \u201cexpand bilateral ties in all respects\u201d."
    (claim,) = claims_of(nlp, text)[1]
    assert claim.stance == "promise" and not claim.direct


def test_pronoun_speaker_resolves_to_the_actor_the_actors_stage_gave_it(nlp):
    text = "Chang Ho-jin spoke in Seoul. \u201cThe deal would violate the resolutions,\u201d he warned."
    he = text.index(" he ") + 1
    chang = Actor(id="a1", name="Chang Ho-jin", type="person", country="KOR",
                  mentions=[(0, 12), (he, he + 2)])
    _, claims = claims_of(nlp, text, [chang])
    (claim,) = claims
    assert (said(text, claim.speaker_span), claim.speaker, claim.stance) == ("he", "a1", "warn")


def test_named_speaker_resolves_through_its_head_word(nlp):
    text = "Dmitry Peskov, a spokesman for the Kremlin, said the visit would be long."
    peskov = Actor(id="a1", name="Dmitry Peskov", type="person", country="RUS", mentions=[(0, 13)])
    kremlin = Actor(id="a2", name="Kremlin", type="organization", country="RUS",
                    mentions=[(text.index("the Kremlin"), text.index("the Kremlin") + 11)])
    (claim,) = claims_of(nlp, text, [peskov, kremlin])[1]
    assert claim.speaker == "a1"


def test_speaker_is_none_when_no_actor_was_found(nlp):
    (claim,) = claims_of(nlp, "The minister said that the talks had failed.")[1]
    assert claim.speaker is None and claim.speaker_span is not None


def test_claim_ids_are_in_text_order_and_via_points_to_an_existing_claim(nlp):
    text = ("Reuters, citing two diplomats, reported that the envoy had resigned. "
            "According to state media, the president stated that the army would withdraw.")
    _, claims = claims_of(nlp, text)
    ids = [c.id for c in claims]
    assert ids == [f"c{k}" for k in range(1, len(claims) + 1)]
    assert all(c.via in ids for c in claims if c.via)


def test_a_denial_is_linked_to_the_claim_it_contradicts(nlp):
    text = ("U.S. officials claimed that North Korea would give Russia weapons for the war. "
            "Both Pyongyang and Moscow have denied that North Korea will give Russia weapons.")
    record = Record(article=Article(id="t", text=text))
    attribute(record, nlp(text))
    claim, denial = record.claims
    assert denial.stance == "deny" and denial.contradicts == claim.id and claim.contradicts is None


@pytest.mark.parametrize("text, quoted", [
    ("He said \u201cyes\u201d and \u201cno\u201d.", ["yes", "no"]),
    ('She said "we will go" today.', ["we will go"]),
    # a quote reopened in the next paragraph continues; an unclosed one ends with its paragraph
    ("\u201cFirst part.\n\u201cSecond part,\u201d he said.", ["First part.", "Second part,"]),
    ("No quotes here.", []),
])
def test_find_quotes(text, quoted):
    assert [text[s:e] for s, e in find_quotes(text)] == quoted


def test_seed_claims_meet_the_bar(shared, seed_record):
    # The bar on the seed gold: claims F1 >= 0.85 and speaker accuracy >= 0.85.
    from newsgraph.evaluate import score
    from newsgraph.evaluate.gold import load_gold

    result = score(load_gold(shared / "gold/seed.gold.json"), seed_record)
    assert result.claims.f1 >= 0.85, result.claims.to_dict()
    assert result.speakers.accuracy >= 0.85, result.speakers.to_dict()


@pytest.mark.parametrize("text, quoted", [
    # texts mix straight and curly marks; the shape of the gap says which mark opens
    ('"The vaccines are on their way,\u201d he said. \u201cThey are safe."', ["The vaccines are on their way,", "They are safe."]),
    ('the anthology "The Gees in Houston." Kapral said', ["The Gees in Houston."]),
])
def test_find_quotes_with_mixed_marks(text, quoted):
    assert [text[s:e] for s, e in find_quotes(text)] == quoted


def test_speaker_name_that_the_parser_hung_elsewhere(nlp):
    text = ("Speaking at a news conference, NCDC lead Dr. Olajide Idris said that the nation "
            "is ramping up its response.")
    (claim,) = claims_of(nlp, text)[1]
    assert said(text, claim.speaker_span).endswith("Olajide Idris")


@pytest.mark.parametrize("text, speakers", [
    # a cue inside a quotation is the quoted speaker's own words, not a new claim
    ("\u201cPeople write about the party every day,\u201d he said.", ["he"]),
    # "citing economic issues" names a reason, not a source
    ("Geza said he would mobilize protests, citing economic issues.", ["Geza"]),
    # "cited X as saying" makes one claim for X, not two
    ("The newspaper cited unnamed intelligence sources as saying that the ship had left.",
     ["unnamed intelligence sources"]),
])
def test_no_spurious_claims(nlp, text, speakers):
    _, claims = claims_of(nlp, text)
    assert [said(text, c.speaker_span) for c in claims] == speakers


@pytest.mark.parametrize("text, content", [
    # a bare cue after a quotation closed by a full stop still takes it
    ("\u201cThe law was applied differently here.\u201d Chao said.", "The law was applied differently here."),
    # a cue with its own object after such a quotation starts a new sentence, and takes no quotation
    ("\u201cThe strain is spreading fast.\u201d Badmus stressed the need for public awareness.", None),
])
def test_quotation_closed_by_a_full_stop(nlp, text, content):
    _, claims = claims_of(nlp, text)
    assert [said(text, c.content) for c in claims if c.direct] == ([content] if content else [])


def test_a_quotation_opening_the_next_sentence_is_the_same_speakers(nlp):
    text = 'Jane Smith said the talks had failed. "We tried everything. Nothing worked." Others disagreed.'
    _, claims = claims_of(nlp, text)
    assert [(said(text, c.speaker_span), said(text, c.content), c.direct) for c in claims] == [
        ("Jane Smith", "the talks had failed", False),
        ("Jane Smith", "We tried everything. Nothing worked.", True)]


def test_a_quotation_after_a_generic_speaker_is_not_carried_over(nlp):
    text = 'Analysts say the talks had failed. "We tried everything. Nothing worked." Others disagreed.'
    _, claims = claims_of(nlp, text)
    assert [c.direct for c in claims] == [False]


def test_speaker_actor_is_not_taken_from_a_relative_clause(nlp):
    text = "A student, who spoke with VOA on condition of anonymity, said the rules were strict."
    voa = Actor(id="a1", name="Voice of America", type="organization", mentions=[(text.index("VOA"), text.index("VOA") + 3)])
    (claim,) = claims_of(nlp, text, [voa])[1]
    assert claim.speaker is None and claim.anonymous


@pytest.mark.parametrize("text, speaker", [
    ('"Sanctions are waiting, and they matter for the economy," warned Asli Aydintasbas, a senior fellow.',
     "Asli Aydintasbas, a senior fellow"),
    ('"I am not ready to be repatriated," fretted Muslima Abdullahi.', "Muslima Abdullahi"),
])
def test_inverted_attribution_after_a_quote(nlp, text, speaker):
    (claim,) = claims_of(nlp, text)[1]
    assert said(text, claim.speaker_span) == speaker and claim.direct


@pytest.mark.parametrize("text, speaker", [
    # a parenthetical cue: the whole sentence around it is the content
    ("Such matters, he told VOA, should be decided through referendums.", "he"),
    ("Another cause for concern, she said, is that this strain spreads fast.", "she"),
])
def test_parenthetical_attribution(nlp, text, speaker):
    (claim,) = claims_of(nlp, text)[1]
    assert said(text, claim.speaker_span) == speaker
    assert said(text, claim.content).startswith(text.split(",")[0])


def test_a_parsed_articles_quotations_are_found_once(nlp):
    from newsgraph.annotate.quotes import quotes_of

    doc = nlp('“We will not sell arms,” the minister said. “Never,” he added.')
    first = quotes_of(doc)
    assert first == find_quotes(doc.text) and len(first) == 2
    assert quotes_of(doc) is first  # kept on the Doc: the actors and claims stages share one scan
