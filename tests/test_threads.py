"""The core's thread pool, kept between calls (`rust/threads.rs`)."""

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import dealscope as ds
from dealscope import _core

BIG = ["Nvidia investirà 100 miliardi di dollari in OpenAI. " * 40] * 200  # 400 KB: shared out


def test_small_and_big_calls_give_the_frames_of_one_thread():
    small = BIG[:3]
    for texts in (small, BIG):
        for threads in (None, 2, 3):
            assert ds.parse_amounts(texts, threads=threads).equals(
                ds.parse_amounts(texts, threads=1))


def test_calls_at_once_on_python_threads_share_or_swap_the_pool_safely():
    """The core lets go of the GIL: calls asking for 2 and 3 threads at once keep
    replacing the kept pool while others run in it."""
    want = ds.tokens_and_amounts(BIG, threads=1)
    with ThreadPoolExecutor(4) as calls:
        got = list(calls.map(lambda n: ds.tokens_and_amounts(BIG, threads=n), [2, 3] * 6))
    for tokens, amounts in got:
        assert tokens.equals(want[0]) and amounts.equals(want[1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")
def test_a_forked_child_does_not_wait_on_its_parents_pool():
    langs = [None] * len(BIG)
    want = len(_core.parse_amounts(BIG, langs, 2))  # the pool of two is kept
    pid = os.fork()
    if pid == 0:  # the child has none of the pool's threads: it must build its own
        code = 1
        try:
            code = 0 if len(_core.parse_amounts(BIG, langs, 2)) == want else 2
        finally:  # never back into pytest in the child
            os._exit(code)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0
            return
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pytest.fail("the forked child hung in the parent's pool")
