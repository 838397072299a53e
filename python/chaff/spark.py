"""chaff on Spark: score a DataFrame's text column with ``mapInArrow``.

::

    import chaff.spark
    scored = chaff.spark.score(spark.read.json("shards/"), text_col="text")

Needs the ``spark`` extra (pyspark, pandas >= 2.2, pyarrow). Workers must run the Python that
has chaff installed: set ``PYSPARK_PYTHON`` to it.
"""

from ._scorer import RESULT_COLUMNS, Scorer


def result_schema(schema):
    """``schema`` (a Spark StructType) with the result columns appended."""
    from pyspark.sql.types import DoubleType, IntegerType, StringType, StructField, StructType

    types = {"chaff_words": IntegerType(), "chaff_probability": DoubleType()}
    taken = [c for c in RESULT_COLUMNS if c in schema.names]
    if taken:
        raise ValueError(f"the DataFrame already has result columns: {', '.join(taken)}")
    extra = [StructField(c, types.get(c, StringType()), nullable=True) for c in RESULT_COLUMNS]
    return StructType(list(schema.fields) + extra)


def score(df, text_col="text", scorer=None, id_col=None):
    """``df`` with :data:`chaff.RESULT_COLUMNS` appended (lazily, through ``mapInArrow``).

    ``scorer``: a :class:`chaff.Scorer` (default: the built-in model, one thread per task);
    it is pickled to the workers. ``id_col`` names rows in error messages.
    """
    if text_col not in df.columns:
        raise KeyError(f"no column {text_col!r} in the DataFrame (columns: {', '.join(df.columns)})")
    scorer = scorer if scorer is not None else Scorer()

    def score_batches(batches):
        for batch in batches:
            yield scorer.score_arrow(batch, text_column=text_col, id_column=id_col)

    return df.mapInArrow(score_batches, result_schema(df.schema))
