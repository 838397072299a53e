"""chaff in datatrove: a filter step.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from chaff.datatrove import ChaffFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("shards/"),
        ChaffFilter(exclusion_writer=JsonlWriter("out/filler")),
        JsonlWriter("out/kept"),
    ]).run()

Every document gets the flat ``chaff_*`` keys of :data:`chaff.RESULT_COLUMNS` in its
``metadata``; documents whose verdict is in ``drop`` (default: ``filler``) are dropped with the
reason ``chaff_<verdict>`` (``chaff_filler``), which an exclusion writer records as
``filter_reason``. Needs the ``datatrove`` extra (datatrove and ``regex``).
"""

from datatrove.pipeline.filters.base_filter import BaseFilter

from ._scorer import RESULT_COLUMNS, Scorer

VERDICTS = ("filler", "ok", "uncertain")


class ChaffFilter(BaseFilter):
    """Scores each document's text; keeps ``ok`` and ``uncertain``, drops ``filler``.

    ``drop``: the verdicts to drop (e.g. ``("filler", "uncertain")``); ``batch_size``: how many
    documents one call scores; ``model``, ``lexicons``, ``threads``: as :class:`chaff.Scorer`.
    """

    name = "🌾 chaff"

    def __init__(self, model=None, lexicons=None, threads=1, drop=("filler",), exclusion_writer=None, batch_size=64):
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        unknown = [v for v in drop if v not in VERDICTS]
        if unknown:
            raise ValueError(f"unknown verdicts to drop: {', '.join(unknown)} (verdicts: {', '.join(VERDICTS)})")
        self.drop = frozenset(drop)
        self.scorer = Scorer(model=model, lexicons=lexicons, threads=threads)

    def filter(self, doc):
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch):
        ids = [str(doc.id) for doc in batch]
        columns = self.scorer._inner.score_columns([doc.text for doc in batch], ids)
        results = []
        for doc, values in zip(batch, zip(*columns)):
            doc.metadata.update(zip(RESULT_COLUMNS, values))
            verdict = doc.metadata["chaff_verdict"]
            self.stat_update(f"chaff_{verdict}")
            results.append((False, f"chaff_{verdict}") if verdict in self.drop else True)
        return results
