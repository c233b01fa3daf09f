"""Thread safety of the netdb calls: many threads call getservbyname,
getservbyport, getprotobyname, gethostbyname('localhost'),
gethostbyname_ex('localhost'), gethostbyaddr('127.0.0.1') and getaddrinfo
at once; every answer must equal the single-threaded one (which must equal
the stdlib's).  Bounded iteration counts; no DNS (localhost is in
/etc/hosts)."""
import _socket as std
import threading

import pysocket._socket as ps

CALLS = [
    ("getservbyname", ("http", "tcp")),
    ("getservbyname", ("domain",)),
    ("getservbyname", ("nosuchservice",)),
    ("getservbyport", (80,)),
    ("getservbyport", (53, "udp")),
    ("getservbyport", (22, "tcp")),
    ("getprotobyname", ("tcp",)),
    ("getprotobyname", ("udp",)),
    ("getprotobyname", ("nosuchproto",)),
    ("gethostbyname", ("localhost",)),
    ("gethostbyname_ex", ("localhost",)),
    ("gethostbyname_ex", ("127.0.0.1",)),
    ("gethostbyaddr", ("127.0.0.1",)),
    ("getaddrinfo", ("localhost", 80, std.AF_INET, std.SOCK_STREAM)),
    ("getaddrinfo", ("127.0.0.1", "http")),
    ("getaddrinfo", ("::1", None, 0, 0, 0, std.AI_NUMERICHOST)),
    ("getnameinfo", (("127.0.0.1", 80), 0)),
]

THREADS = 16
ROUNDS = 40


def answer(mod, name, args):
    try:
        return ("ok", getattr(mod, name)(*args))
    except OSError as e:
        return ("raise", type(e).__name__, str(e))


def test_single_threaded_answers_match_stdlib():
    for name, args in CALLS:
        assert answer(ps, name, args) == answer(std, name, args), name


def test_many_threads_same_answers():
    expected = [answer(ps, name, args) for name, args in CALLS]
    start = threading.Barrier(THREADS)
    mismatches = []
    done = []

    def worker(k):
        start.wait()
        for r in range(ROUNDS):
            # each thread walks the calls from its own offset, so different
            # functions overlap in time
            for j in range(len(CALLS)):
                i = (j + k + r) % len(CALLS)
                name, args = CALLS[i]
                got = answer(ps, name, args)
                if got != expected[i]:
                    mismatches.append((name, args, got, expected[i]))
        done.append(k)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(done) == list(range(THREADS))
    assert mismatches == []
