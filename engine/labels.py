"""Every word the example block shows, in both languages (a translator's one place).

The version note, the charts' captions and text, the "needs Python" line and the failure
box. Which examples cannot run in the browser, and why, is in ``runnable.py``.
"""

LABELS = {
    "zh": {
        "source": "源文件",
        "colon": "：",
        "output": "输出",
        "needs": "需要 Python {v} 或更高版本",
        "ran": "Python {v} 的运行结果",
        "not_run": "本次构建没有运行示例（GUIDE_SKIP_EXAMPLES）。",
        "not_here": "本次构建没有运行这个示例：{why}",
        "failed": "示例 {name} 运行失败：{why}",
        "cut": "输出太长，中间省略了 {n} 行",
        "timeline": "时间线：本次运行中每行输出出现的时刻（从第一行算起）",
        "lanes": "任务泳道：本次运行（Python {v}）中每个任务一条泳道，实心条表示任务在运行"
        "（从恢复到下一次挂起），虚线表示它在等待；时间从第一行输出算起",
        "lanes_text": "泳道的文字版本",
        "lane": "{task}：运行 {n} 次，共 {busy} 毫秒，从 +{first:.2f} 秒到 +{last:.2f} 秒，"
        "运行于 {spans}",
        "lanes_more": "另有 {n} 个任务没有画出",
        "list": ("、", " 和 "),
        "same": "除了时间和地址，运行它的每个版本输出都相同：Python {versions}。",
        "only": "本次构建只有 Python {v} 运行了它（需要 Python {need} 或更高版本）。",
        "differs": "各版本的输出不尽相同（不同的行已高亮）：{how}。",
        "how_sep": "；",
        "how": "Python {v} 与 {newest} 相比{what}",
        "what_sep": "、",
        "changed": "有 {n} 行不同",
        "more": "多 {n} 行",
        "fewer": "少 {n} 行",
        "order": "行都相同，但顺序不同",
        "same_as": "Python {v} 与 {newest} 相同",
    },
    "en": {
        "source": "source",
        "colon": ": ",
        "output": "output",
        "needs": "needs Python {v} or newer",
        "ran": "run by Python {v}",
        "not_run": "Examples were not run in this build (GUIDE_SKIP_EXAMPLES).",
        "not_here": "This build did not run the example: {why}",
        "failed": "Example {name} failed: {why}",
        "cut": "long output: {n} lines cut from the middle",
        "timeline": "Timeline: when each line appeared in this run, counted from the first line",
        "lanes": "Task lanes: one lane per task of this run (Python {v}); a solid bar where the "
        "task was running (from a resume to its next suspension), a dashed line where it was "
        "waiting; counted from the first line",
        "lanes_text": "The lanes as text",
        "lane": "{task}: ran {n} time{s}, {busy} ms in all, from +{first:.2f} s to +{last:.2f} s, "
        "running at {spans}",
        "lanes_more": "{n} more tasks are not drawn",
        "list": (", ", " and "),
        "same": "The same output, timings and addresses aside, on each version that ran it: "
        "Python {versions}.",
        "only": "Only Python {v} ran it in this build (it needs Python {need} or newer).",
        "differs": "Not the same on every version (differing lines highlighted): {how}.",
        "how_sep": "; ",
        "how": "Python {v} against {newest}: {what}",
        "what_sep": ", ",
        "changed": "{n} changed line{s}",
        "more": "{n} extra line{s}",
        "fewer": "{n} missing line{s}",
        "order": "the same lines in another order",
        "same_as": "Python {v} prints the same as {newest}",
    },
}
