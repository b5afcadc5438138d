"""Canonical claimants: one name for each body that reports figures, kept beside the text's own phrase.

    from kronika.claimants import canonical_claimant, ClaimantContext
    canonical_claimant("the Russian MoD").name                       # "Russia's Ministry of Defence"
    canonical_claimant("Oleh Syniehubov, the Kharkiv governor").id   # "ua.region:kharkiv-oblast"
    canonical_claimant("the air force", ClaimantContext(country="UA")).name   # "Ukraine's Air Force"
    canonical_claimant("though none were")                           # None: no body, no person

    canonical_claimant(phrase, context=None) -> Claimant | None   the body or person behind a phrase
    is_claimant(phrase) -> bool                                   does the phrase name a body or a person?
    agent_noun(word) -> bool                                      can this common noun head a source phrase?
    is_bare(claimant) -> bool                                     a role with no name ("the ministry")?
    refers_to(bare, earlier) -> bool                              can "the ministry" mean that earlier claimant?
    ClaimantContext(country, region, city, day)                   what completes a bare role ("the governor")
    Claimant                                                      id, name, kind, scope, side, region, city,
                                                                  person, via, phrase, known
    registry()                                                    the shipped bodies and people

The registry (`data/registry.toml`, readable and commented) lists national bodies (Ukraine's Air Force, General
Staff, Russia's Ministry of Defence, ...), outlets and international bodies, and the people who speak for them
with their posts. Regional governors, military administrations and city heads are read by pattern and placed
with the shipped gazetteer. A phrase that names a body or person kronika does not list still gets a Claimant,
with `known=False` and an `other:` or `person:` id; only phrases that name nobody get None.

Ledger, `kronika stats air`, exports and the web app group figures by `Claimant.id` and show `Claimant.name`.
"""

from __future__ import annotations

from kronika.claimants.match import (
    Claimant,
    ClaimantContext,
    agent_noun,
    canonical_claimant,
    is_bare,
    is_claimant,
    refers_to,
)
from kronika.claimants.registry import Body, Person, Post, Registry, RegistryError, registry

__all__ = [
    "Body",
    "Claimant",
    "ClaimantContext",
    "Person",
    "Post",
    "Registry",
    "RegistryError",
    "agent_noun",
    "canonical_claimant",
    "is_bare",
    "is_claimant",
    "refers_to",
    "registry",
]
