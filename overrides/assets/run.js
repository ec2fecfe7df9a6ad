// Run buttons: edit an example on the page and run it on Python 3.14 in the browser (Pyodide).
// The build marks each example that can run with <p class="example-run" data-run="{...}">
// (engine/runnable.py). Nothing of the runtime loads before the first Run; one Web Worker
// (run-worker.js) serves every example of the page; Stop terminates it.
(() => {
  const here = new URL(".", document.currentScript.src);
  const markers = document.querySelectorAll("p.example-run[data-run]");
  if (!markers.length) return;

  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("run.css", here).href;
  document.head.append(style);

  const zh = document.documentElement.lang.startsWith("zh");
  const T = zh
    ? {
        run: "运行",
        stop: "停止",
        reset: "重置",
        group: "在浏览器中运行这个示例",
        editor: "{file} 的源代码，可以编辑；「运行」执行这里的代码（Ctrl+Enter 也可以）",
        loading: "正在加载浏览器中的 Python 3.14（Pyodide）……",
        running: "运行中……",
        done: "运行结束，退出码 {n}。",
        stopped: "已停止。",
        reset_done: "代码已恢复原样。",
        failed: "Python 无法在这个浏览器中启动：{why}",
        title: "你的运行结果 · 浏览器中的 Python 3.14（Pyodide），不是上面构建时 CPython 的输出",
        title_v: "你的运行结果 · 浏览器中的 Python {v}（Pyodide {p}），不是上面构建时 CPython 的输出",
      }
    : {
        run: "Run",
        stop: "Stop",
        reset: "Reset",
        group: "Run this example in your browser",
        editor: "Source of {file}, editable; Run executes this code (so does Ctrl+Enter)",
        loading: "Loading Python 3.14 in the browser (Pyodide)…",
        running: "Running…",
        done: "Finished, exit code {n}.",
        stopped: "Stopped.",
        reset_done: "Code restored.",
        failed: "Python could not start in this browser: {why}",
        title: "Your run · Python 3.14 in the browser (Pyodide), not the build's CPython output above",
        title_v: "Your run · Python {v} in the browser (Pyodide {p}), not the build's CPython output above",
      };
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);

  let worker = null;
  let runtime = null; // {python, pyodide} once loaded in the current worker
  let active = null; // the example whose run the worker is doing
  let nextId = 1;

  function startWorker() {
    worker = new Worker(new URL("run-worker.js", here), { type: "module", name: "python" });
    runtime = null;
    worker.onmessage = ({ data }) => {
      if (data.type === "ready") {
        runtime = { python: data.python, pyodide: data.pyodide };
        if (active) active.started();
      } else if (data.type === "failed") {
        if (active) active.failed(data.why);
        stopWorker();
      } else if (active && data.id === active.id) {
        if (data.type === "line") active.line(data.text, data.t);
        else if (data.type === "done") active.done(data.returncode);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (active) active.failed(event.message || "worker error");
      stopWorker();
    };
  }

  function stopWorker() {
    if (worker) worker.terminate();
    worker = null;
    runtime = null;
  }

  function button(text, cls) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "run-button " + cls;
    b.textContent = text;
    return b;
  }

  function setUp(marker) {
    const options = JSON.parse(marker.dataset.run);
    // The example's source is the code block before the marker.
    let block = marker;
    while ((block = block.previousElementSibling) && !block.matches(".highlight"));
    const code = block && block.querySelector("pre > code");
    if (!code) return;
    const file = options.name.split("/").pop();
    const original = code.innerHTML;
    code.contentEditable = "plaintext-only";
    code.spellcheck = false;
    code.setAttribute("role", "textbox");
    code.setAttribute("aria-multiline", "true");
    code.setAttribute("aria-label", fill(T.editor, { file }));
    code.classList.add("run-editable");

    const controls = document.createElement("div");
    controls.className = "run-controls";
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-label", `${T.group}: ${file}`);
    controls.dataset.example = options.name;
    controls.dataset.state = "idle";
    const run = button(T.run, "run-start");
    const stop = button(T.stop, "run-stop");
    const reset = button(T.reset, "run-reset");
    stop.disabled = true;
    const status = document.createElement("span");
    status.className = "run-status";
    status.setAttribute("role", "status");
    controls.append(run, stop, reset, status);

    const output = document.createElement("div");
    output.className = "run-output";
    output.hidden = true;
    const title = document.createElement("p");
    title.className = "run-title";
    title.id = `run-title-${nextId++}`;
    title.textContent = T.title;
    const pre = document.createElement("pre");
    pre.tabIndex = 0;
    pre.setAttribute("role", "log");
    pre.setAttribute("aria-labelledby", title.id);
    const lines = document.createElement("code");
    pre.append(lines);
    output.append(title, pre);
    marker.replaceWith(controls, output);

    let first = null;
    const job = {
      id: 0,
      started() {
        setState("running", T.running);
        title.textContent = fill(T.title_v, { v: runtime.python, p: runtime.pyodide });
      },
      line(text, t) {
        if (first === null) first = t;
        const row = document.createElement("span");
        row.className = "run-line";
        row.dataset.t = t.toFixed(4);
        if (options.timing) {
          const offset = document.createElement("span");
          offset.className = "run-offset";
          offset.textContent = `[+${(t - first).toFixed(2)}s] `;
          row.append(offset);
        }
        const body = document.createElement("span");
        body.className = "run-text";
        body.textContent = text;
        row.append(body, "\n");
        lines.append(row);
      },
      done(returncode) {
        output.dataset.returncode = returncode;
        active = null;
        setState("done", fill(T.done, { n: returncode }));
      },
      failed(why) {
        active = null;
        setState("error", fill(T.failed, { why }));
      },
    };

    function setState(state, text) {
      controls.dataset.state = state;
      status.textContent = text;
      const busy = state === "loading" || state === "running";
      stop.disabled = !busy;
      run.setAttribute("aria-disabled", String(busy));
    }

    function start() {
      if (controls.dataset.state === "loading" || controls.dataset.state === "running") return;
      if (active) stopRun(active); // one run at a time on a page
      if (!worker) startWorker();
      first = null;
      lines.replaceChildren();
      delete output.dataset.returncode;
      output.hidden = false;
      job.id = nextId++;
      active = job;
      if (runtime) job.started();
      else setState("loading", T.loading);
      worker.postMessage({ type: "run", id: job.id, code: code.innerText, name: options.name });
    }

    job.stop = () => {
      active = null;
      stopWorker();
      setState("stopped", T.stopped);
    };

    function stopRun(which) {
      which.stop();
    }

    run.addEventListener("click", start);
    stop.addEventListener("click", () => {
      if (active === job) stopRun(job);
      run.focus();
    });
    reset.addEventListener("click", () => {
      code.innerHTML = original;
      status.textContent = T.reset_done;
    });
    code.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        start();
      }
    });
  }

  markers.forEach(setUp);
})();
