"""Batch runs over many pages to Parquet tables: a local process pool or Apache Spark.

``units`` cuts the inputs into work units, ``job.process_unit`` analyses one unit with
``newsprobe.analyze_many`` and writes its part files (``tables``), and ``local`` and ``spark``
run the units on a process pool or a Spark cluster. ``newsprobe run`` is the command over them.
"""
