"""Task lanes: what the recorder (engine/recorder/sitecustomize.py) finds in a run, and the chart.

No timing assertions: only the order of steps and what each task must have done.
"""

from __future__ import annotations

import re

import pytest

from engine import charts, examples, interpreters, processes, results
from tests.scratch import write

PYTHONS = interpreters.find_pythons()


def lanes_of(result: results.Result) -> dict[str, list[list[float]]]:
    return {f"{coro} {name}": steps for name, coro, steps in result.tasks}


@pytest.mark.parametrize("version", sorted(PYTHONS), ids=lambda v: f"py{v[0]}.{v[1]}")
def test_gather_of_three_sleeps_has_three_lanes_that_run_at_start_and_end(version):
    """gather_order.py: main gathers phase 1 (0.2 s), phase 2 (0.1 s) and phase 3 (0.3 s)."""
    example = examples.load("composing/gather_order.py")
    assert example.timing
    result = processes.run(example, python=PYTHONS[version])
    assert not result.error, results.transcript(result)
    assert [coro for _, coro, _ in result.tasks] == ["main", "phase", "phase", "phase"]
    (main, _, main_steps), *phases = result.tasks
    assert main == "Task-1"
    # main runs twice: to print and start gather(), then when gather() is done.
    assert len(main_steps) == 2
    for _, _, steps in phases:
        # Each phase runs briefly at the start (print, then sleep) and once more at its end.
        assert len(steps) == 2
        assert main_steps[0][1] <= steps[0][0]  # started once main awaited gather()
        assert steps[0][1] <= steps[1][0]
        assert steps[1][1] <= main_steps[1][0]  # main resumes after the last phase ends
        for start, end in steps:
            assert start <= end
    # They wake in the order of their delays: phase 2, phase 1, phase 3 (Task-3, -2, -4).
    ends = sorted(phases, key=lambda task: task[2][1][0])
    assert [name for name, _, _ in ends] == ["Task-3", "Task-2", "Task-4"]
    # The steps are not all of the run: most of it is waiting.
    (first, _), (last, _) = main_steps[0], main_steps[1]
    busy = sum(b - a for _, _, steps in result.tasks for a, b in steps)
    assert busy < last - first


def test_recording_changes_neither_output_nor_environment(snippets):
    """The example, and a child it starts, see no recorder; the output is the same without it."""
    write(
        snippets,
        "looks.py",
        """
        import asyncio, os, sys

        SHOW = (
            "import os, sys;"
            "print(sorted(k for k in os.environ if 'GUIDE' in k or 'PYTHONPATH' in k),"
            " any('recorder' in p for p in sys.path))"
        )

        async def child():
            proc = await asyncio.create_subprocess_exec(sys.executable, "-c", SHOW)
            await proc.wait()

        async def main():
            exec(SHOW)
            await asyncio.gather(child(), asyncio.sleep(0.05))

        asyncio.run(main())
        """,
    )
    write(snippets, "examples.toml", '["looks.py"]\ntiming = true\n')
    recorded = processes.run(examples.load("demo/looks.py"))
    assert not recorded.error, results.transcript(recorded)
    assert recorded.procs[0].lines == ["[] False", "[] False"]
    assert len(recorded.tasks) >= 3  # main, child, sleep: the recorder ran
    write(snippets, "examples.toml", "")
    plain = processes.run(examples.load("demo/looks.py"))
    assert not plain.tasks
    assert plain.procs[0].lines == recorded.procs[0].lines


def test_the_chart_has_a_lane_per_task_and_a_text_alternative(snippets):
    write(
        snippets,
        "three.py",
        """
        import asyncio

        async def nap(delay):
            await asyncio.sleep(delay)

        async def main():
            print("start")
            await asyncio.gather(nap(0.1), nap(0.2), nap(0.3))
            print("end")

        asyncio.run(main())
        """,
    )
    write(snippets, "examples.toml", '["three.py"]\ntiming = true\n')
    result = processes.run(examples.load("demo/three.py"))
    for language, caption in (("en", "Task lanes"), ("zh", "任务泳道")):
        chart = charts.lanes(result, result.procs[0], language)
        svg = re.search(r"<svg[^>]*>", chart).group()
        assert 'role="img"' in svg and f'aria-label="{caption}' in svg
        assert chart.count('<g class="lane">') == 4
        assert len(re.findall(r"<li>", chart)) == 4
        assert "nap (Task-2)" in chart and "main (Task-1)" in chart
        assert 'viewBox="0 0 360 ' in svg  # narrow: drawn for a phone's width
