/* floor.c: the same socket work as pysocket.bench's kernel-bound scenarios,
 * done from C with no interpreter at all.  Its ns/op is the floor under
 * any Python socket module on this machine: floor / stdlib is the best
 * ratio an extension could reach.  Built and run by benchmarks/floor.py.
 *
 *     floor SCENARIO LOOPS      prints the ns per operation
 *
 * Scenarios: pair (send+recv 64 B on a socketpair), udp (sendto+recvfrom
 * 64 B), recvfrom (one datagram of a queued batch of 64), recvmmsg (the
 * same through recvmmsg(2), addresses included), sendto / sendmmsg (one
 * datagram of a batch of 64), connect (TCP connect+accept+close). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64
#define SIZE 64

static long long
now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void
die(const char *what)
{
    perror(what);
    exit(1);
}

/* A UDP socket bound to 127.0.0.1, port chosen by the kernel. */
static int
udp_socket(struct sockaddr_in *where)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0
        || getsockname(fd, (struct sockaddr *)&sa, &len) < 0)
        die("udp socket");
    if (where != NULL)
        *where = sa;
    return fd;
}

static long long
run_pair(long loops)
{
    int sv[2];
    char data[SIZE], buf[SIZE];
    memset(data, 'x', sizeof(data));
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        die("socketpair");
    long long t0 = now_ns();
    for (long i = 0; i < loops; i++) {
        if (send(sv[0], data, SIZE, 0) != SIZE || recv(sv[1], buf, SIZE, 0) != SIZE)
            die("pair");
    }
    return now_ns() - t0;
}

static long long
run_udp(long loops)
{
    struct sockaddr_in to, from;
    char data[SIZE], buf[SIZE];
    memset(data, 'x', sizeof(data));
    int a = udp_socket(NULL), b = udp_socket(&to);
    long long t0 = now_ns();
    for (long i = 0; i < loops; i++) {
        socklen_t flen = sizeof(from);
        if (sendto(a, data, SIZE, 0, (struct sockaddr *)&to, sizeof(to)) != SIZE
            || recvfrom(b, buf, SIZE, 0, (struct sockaddr *)&from, &flen) != SIZE)
            die("udp");
    }
    return now_ns() - t0;
}

/* recvfrom / recvmmsg / sendto / sendmmsg: only the side named is timed;
 * the other side of each batch runs untimed, as in pysocket.bench. */
static long long
run_batch(const char *which, long loops)
{
    struct sockaddr_in to, from[BATCH];
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    char data[SIZE], bufs[BATCH][SIZE];
    memset(data, 'x', sizeof(data));
    int a = udp_socket(NULL), b = udp_socket(&to);
    int sending = which[0] == 's', batched = strstr(which, "mmsg") != NULL;
    long long total = 0;
    long rounds = loops / BATCH > 0 ? loops / BATCH : 1;
    for (long r = 0; r < rounds; r++) {
        memset(msgs, 0, sizeof(msgs));
        for (int i = 0; i < BATCH; i++) {
            iov[i].iov_base = sending ? data : bufs[i];
            iov[i].iov_len = SIZE;
            msgs[i].msg_hdr.msg_iov = &iov[i];
            msgs[i].msg_hdr.msg_iovlen = 1;
            msgs[i].msg_hdr.msg_name = sending ? (void *)&to : (void *)&from[i];
            msgs[i].msg_hdr.msg_namelen = sending ? sizeof(to) : sizeof(from[i]);
        }
        if (!sending) {
            for (int i = 0; i < BATCH; i++)
                if (sendto(a, data, SIZE, 0, (struct sockaddr *)&to, sizeof(to)) != SIZE)
                    die("fill");
        }
        long long t0 = now_ns();
        int done = 0;
        while (done < BATCH) {
            int n;
            if (batched)
                n = sending ? sendmmsg(a, msgs + done, BATCH - done, 0)
                            : recvmmsg(b, msgs + done, BATCH - done, 0, NULL);
            else if (sending)
                n = sendto(a, data, SIZE, 0, (struct sockaddr *)&to, sizeof(to)) == SIZE;
            else {
                socklen_t flen = sizeof(from[0]);
                n = recvfrom(b, bufs[0], SIZE, 0, (struct sockaddr *)&from[0], &flen) == SIZE;
            }
            if (n <= 0)
                die(which);
            done += n;
        }
        total += now_ns() - t0;
        if (sending) {
            for (int i = 0; i < BATCH; i++)
                if (recv(b, bufs[0], SIZE, 0) != SIZE)
                    die("drain");
        }
    }
    return total * loops / (rounds * BATCH);
}

static long long
run_connect(long loops)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int lsn = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (lsn < 0 || bind(lsn, (struct sockaddr *)&sa, sizeof(sa)) < 0
        || listen(lsn, 128) < 0 || getsockname(lsn, (struct sockaddr *)&sa, &len) < 0)
        die("listener");
    long long t0 = now_ns();
    for (long i = 0; i < loops; i++) {
        struct sockaddr_in peer;
        socklen_t plen = sizeof(peer);
        int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c < 0 || connect(c, (struct sockaddr *)&sa, sizeof(sa)) < 0)
            die("connect");
        int s = accept4(lsn, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
        if (s < 0)
            die("accept");
        close(s);
        close(c);
    }
    return now_ns() - t0;
}

int
main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: floor SCENARIO LOOPS\n");
        return 2;
    }
    const char *name = argv[1];
    long loops = atol(argv[2]);
    long long ns;
    if (loops <= 0) {
        fprintf(stderr, "LOOPS must be positive\n");
        return 2;
    }
    if (strcmp(name, "pair") == 0)
        ns = run_pair(loops);
    else if (strcmp(name, "udp") == 0)
        ns = run_udp(loops);
    else if (strcmp(name, "connect") == 0)
        ns = run_connect(loops);
    else if (strcmp(name, "recvfrom") == 0 || strcmp(name, "recvmmsg") == 0
             || strcmp(name, "sendto") == 0 || strcmp(name, "sendmmsg") == 0)
        ns = run_batch(name, loops);
    else {
        fprintf(stderr, "unknown scenario %s\n", name);
        return 2;
    }
    printf("%.1f\n", (double)ns / loops);
    return 0;
}
