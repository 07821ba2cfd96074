"""The README's Python blocks run as written, in order, from the project's root: the tour a
newcomer copies must not fail (a block once used an undefined `text`)."""

from __future__ import annotations

import os
import re

import matplotlib.pyplot as plt

from .conftest import ROOT


def test_every_python_block_of_the_readme_runs(tmp_path):
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                        flags=re.S)
    assert len(blocks) >= 4
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for n, code in enumerate(blocks, 1):
            code = code.replace('"build/', f'"{tmp_path}/')   # write nothing into the clone
            exec(compile(code, f"README.md python block {n}", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(cwd)
        plt.close("all")
