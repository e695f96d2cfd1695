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
downloaded at run time, and every proposal can be traced to the rule that made it.
"""
