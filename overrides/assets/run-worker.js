// The page's one Web Worker: loads Pyodide (CPython 3.14 in WebAssembly) from the site's own
// assets/pyodide/ on the first Run, then runs one example at a time as __main__. Messages:
//   in:  {type: "run", id, code, name} (name: "chapter/file.py")
//   out: {type: "ready", python, pyodide} once; {type: "line", id, text, t} per printed line
//        (t: seconds since the run started); {type: "done", id, returncode}; {type: "failed", why}
import { loadPyodide } from "./pyodide/pyodide.mjs";

const RUNNER = `
import asyncio, itertools, linecache, logging, sys, traceback, warnings

def _guide_reset_logging():
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            logger.handlers.clear()
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
            logger.disabled = False
    logging.lastResort = logging._StderrHandler(logging.WARNING)

_guide_depth = 0


def _guide_asyncio_run(main, *, debug=None, loop_factory=None):
    """asyncio.run() as CPython's does it, on Pyodide's one event loop: run main as a task,
    then cancel the tasks it left behind and close the async generators still open."""
    global _guide_depth
    if _guide_depth:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not asyncio.iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    loop = asyncio.get_event_loop()
    _guide_depth += 1
    try:
        task = loop.create_task(main)
        loop.run_until_complete(_guide_done(loop, task))
        return task.result()
    finally:
        try:
            _guide_cancel_all(loop)
            _guide_shutdown_asyncgens(loop)
        finally:
            _guide_depth -= 1


def _guide_shutdown_asyncgens(loop):
    """Close the async generators still open, as BaseEventLoop.shutdown_asyncgens() does, but
    leave Pyodide's loop (which outlives this run) able to start new ones."""
    agens = getattr(loop, "_asyncgens", None)
    if not agens:
        return
    closing = list(agens)
    agens.clear()
    results = []
    async def close_all():
        results.extend(await asyncio.gather(*(a.aclose() for a in closing), return_exceptions=True))
    task = loop.create_task(close_all())
    loop.run_until_complete(_guide_done(loop, task))
    for result, agen in zip(results, closing):
        if isinstance(result, Exception):
            loop.call_exception_handler({
                "message": f"an error occurred during closing of asynchronous generator {agen!r}",
                "exception": result,
                "asyncgen": agen,
            })


def _guide_done(loop, *tasks):
    """A plain Future done when the tasks are (awaiting a task would unwrap its result)."""
    done = loop.create_future()
    left = [len(tasks)]
    def one(_):
        left[0] -= 1
        if left[0] == 0 and not done.done():
            done.set_result(None)
    for task in tasks:
        task.add_done_callback(one)
    return done


def _guide_cancel_all(loop):
    tasks = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        loop.run_until_complete(_guide_done(loop, *tasks))
    for task in tasks:
        if not task.cancelled() and task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


def _guide_name_tasks(loop):
    """Task-1, Task-2, ... from each run's start, as in a fresh CPython process."""
    counter = itertools.count(1).__next__
    create = type(loop).create_task
    def create_task(coro, *, name=None, **options):
        return create(loop, coro, name=f"Task-{counter()}" if name is None else name, **options)
    loop.create_task = create_task


def _guide_run(code, name):
    """Run code as python3 -W error runs snippets/<name> in its folder: warnings are errors,
    the traceback starts at the file, whose path reads as on the page; the exit code is kept."""
    import os
    sys.stdout.flush()
    warnings.resetwarnings()
    warnings.simplefilter("error")
    _guide_reset_logging()
    filename = "snippets/" + name
    folder = "/home/pyodide/" + os.path.dirname(filename)
    os.makedirs(folder, exist_ok=True)
    os.chdir(folder)
    with open(os.path.basename(filename), "w", encoding="utf-8") as file:
        file.write(code)
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    sys.argv = [filename]
    sys.path[0:0] = [folder]
    asyncio.run = _guide_asyncio_run
    _guide_name_tasks(asyncio.get_event_loop())
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": __builtins__}
    returncode = 0
    try:
        exec(compile(code, filename, "exec"), namespace)
    except SystemExit as exit:
        if exit.code is None:
            returncode = 0
        elif isinstance(exit.code, int):
            returncode = exit.code
        else:
            print(exit.code, file=sys.stderr)
            returncode = 1
    except BaseException as error:
        # The traceback from the example's own frames, as CPython prints it for a script.
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        returncode = 130 if isinstance(error, KeyboardInterrupt) else 1
    finally:
        del sys.path[0]
        sys.stdout.flush()
        sys.stderr.flush()
    return returncode

def _guide_warm_up():
    """Import and exercise what examples use, so a first run's timing is not the import's."""
    import collections, contextlib, contextvars, functools, inspect, io, random, time  # noqa
    async def step(i):
        await asyncio.sleep(0)
        return i
    async def main():
        await asyncio.gather(*(step(i) for i in range(3)))
        await asyncio.wait([asyncio.create_task(step(i)) for i in range(3)])
        async with asyncio.TaskGroup() as group:
            for i in range(3):
                group.create_task(step(i))
        async with asyncio.timeout(1):
            await asyncio.wait_for(step(0), 1)
        queue = asyncio.Queue()
        await queue.put(1)
        await queue.get()
        async with asyncio.Lock():
            pass
        try:
            raise ValueError("warm")
        except ValueError:
            traceback.format_exc()
        logging.getLogger("warm").debug("warm")
    for _ in range(3):
        asyncio.run(main())
`;

let pyodide = null;
let current = null; // {id, start}
const decoder = new TextDecoder();

function sink() {
  let pending = "";
  return {
    write(bytes) {
      pending += decoder.decode(bytes, { stream: true });
      let newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        emit(pending.slice(0, newline).replace(/\r$/, ""));
        pending = pending.slice(newline + 1);
      }
      return bytes.length;
    },
    flush() {
      if (pending) emit(pending);
      pending = "";
    },
  };
}

function emit(text) {
  if (current === null) return;
  const t = (performance.now() - current.start) / 1000;
  postMessage({ type: "line", id: current.id, text, t });
}

const out = sink();
const err = sink();

async function load() {
  pyodide = await loadPyodide({
    indexURL: new URL("./pyodide/", import.meta.url).href,
    packages: [],
    fullStdLib: false,
    stdout: undefined,
  });
  pyodide.setStdout({ write: (b) => out.write(b), isatty: false });
  pyodide.setStderr({ write: (b) => err.write(b), isatty: false });
  pyodide.runPython(RUNNER);
  pyodide.runPython(
    "import sys\nsys.stdout.reconfigure(line_buffering=True)\n" +
      "sys.stderr.reconfigure(line_buffering=True)",
  );
  await pyodide.globals.get("_guide_warm_up").callPromising();
  const python = pyodide.runPython("import sys; '.'.join(map(str, sys.version_info[:3]))");
  postMessage({ type: "ready", python, pyodide: pyodide.version });
}

let loading = null;
let queue = Promise.resolve();

onmessage = (event) => {
  const message = event.data;
  if (message.type !== "run") return;
  queue = queue.then(async () => {
    try {
      loading ??= load();
      await loading;
    } catch (error) {
      postMessage({ type: "failed", why: String(error) });
      return;
    }
    const run = pyodide.globals.get("_guide_run");
    current = { id: message.id, start: performance.now() };
    let returncode = 1;
    try {
      returncode = await run.callPromising(message.code, message.name);
    } catch (error) {
      err.write(new TextEncoder().encode(String(error) + "\n"));
    } finally {
      run.destroy();
    }
    out.flush();
    err.flush();
    postMessage({ type: "done", id: message.id, returncode });
    current = null;
  });
};
