"""chaff: separate substance from filler.

Scores articles for machine-generated or low-substance filler with the same model, code and
values as the ``chaff`` command line::

    import chaff
    scorer = chaff.Scorer()
    rows = scorer.score(["In today's fast-paced world, ..."])

Engines: :mod:`chaff.spark` (``mapInArrow``), :mod:`chaff.ray` (``map_batches``) and
:mod:`chaff.datatrove` (a filter step).
"""

from ._chaff import ChaffError, __version__, feature_names
from ._chaff import features as _features
from ._scorer import RESULT_COLUMNS, Scorer

__all__ = ["RESULT_COLUMNS", "ChaffError", "Scorer", "__version__", "feature_names", "features"]


def features(texts, lexicons=None):
    """Every feature of each text, as ``chaff features --format jsonl`` writes it.

    Returns one dict per text: ``lang``, then each feature name (in :func:`feature_names`
    order) with its value, or None where the feature does not apply.
    """
    from ._scorer import _lexicon_args, _text_list

    return _features(_text_list(texts), _lexicon_args(lexicons))
