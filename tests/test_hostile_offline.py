"""The suite is offline: any connection or name lookup off this machine fails, in the test
process and in every Python subprocess it starts; loopback stays usable."""
import os
import socket
import subprocess
import sys
import threading

import pytest

import sitecustomize as offline


@pytest.fixture
def probe_log(tmp_path, monkeypatch):
    """Attempts made on purpose go to their own log, not the suite's."""
    log = tmp_path / "probe.log"
    monkeypatch.setenv("NEWSPRISM_NETWORK_LOG", str(log))
    return log


@pytest.mark.parametrize("attempt", [
    lambda: socket.getaddrinfo("example.com", 443),
    lambda: socket.gethostbyname("pypi.org"),
    lambda: socket.create_connection(("example.com", 80), timeout=1),
    lambda: socket.create_connection(("93.184.216.34", 80), timeout=1),
    lambda: socket.socket(socket.AF_INET6).connect_ex(("2606:2800:220:1::1", 80, 0, 0)),
    lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("8.8.8.8", 53)),
    lambda: socket.socket().connect(("10.0.0.1", 80)),
])
def test_any_attempt_off_this_machine_is_blocked_and_logged(attempt, probe_log):
    with pytest.raises(offline.NetworkAccessBlocked):
        attempt()
    assert "network access attempted" in probe_log.read_text()


def test_a_subprocess_is_guarded_too(probe_log):
    code = ("import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\n"
            "except OSError:\n    pass\n")  # a library that swallows the failure...
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ))
    assert run.returncode == 0
    assert "example.com" in probe_log.read_text()  # ...is still caught


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    accepted = threading.Thread(target=lambda: server.accept()[0].close(), daemon=True)
    accepted.start()
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    accepted.join(5)
    server.close()
    assert socket.getaddrinfo("localhost", 80)
    assert offline.is_local("::1") and offline.is_local("127.0.0.2") and not offline.is_local("0.0.0.1")
