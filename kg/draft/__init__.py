"""``kg draft ARTICLE.txt``: a first draft of an article's seed file, for a curator to review.

The drafter reads an article's text and proposes, never decides: the ``article:`` block,
the entities it mentions (resolved against the graph's own labels and aliases), candidate
new entities with the cue that suggested them, and candidate facts as ``review: pending``
blocks, each with a pointer to its evidence (character offsets of the sentence and the
text's sha256). ``kg build`` refuses a file while any proposal is pending.

It never copies the article's sentences: labels and summaries are built from the structured
fields it found (entity labels, dates, numbers), and the evidence is an offset, not a quote.

Rule-based by design (spaCy's blank English pipeline: tokenizer, rule-based sentencizer and a
PhraseMatcher built from the graph; ``dateparser`` for date expressions): nothing is
downloaded at run time, and every proposal can be traced to the rule that made it. Texts in
Russian and Armenian are matched by Snowball stems (``snowballstemmer``) and by transliteration
(``anyascii``), see :mod:`kg.draft.names`.

Measured with ``bench/draft_log.py --redraft /work/corpus/texts`` on the 56 logged articles
(issue 19), last 20 rows, from the session start to this code: mention recall 46 -> 63 %,
precision 81 -> 85 %, dates right 11 -> 25 %, numbers 0/5 -> 1/5, proposals unchanged or with
one edit 29 -> 67 %, wrong 18 -> 8 %, invented speakers 4 -> 0, dates 3 -> 4 (the curators'
latestDate where the text's day was taken as the event's). Kinds the curators mostly deleted
are no longer proposed (see ``pipeline._worth_proposing``).
"""
