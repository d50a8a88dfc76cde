"""The Spark engine: the work units are parallelised, each partition runs the same ``process_unit``.

Inside a partition, ``newsprobe.analyze_many`` uses the pipeline cached in that Python worker
process (Spark reuses its Python workers), so the spaCy model is loaded once per executor
process, never per record. Each partition writes its part files with the same writer as the local
engine, named after its unit: a retried task replaces its own files, and no row crosses from
Python to the JVM. On a cluster the output folder must be one every executor sees (a shared
filesystem), and newsprobe must be installed on the executors.

Locally (``local[N]``) the driver binds to 127.0.0.1 only, and ``SPARK_LOCAL_IP`` is set to it,
so nothing listens beyond the loopback interface.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newsprobe
from newsprobe.batch.job import UnitSummary, process_unit
from newsprobe.batch.units import WorkUnit
from newsprobe.options import Options

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

# Spark's JVM logging for newsprobe runs (log4j2 properties): errors only, on stderr. Kept here rather
# than as a package file so that it ships without packaging changes; written to a temp file at start.
LOG4J2 = """\
# Spark's JVM logging for newsprobe runs: errors only, on stderr (Spark's default is INFO/WARN chatter).
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
# Spark prints "Setting default log level" when the level of the class that first logs (in PySpark the
# gateway server) differs from the root's.
logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer
logger.gateway.level = error
"""


class SparkUnavailable(RuntimeError):
    """Spark cannot start here (no Java, no pyspark); the message says what to install."""


def is_local(master: str) -> bool:
    """True for ``local``, ``local[N]``, ``local[*]`` and the like."""
    return master == "local" or master.startswith("local[")


def find_java() -> str | None:
    """The ``java`` Spark will run: ``$JAVA_HOME/bin/java`` or the first on ``PATH``."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def start_session(master: str = "local[2]", app_name: str = "newsprobe") -> SparkSession:
    """A quiet Spark session; on a local master everything listens on 127.0.0.1 only."""
    if find_java() is None:
        raise SparkUnavailable(
            "Spark needs Java 17 or newer and none was found: install a JRE "
            "(apt-get install default-jre-headless) or set JAVA_HOME"
        )
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable("pyspark is not installed: pip install pyspark==4.3.0") from exc
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    log_options = f"-Dlog4j2.configurationFile={_log_config().as_uri()}"
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.python.worker.reuse", "true")
        .config("spark.driver.extraJavaOptions", log_options)
        .config("spark.executor.extraJavaOptions", log_options)
    )
    if is_local(master):
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
        # Python workers on this machine import the very newsprobe the driver runs (a checkout on
        # sys.path, not only an installed copy); on a cluster, newsprobe is installed on the executors.
        package_root = str(Path(newsprobe.__file__).resolve().parents[1])
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.executorEnv.PYTHONPATH", package_root)
        )
    with warnings.catch_warnings():
        # pyspark warns that it does not yet "fully support pandas >= 3"; newsprobe does not use its pandas API
        warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
        session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _log_config() -> Path:
    """The logging configuration as a file the JVM can read (named by its content, written once)."""
    digest = hashlib.sha1(LOG4J2.encode()).hexdigest()[:10]
    path = Path(tempfile.gettempdir()) / f"newsprobe-log4j2-{digest}.properties"
    if not path.exists():
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(LOG4J2, encoding="utf-8")
        partial.replace(path)
    return path


def _run_partition(items: Iterator[WorkUnit], out_dir: str, options: Options | None) -> Iterator[UnitSummary]:
    """The body of a Spark task: every unit of the partition through ``process_unit``."""
    for unit in items:
        yield process_unit(unit, out_dir, options)


def run_spark(
    units: Sequence[WorkUnit],
    out_dir: str,
    options: Options | None = None,
    master: str = "local[2]",
    session: SparkSession | None = None,
) -> list[UnitSummary]:
    """Process the units as a Spark job (one partition a unit); returns every unit's summary."""
    if not units:
        return []
    own = session is None
    spark = start_session(master) if session is None else session
    try:
        context: Any = spark.sparkContext
        rdd = context.parallelize(list(units), numSlices=len(units))
        out = str(Path(out_dir).resolve())
        return list(rdd.mapPartitions(lambda items: _run_partition(items, out, options)).collect())
    finally:
        if own:
            spark.stop()
