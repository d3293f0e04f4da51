"""Generates Python stubs for shoprec's API from proto/shoprec/v1/*.proto with grpcio-tools.

Used by the pytest suite (into tests/python/generated/, gitignored) and by the load-test body
generator (into a temporary folder). Regenerates only when the .proto files changed: a stamp
file holds the SHA-256 of their contents.

    python3 tests/python/shoprec_testlib/stubs.py OUT_DIR   # generate from the command line
"""

from __future__ import annotations

import hashlib
import importlib.resources
import pathlib
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parents[3]
PROTO_ROOT = REPO_ROOT / "proto"
DEFAULT_OUT = REPO_ROOT / "tests" / "python" / "generated"
STAMP = ".proto.sha256"


def proto_files(proto_root: pathlib.Path = PROTO_ROOT) -> list[pathlib.Path]:
    """The API's .proto files, sorted."""
    files = sorted((proto_root / "shoprec" / "v1").glob("*.proto"))
    if not files:
        raise FileNotFoundError(f"no .proto files under {proto_root / 'shoprec' / 'v1'}")
    return files


def _digest(files: list[pathlib.Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def generate(out_dir: pathlib.Path = DEFAULT_OUT, proto_root: pathlib.Path = PROTO_ROOT) -> pathlib.Path:
    """Generates `shoprec/v1/*_pb2.py` and `*_pb2_grpc.py` in out_dir (when stale); returns out_dir."""
    from grpc_tools import protoc

    out_dir = pathlib.Path(out_dir)
    files = proto_files(proto_root)
    digest = _digest(files)
    stamp = out_dir / STAMP
    if stamp.exists() and stamp.read_text().strip() == digest:
        return out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    well_known = str(importlib.resources.files("grpc_tools") / "_proto")
    args = [
        "grpc_tools.protoc",
        f"-I{proto_root}",
        f"-I{well_known}",
        f"--python_out={out_dir}",
        f"--pyi_out={out_dir}",
        f"--grpc_python_out={out_dir}",
        *[str(f.relative_to(proto_root)) for f in files],
    ]
    code = protoc.main(args)
    if code != 0:
        raise RuntimeError(f"grpc_tools.protoc failed with exit code {code}: {' '.join(args)}")
    stamp.write_text(digest + "\n")
    return out_dir


def import_path(out_dir: pathlib.Path = DEFAULT_OUT) -> None:
    """Generates the stubs if needed and puts them on sys.path (`from shoprec.v1 import ...`)."""
    generate(out_dir)
    path = str(pathlib.Path(out_dir).resolve())
    if path not in sys.path:
        sys.path.insert(0, path)


if __name__ == "__main__":
    target = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(generate(target))
