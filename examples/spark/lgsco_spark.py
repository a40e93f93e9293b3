"""Parse a directory (or bucket) of LGSCO decision statements on Apache Spark.

Reads every ``*.txt`` file under INPUT with Spark's ``binaryFile`` source,
parses them on the executors with the ``lgsco`` Python package (Rust, in
parallel, without the GIL) inside ``mapInArrow``, and writes three Parquet
tables under OUTPUT:

- ``decisions/``  one row per decision: the columns of ``lgsco.to_records``
  (path, reference_id, authority, category, outcome, decision_date, findings,
  payments, counts, ...);
- ``paragraphs/`` one row per paragraph: the columns of
  ``lgsco.paragraph_records`` (path, reference_id, ordinal, headings, text,
  ...);
- ``errors/``     one row per file that holds no decision (path, code,
  message, line, column).

Each file is read and parsed once: the parse yields a row per file holding
its decision record, its paragraphs (a nested list) or its error; that is
cached and split into the three tables.

Local (the test runs this on the seeds)::

    python examples/spark/lgsco_spark.py --master 'local[2]' tests/fixtures out/

On a cluster, with spark-submit (see examples/spark/README.md for shipping
the package to the executors)::

    spark-submit --master yarn --deploy-mode cluster \\
        --conf spark.archives=lgsco-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python \\
        lgsco_spark.py s3a://bucket/decisions/ s3a://bucket/lgsco/
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any, Dict, Iterator, List

import pyarrow as pa

# The columns of lgsco.to_records / lgsco.paragraph_records, typed. Spark's
# schema is derived from these (see spark_schema), so the two cannot drift.
DECISION_FIELDS = [
    ("path", pa.string()),
    ("reference", pa.string()),
    ("reference_id", pa.string()),
    ("authority", pa.string()),
    ("category_area", pa.string()),
    ("category_subcategory", pa.string()),
    ("outcome", pa.string()),
    ("outcome_kind", pa.string()),
    ("decision_date", pa.date32()),
    ("layout", pa.string()),
    ("fault", pa.string()),
    ("injustice", pa.string()),
    ("investigated", pa.string()),
    ("not_investigated_reason", pa.string()),
    ("payments_total_pence", pa.int64()),
    ("payments_total", pa.float64()),
    ("summary", pa.string()),
    ("section_count", pa.int32()),
    ("paragraph_count", pa.int32()),
    ("entity_count", pa.int32()),
    ("money_count", pa.int32()),
    ("remedy_action_count", pa.int32()),
    ("diagnostic_count", pa.int32()),
    ("char_count", pa.int64()),
]
PARAGRAPH_FIELDS = [
    ("path", pa.string()),
    ("reference_id", pa.string()),
    ("ordinal", pa.int32()),
    ("number", pa.int32()),
    ("section", pa.string()),
    ("section_kind", pa.string()),
    ("subsection", pa.string()),
    ("subsection_kind", pa.string()),
    ("headings", pa.string()),
    ("text", pa.string()),
    ("item_count", pa.int32()),
    ("items_text", pa.string()),
    ("entity_count", pa.int32()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("line", pa.int32()),
]
ERROR_FIELDS = [
    ("error_code", pa.string()),
    ("error_message", pa.string()),
    ("error_line", pa.int32()),
    ("error_column", pa.int32()),
]

PARAGRAPH_TYPE = pa.struct([pa.field(n, t) for n, t in PARAGRAPH_FIELDS])
# What the parse step yields: one row per file.
PARSED_SCHEMA = pa.schema(
    [pa.field(n, t) for n, t in DECISION_FIELDS]
    + [pa.field(n, t) for n, t in ERROR_FIELDS]
    + [pa.field("paragraphs", pa.list_(PARAGRAPH_TYPE))]
)


def spark_type(t: pa.DataType) -> str:
    """The Spark SQL type (DDL) of an Arrow type used above."""
    if pa.types.is_string(t):
        return "string"
    if pa.types.is_int32(t):
        return "int"
    if pa.types.is_int64(t):
        return "bigint"
    if pa.types.is_float64(t):
        return "double"
    if pa.types.is_date32(t):
        return "date"
    if pa.types.is_list(t):
        return f"array<{spark_type(t.value_type)}>"
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(f"`{f.name}`: {spark_type(f.type)}" for f in t) + ">"
    raise TypeError(f"no Spark type for {t}")


def spark_schema(schema: pa.Schema) -> str:
    return ", ".join(f"`{f.name}` {spark_type(f.type)}" for f in schema)


def parse_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """mapInArrow: (path, content) batches in, one parsed row per file out.

    Runs on the executors; each batch of files is parsed by
    ``lgsco.parse_many`` on all the executor's cores.
    """
    import lgsco  # on the executor

    for batch in batches:
        paths: List[str] = batch.column("path").to_pylist()
        contents: List[bytes] = batch.column("content").to_pylist()
        results = lgsco.parse_many(contents, errors="return")
        rows: List[Dict[str, Any]] = []
        for path, result in zip(paths, results):
            row: Dict[str, Any] = {n: None for n in PARSED_SCHEMA.names}
            if isinstance(result, lgsco.ParseError):
                row["path"] = path
                row["error_code"] = result.code
                row["error_message"] = str(result)
                row["error_line"] = result.line
                row["error_column"] = result.column
                row["paragraphs"] = []
            else:
                result.path = path
                (record,) = lgsco.to_records([result])
                row.update(record)
                row["paragraphs"] = lgsco.paragraph_records([result])
            rows.append(row)
        yield pa.RecordBatch.from_pylist(rows, schema=PARSED_SCHEMA)


def run(spark: Any, input_path: str, output: str, pattern: str = "*.txt") -> Dict[str, int]:
    """Parses every file matching ``pattern`` under ``input_path`` and writes
    the three tables under ``output``; returns their row counts."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    files = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", pattern)
        .option("recursiveFileLookup", "true")
        .load(input_path)
        .select("path", "content")
    )
    parsed = files.mapInArrow(parse_batches, spark_schema(PARSED_SCHEMA)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    ok = parsed.where(F.col("error_code").isNull())

    decisions = ok.select(*[n for n, _ in DECISION_FIELDS])
    paragraphs = ok.select(F.explode("paragraphs").alias("p")).select("p.*")
    errors = parsed.where(F.col("error_code").isNotNull()).select(
        "path", *[n for n, _ in ERROR_FIELDS]
    )
    decisions.write.mode("overwrite").parquet(f"{output}/decisions")
    paragraphs.write.mode("overwrite").parquet(f"{output}/paragraphs")
    errors.write.mode("overwrite").parquet(f"{output}/errors")
    counts = {
        "decisions": decisions.count(),
        "paragraphs": paragraphs.count(),
        "errors": errors.count(),
    }
    parsed.unpersist()
    return counts


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="directory (any Hadoop path: file:, hdfs:, s3a:) of decision texts")
    ap.add_argument("output", help="directory for the Parquet tables")
    ap.add_argument("--pattern", default="*.txt", help="file name glob (default *.txt)")
    ap.add_argument(
        "--master",
        default=None,
        help="Spark master, e.g. local[2] (default: spark-submit's, else local[*])",
    )
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("lgsco-parse")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        started = dt.datetime.now()
        counts = run(spark, args.input, args.output, args.pattern)
        took = (dt.datetime.now() - started).total_seconds()
        print(
            f"lgsco_spark: {counts['decisions']} decisions, {counts['paragraphs']} paragraphs, "
            f"{counts['errors']} errors -> {args.output} in {took:.1f}s"
        )
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
