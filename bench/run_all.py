"""Run every bench/*.py script (each prints its own result lines) and print their output.

usage: python bench/run_all.py
Each script runs in its own process with this interpreter and ``src`` first on the path; a script
that fails is reported and the others still run. Exit status 1 if any failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE.parent / "src"), env.get("PYTHONPATH")]))
    failed = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name in (Path(__file__).name, "__init__.py") or script.name.startswith("_"):
            continue
        print(f"== {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], env=env, cwd=HERE.parent, text=True, capture_output=True)
        sys.stdout.write(result.stdout)
        if result.returncode != 0:
            failed += 1
            tail = "\n".join(result.stderr.strip().splitlines()[-5:])
            print(f"{script.name}: FAILED (exit {result.returncode})\n{tail}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
