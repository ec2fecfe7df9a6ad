"""Translation parity and Chinese style, and the translator's tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tools import check_translation, outdated

ROOT = Path(__file__).resolve().parent.parent


def test_pages_match_across_languages():
    problems = check_translation.check()
    assert not problems, "\n".join(problems)


def page(tmp_path: Path, name: str, text: str) -> check_translation.Page:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return check_translation.Page(path)


def test_checker_names_what_differs(tmp_path, monkeypatch):
    monkeypatch.setattr(check_translation, "ROOT", tmp_path)
    zh = page(
        tmp_path,
        "zh.md",
        """
        # 任务 { #tasks }
        ## 创建任务 { #create }
        {{ example("tasks/create.py") }}
        {{ example("tasks/cancel.py") }}
        ## 没有编号
        !!! note
            注意
        """,
    )
    en = page(
        tmp_path,
        "en.md",
        """
        # Tasks { #tasks }
        ## Creating { #creating }
        {{ example("tasks/cancel.py") }}
        {{ example("tasks/create.py") }}
        """,
    )
    problems = "\n".join(check_translation.compare(zh, en))
    assert "zh.md:5: heading '没有编号' has no id" in problems
    assert "heading ids differ at number 2: zh has 'create', en has 'creating'" in problems
    assert "example includes differ at number 1: zh has 'tasks/create.py'" in problems
    assert "admonitions differ at number 1: zh has 'note', en has '(nothing)'" in problems


def test_checker_reports_chinese_style_and_glossary(tmp_path, monkeypatch):
    monkeypatch.setattr(check_translation, "ROOT", tmp_path)
    zh = page(
        tmp_path,
        "zh.md",
        """
        # 协同程序 { #x }
        调用create_task()返回任务,然后等待它.
        用 `asyncio.run()` 运行 3 个协程，这行没有问题。
        """,
    )
    problems = check_translation.style_problems(zh) + check_translation.glossary_problems(zh)
    text = "\n".join(problems)
    assert "zh.md:2: add a space between Chinese and Latin text: '用c'" in text
    assert "zh.md:2: use full-width punctuation next to Chinese text: '务,'" in text
    assert "'协同程序' — the glossary writes '协程' for 'coroutine'" in text
    assert not [p for p in problems if "zh.md:3:" in p]


def test_checker_command_exit_status():
    result = subprocess.run(
        [sys.executable, "tools/check_translation.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == (1 if check_translation.check() else 0), result.stdout


def test_outdated_report_lists_a_page_changed_after_its_twin(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    for lang in ("zh", "en"):
        (repo / "docs" / lang).mkdir(parents=True)
        (repo / "docs" / lang / "tasks.md").write_text("# x { #x }\n")
    (repo / "docs" / "zh" / "only.md").write_text("# y { #y }\n")

    def git(*args, when="2001-09-09T01:46:40"):
        env = {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when, "PATH": os.environ["PATH"]}
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@e", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "both")
    (repo / "docs" / "zh" / "tasks.md").write_text("# x { #x }\nmore\n")
    git(
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@e",
        "commit",
        "-qam",
        "zh grows",
        when="2001-09-10T01:46:40",
    )
    monkeypatch.setattr(outdated, "ROOT", repo)
    lines = outdated.report()
    assert lines[0].startswith("docs/en/tasks.md may be outdated: docs/zh/tasks.md changed later")
    assert "zh grows" in lines[1]
    assert "docs/en/only.md does not exist yet (untranslated)" in lines
    assert shutil.which("git")


def test_page_missing_in_one_language_shows_the_original_under_a_banner(tmp_path):
    """The switch never leads to a 404: the missing twin is built from the other language."""
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "engine", project / "engine", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "snippets").mkdir()
    (project / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "glossary.yml", project / "docs" / "glossary.yml")
    pages = {
        "zh": {"index.md": "# 首页 { #home }\n", "only.md": "# 只有中文 { #only }\n\n中文正文。\n"},
        "en": {"index.md": "# Home { #home }\n"},
    }
    for lang, files in pages.items():
        (project / "docs" / lang).mkdir()
        for name, text in files.items():
            (project / "docs" / lang / name).write_text(text, encoding="utf-8")
        links = {"zh": ('""', '"en/"'), "en": ('"../"', '""')}[lang]
        (project / f"{lang}.yml").write_text(
            textwrap.dedent(f"""
            site_name: scratch
            docs_dir: docs/{lang}
            site_dir: site/{"" if lang == "zh" else "en"}
            theme: {{name: material, custom_dir: overrides, language: {lang}, font: false}}
            hooks: [engine/hooks.py]
            plugins: [search, markdown-exec]
            markdown_extensions: [admonition, md_in_html, pymdownx.superfences]
            extra:
              alternate:
                - {{name: 中文, lang: zh, link: {links[0]}}}
                - {{name: English, lang: en, link: {links[1]}}}
            """),
            encoding="utf-8",
        )
    for lang in ("zh", "en"):
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", f"{lang}.yml"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert build.returncode == 0, build.stderr
    page = (project / "site" / "en" / "only" / "index.html").read_text(encoding="utf-8")
    assert "Not translated yet" in page
    assert 'href="../../only/"' in page  # the banner links to the original
    assert "中文正文。" in page
    zh = (project / "site" / "only" / "index.html").read_text(encoding="utf-8")
    assert 'href="../en/only/" hreflang="en"' in zh  # and the switch leads to it
