"""The Python face of :class:`chaff._chaff.Scorer`: lists of dicts and Arrow batches."""

import json
import os

from . import _chaff

#: The columns :meth:`Scorer.score_arrow` appends, in score-file order (``chaff score`` CSV
#: columns after ``id``, prefixed).
RESULT_COLUMNS = (
    "chaff_lang",
    "chaff_words",
    "chaff_probability",
    "chaff_verdict",
    "chaff_reasons",
    "chaff_abstain",
    "chaff_model",
)


def result_fields():
    """The pyarrow fields of :data:`RESULT_COLUMNS`."""
    import pyarrow as pa

    types = (pa.string(), pa.int32(), pa.float64(), pa.string(), pa.string(), pa.string(), pa.string())
    return [pa.field(name, t) for name, t in zip(RESULT_COLUMNS, types)]


def _text_list(texts):
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a list of strings, not one string")
    return list(texts)


def _lexicon_args(lexicons):
    """``{"en/buzzwords": "my_words.txt"}`` as the ``NAME=FILE`` strings of ``--lexicon``."""
    if not lexicons:
        return []
    return [f"{name}={os.fspath(path)}" for name, path in dict(lexicons).items()]


class Scorer:
    """Scores texts with one model and one set of lexicons.

    ``model``: a model file (``chaff train`` / ``chaff calibrate`` output), or None for the
    built-in model. ``lexicons``: extra word lists, ``{"en/buzzwords": "my_words.txt"}`` (as
    ``--lexicon``). ``threads``: threads that score one call's texts (1 by default: engines
    already run one worker per core).

    A Scorer pickles: it rebuilds itself from its (absolute) model and lexicon paths, so those
    files must be readable where it is unpickled; the built-in model always is.
    """

    def __init__(self, model=None, lexicons=None, threads=1):
        self.model = None if model is None else os.path.abspath(os.fspath(model))
        self.lexicons = (
            None if lexicons is None else {n: os.path.abspath(os.fspath(p)) for n, p in dict(lexicons).items()}
        )
        self.threads = int(threads)
        self._inner = _chaff.Scorer(self.model, _lexicon_args(self.lexicons), self.threads)

    @property
    def model_identity(self):
        """``name@hash`` of the model: the ``model`` field of every row."""
        return self._inner.model_identity

    def __reduce__(self):
        return (Scorer, (self.model, self.lexicons, self.threads))

    def __repr__(self):
        return f"chaff.Scorer(model={self.model!r}, lexicons={self.lexicons!r}, threads={self.threads})"

    def score(self, texts, ids=None, all_features=False):
        """One dict per text with the fields and values of a ``chaff score --format jsonl`` row.

        ``ids`` name the rows (default: their position, ``"0"``, ``"1"``, ...);
        ``all_features`` adds every feature, as ``--all-features`` does.
        """
        texts = _text_list(texts)
        if ids is not None:
            ids = [str(i) for i in ids]
        lines = self._inner.score_jsonl(texts, ids, bool(all_features))
        return json.loads("[" + ",".join(lines) + "]")

    def score_arrow(self, batch, text_column="text", id_column=None):
        """``batch`` (a pyarrow RecordBatch or Table) with :data:`RESULT_COLUMNS` appended.

        The values are those of ``chaff score --format csv``: ``chaff_probability`` with four
        decimals (null for a text without words), ``chaff_reasons`` the reasons cell,
        ``chaff_abstain`` null when there is a verdict. A null text is scored as an empty one.
        ``id_column`` names rows in error messages (default: their position).
        """
        import pyarrow as pa

        names = batch.schema.names
        if text_column not in names:
            raise KeyError(f"no column {text_column!r} in the batch (columns: {', '.join(names)})")
        taken = [c for c in RESULT_COLUMNS if c in names]
        if taken:
            raise ValueError(f"the batch already has result columns: {', '.join(taken)}")
        ids = None
        if id_column is not None:
            ids = [str(i) if i is not None else str(n) for n, i in enumerate(batch.column(id_column).to_pylist())]
        columns = self._inner.score_columns(batch.column(text_column).to_pylist(), ids)
        fields = result_fields()
        arrays = [pa.array(values, type=f.type) for f, values in zip(fields, columns)]
        if isinstance(batch, pa.Table):
            for f, a in zip(fields, arrays):
                batch = batch.append_column(f, a)
            return batch
        schema = batch.schema
        for f in fields:
            schema = schema.append(f)
        return pa.RecordBatch.from_arrays(list(batch.columns) + arrays, schema=schema)
