"""The pause of Python's cycle collector (network_app.collector): one switch for the whole
process, paused from the app's session threads at once; the last pause out puts it back."""

from __future__ import annotations

import gc
import threading
import time

from network_app.collector import paused


def test_many_threads_pausing_at_once_leave_the_collector_on():
    gc.enable()
    start = threading.Barrier(8)
    inside: list[bool] = []

    def work(index: int) -> None:
        start.wait()
        for round_ in range(200):
            with paused():
                inside.append(gc.isenabled())
                if (index + round_) % 7 == 0:
                    time.sleep(0.0005)  # let another thread in and out meanwhile

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(inside) == 1600 and not any(inside)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off_and_an_error_still_ends_the_pause():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    try:
        with paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()
