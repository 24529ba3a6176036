"""The NLP pass: spaCy's English pipeline followed by Communiqué's four components.

Importing this package is cheap (no spaCy); ``pipeline.load_pipeline`` builds the pipeline.

========================  =============================================  ==========================
component                 requires                                       assigns
========================  =============================================  ==========================
communique_actors         token.dep/head/pos/tag/lemma, doc.sents,       doc._.actors
                          doc.ents
communique_quotes         token.dep/head/pos/tag/lemma/ent_type,         doc._.quotes
                          doc.sents, doc._.actors
communique_context        token.lemma, doc.ents, doc._.actors            doc._.dates/places/
                                                                         topics/tone
communique_events         token.dep/head/pos/tag/lemma, doc.sents,       doc._.events
                          doc._.actors, doc._.quotes, doc._.dates
========================  =============================================  ==========================

Actors, context and events also read ``doc._.published``, which the caller sets before the
pipeline runs. In spaCy's English pipelines ``token.pos`` comes from the ``attribute_ruler``
(``pipeline.load_base`` declares what its patterns assign).

Modules::

    components.py       the factories: default_config (every tuning number), requires, assigns
    pipeline.py         load_base / load_pipeline: the English model plus our components
    rules.py            spaCy's attribute ruler and rule lemmatizer in table form (the same
                        annotations, each decided once per distinct word)
    extensions.py       the Doc attributes (ActorCluster, QuoteSpan, EventSpan, DateSpan) and
                        the lookup of a phrase's actors
    limits.py           bounds applied before the parser (runs without spaces, long passages)
    syntax.py           grammar shared by the readers: label classes, pobj_of, to_infinitive
    context.py          ContextAnnotator: dates, places, topics, tone
    serialize.py        Doc -> records.Analysis (the storage boundary)
    actors/             ActorResolver: people, groups, organisations, countries -> doc._.actors
        resolver.py         the component and its passes in order
        state.py            per-document state (Draft, ResolutionState), country fallbacks
        scan.py             gazetteer matching of names and role words
        affiliation.py      roles, countries and organisations read around a name
        people.py           the people pass
        groups.py           role nominals, organisations, countries
        country_context.py  where an actor that names no country belongs
        config.py           ActorConfig
    quotes/             QuoteExtractor: direct, mixed and indirect quotations -> doc._.quotes
        extractor.py        the component: pieces, cues and speakers put together
        marks.py            quotation marks paired into quoted stretches
        pieces.py           quoted stretches on tokens; quoted words in a verb's object
        cues.py             speech cues and what each attributes (speaker, content); which
                            contents are propositions (indirect quotations)
        subjects.py         who speaks: the speaker token a cue names, who can speak
        reported.py         where a cue's reported content is, and its grammatical form
        report_nouns.py     report nouns ("his claim that ...")
        index.py            per-doc character/token/sentence/paragraph lookups
        layout.py           transcript labels, dash signatures and datelines
        narrator.py         first-person pieces: whom "I" stands for
        speakers.py         speaker mention -> actor and name
        coref.py            pronoun and title resolution
        config.py           QuoteConfig
    events/             EventCoder: CAMEO events (who did what to whom) -> doc._.events
        coder.py            the component: clauses, parties and dyads
        clauses.py          what a clause codes (lexicon, modality, negation)
        modality.py         intent, threat, refusal, appeal, demand codes
        parties.py          argument phrase -> parties with actor codes
        targets.py          where a target is named besides the object
        relevance.py        which coded acts are political events (sport, private
                            business, made things are not)
        lexicon.py          EventLexicon: the event knowledge files, loaded once
        config.py           EventConfig

Knowledge (word lists, codes, names) is read from ``communique/knowledge`` once per component
instance; the ``knowledge_dir`` setting overrides any of its files.
"""
