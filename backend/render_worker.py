"""User templates render in separate worker processes with a deadline, a memory cap and an
output cap, so no template — whatever it builds — can hold up the server.

The save-time checks in render.py already bound what a template can build; this is the limit
that holds anyway: the server's threads only wait for an answer, a worker that runs over its
time is killed and replaced, and one that runs out of memory dies alone. Workers are started
ahead of need (`python -m backend.render_worker`, a process of its own rather than a fork of
the threaded server), so a normal render costs one round trip through a pipe. Requests and
answers are one line of JSON each: the context is plain data.
"""
import atexit
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

TIME_LIMIT_SECONDS = 1.0        # a normal template renders in about a millisecond
MEMORY_LIMIT_BYTES = 512 << 20  # the worker's whole address space (POSIX only)
WORKERS = 2                     # renders at once; more wait for a free worker
START_SECONDS = 30.0            # a worker that cannot start in this long is a broken install
RENDER = "backend.render:render_user_template_here"  # what a worker calls, by name


class LimitExceeded(Exception):
    """A render broke a hard limit: `limit` is "time" or "memory"."""

    def __init__(self, limit: str):
        super().__init__(limit)
        self.limit = limit


def serve(target: str, memory_limit: int) -> None:
    """The worker's loop: render each request line from stdin, answer one line on stdout."""
    if hasattr(os, "nice"):
        os.nice(10)  # a runaway template yields the CPU to the server until it is killed
    if memory_limit and sys.platform != "win32":
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    import importlib

    from . import render  # jinja2 and our sandbox, imported once per worker
    module, _, function = target.partition(":")
    render_function = getattr(importlib.import_module(module), function)
    out = sys.stdout
    out.write('["ready", null]\n')
    out.flush()
    for line in sys.stdin:
        try:
            subject, body, context = json.loads(line)
            answer = ["ok", list(render_function(subject, body, context))]
        except render.RenderError as error:
            answer = ["error", [error.message, error.field, error.missing]]
        except MemoryError:
            answer = ["memory", None]
        out.write(json.dumps(answer) + "\n")
        out.flush()


class Worker:
    """One worker process, and a thread that hands its answers over as they come."""

    def __init__(self, target: str):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")])}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "backend.render_worker", target, str(MEMORY_LIMIT_BYTES)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=env, text=True, encoding="utf-8", bufsize=1)
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, name="template-worker-reader", daemon=True).start()
        self.ready = False

    def _read(self) -> None:
        for line in self.process.stdout:
            self.answers.put(json.loads(line))
        self.answers.put(None)  # the worker is gone

    def ask(self, request: list, timeout: float):
        """Send one request; its answer, or LimitExceeded."""
        if not self.ready:
            if self.answers.get(timeout=START_SECONDS) is None:
                raise RuntimeError("the template worker could not start")
            self.ready = True
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            answer = self.answers.get(timeout=timeout)
        except queue.Empty:
            raise LimitExceeded("time") from None
        except OSError:  # the pipe broke: the worker died
            answer = None
        if answer is None or answer[0] == "memory":
            raise LimitExceeded("memory")
        return answer

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


class Pool:
    """A few workers; `render` borrows one, and replaces it if it broke a limit."""

    def __init__(self, size: int = WORKERS, target: str = RENDER):
        self.target = target
        self.idle: queue.Queue = queue.Queue()
        self.workers: list[Worker] = []
        self.lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = Worker(self.target)
        with self.lock:
            self.workers.append(worker)
        self.idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        worker.stop()
        with self.lock:
            if worker in self.workers:
                self.workers.remove(worker)
        self._add()

    def render(self, subject: str, body: str, context: dict, timeout: float | None = None):
        """["ok", [subject, body]] or ["error", [message, field, missing]]; LimitExceeded."""
        worker = self.idle.get()
        try:
            answer = worker.ask([subject, body, context], timeout or TIME_LIMIT_SECONDS)
        except LimitExceeded:
            self._replace(worker)  # killed: a new one takes its place at once
            raise
        except BaseException:
            self._replace(worker)
            raise
        self.idle.put(worker)
        return answer

    def close(self) -> None:
        with self.lock:
            workers, self.workers = self.workers, []
        for worker in workers:
            worker.stop()


_pool: Pool | None = None
_pool_lock = threading.Lock()


def pool() -> Pool:
    """The process's pool, started on first use (or ahead of need by `start`)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = Pool()
            atexit.register(_pool.close)
        return _pool


def start() -> None:
    """Start the workers now, so the first draft from a user template does not wait for them."""
    pool()


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
