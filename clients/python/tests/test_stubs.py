"""The package's protobuf and gRPC modules are exactly what protos/ generates."""

import subprocess
import sys
from pathlib import Path

import layernas.v1

GENERATOR = Path(__file__).resolve().parents[1] / "generate_protos.py"


def test_the_generated_modules_match_the_protos(tmp_path):
    generated = subprocess.run([sys.executable, str(GENERATOR), "--output", str(tmp_path)], capture_output=True, text=True)
    assert generated.returncode == 0, generated.stderr
    package = Path(layernas.v1.__file__).parent

    expected = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    shipped = {p.name: p.read_bytes() for p in package.iterdir() if p.is_file()}

    assert sorted(shipped) == sorted(expected), "run clients/python/generate_protos.py after changing protos/"
    stale = [name for name in expected if shipped[name] != expected[name]]
    assert not stale, f"not what protos/ generates: {', '.join(stale)}; run clients/python/generate_protos.py"
