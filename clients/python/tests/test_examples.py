"""The repository's Python example runs against a real coordinator and says what the search found."""

import json
import os
import subprocess
import sys

from search_specs import EXAMPLES


def test_the_example_script_follows_the_burger_to_its_answer(cluster, tmp_path):
    ran = subprocess.run([sys.executable, str(EXAMPLES / "python" / "follow_a_search.py")], cwd=tmp_path,
                         env={**os.environ, "LAYERNAS_SERVER": cluster.api}, capture_output=True, text=True, timeout=120)

    assert ran.returncode == 0, ran.stderr
    assert f"submitted to {cluster.api}" in ran.stdout
    assert "best: bun=brioche patty=chicken topping=truffle" in ran.stdout
    assert "reward 0.764101, cost 9" in ran.stdout
    assert json.loads((tmp_path / "result.json").read_text())["status"] == "finished"
