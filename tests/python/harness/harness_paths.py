"""Paths and constants shared by the harness tests and their conftest."""

from __future__ import annotations

import pathlib

from shoprec_testlib.server import REPO_ROOT

HARNESS = pathlib.Path(__file__).resolve().parent
FIXTURES = HARNESS / "fixtures"
FAKE_SHOPREC = HARNESS / "fake_shoprec.sh"
REFERENCE_DIR = REPO_ROOT / "Benchmarks" / "reference"
LOADGEN_DIR = REPO_ROOT / "Benchmarks" / "loadgen"
SCRIPTS = REPO_ROOT / "scripts"
REFERENCE_PAYLOAD_BYTES = 1000
