"""No network in the test suite: any connection or name lookup off this machine fails.

Installed in the pytest process by conftest.py, and in every Python subprocess the tests start
(Pelican builds, publish.sh) through this file: conftest.py puts its folder on PYTHONPATH, so
Python imports it at start-up as `sitecustomize`. Each attempt raises NetworkAccessBlocked AND
is appended to the file named by NEWSPRISM_NETWORK_LOG, so an attempt that some library catches
and hides still fails the test that made it.
"""
from __future__ import annotations

import ipaddress
import os
import socket

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkAccessBlocked(OSError):
    """A test tried to reach the network."""


def is_local(host) -> bool:
    """Loopback addresses and names only (None and "" mean this machine to getaddrinfo)."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip().strip("[]").lower()
    if host in ("", socket.gethostname().lower()) or host in LOCAL_NAMES or host.endswith(
            ".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def blocked(what: str):
    message = f"network access attempted during tests: {what}"
    log = os.environ.get("NEWSPRISM_NETWORK_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"pid {os.getpid()}: {message}\n")
    raise NetworkAccessBlocked(message)


def install() -> None:
    if getattr(socket, "_newsprism_offline", False):
        return
    socket._newsprism_offline = True
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    real_getaddrinfo = socket.getaddrinfo

    def host_of(sock, address):
        if sock.family == getattr(socket, "AF_UNIX", None) or not isinstance(address, tuple):
            return None  # a Unix socket path: local
        return address[0]

    def connect(self, address):
        if not is_local(host_of(self, address)):
            blocked(f"connect to {address!r}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not is_local(host_of(self, address)):
            blocked(f"connect to {address!r}")
        return real_connect_ex(self, address)

    def sendto(self, data, *args):
        address = args[-1]
        if not is_local(host_of(self, address)):
            blocked(f"send to {address!r}")
        return real_sendto(self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        if not is_local(host):
            blocked(f"name lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    def lookup(real):
        def guarded(host, *args, **kwargs):
            if not is_local(host):
                blocked(f"name lookup of {host!r}")
            return real(host, *args, **kwargs)
        return guarded

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.socket.sendto = sendto
    socket.getaddrinfo = getaddrinfo
    for name in ("gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, lookup(getattr(socket, name)))


install()
