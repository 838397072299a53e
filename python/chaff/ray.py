"""chaff on Ray Data: a callable class for ``map_batches``.

::

    import ray
    from chaff.ray import ChaffScorer

    ds = ray.data.read_json("shards/")
    scored = ds.map_batches(ChaffScorer, batch_format="pyarrow", concurrency=1)

Each actor builds one :class:`chaff.Scorer`; ``fn_constructor_kwargs`` passes its options
(``text_column``, ``id_column``, ``model``, ``lexicons``, ``threads``).
"""

from ._scorer import Scorer


class ChaffScorer:
    """Appends :data:`chaff.RESULT_COLUMNS` to each pyarrow batch."""

    def __init__(self, text_column="text", id_column=None, model=None, lexicons=None, threads=1):
        self.text_column = text_column
        self.id_column = id_column
        self.scorer = Scorer(model=model, lexicons=lexicons, threads=threads)

    def __call__(self, batch):
        return self.scorer.score_arrow(batch, text_column=self.text_column, id_column=self.id_column)
