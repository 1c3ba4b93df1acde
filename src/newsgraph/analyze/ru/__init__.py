"""The Russian analysis: natasha's models and our stages, filling the same analysis record.

One module per stage, as the English packages: ``entities``, ``quotes`` (with speakers),
``timexes``, ``quantities``, ``events``; ``nlp`` loads natasha once per process and turns text into a
spaCy Doc; ``norm`` (nominative forms), ``translit`` (English spellings of names),
``gazetteer`` (Russian names of known places and organisations) and ``roles`` (places
acting as states) serve them. Word lists are in ``lexicons/ru/``. The stage table is
``stages.RU_STAGES``.
"""
