/* deadline.c: the monotonic clock and the one blocking-call loop.
 *
 * Every socket call that can block goes through pysock_call(): the syscall
 * runs in an *_impl callback with the GIL released; EINTR runs the signal
 * handlers and retries (PEP 475); in timeout mode the syscall is tried first
 * and poll(2) waits only when it would block, against a deadline from
 * CLOCK_MONOTONIC recomputed on every pass. */
#include "pysocket.h"

int64_t
pysock_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int
pysock_enter(PySockObject *s)
{
    if (s->fd < 0) {
        pysock_err_errno(EBADF);
        return -1;
    }
    s->busy++;
    return s->fd;
}

void
pysock_leave(PySockObject *s)
{
    if (--s->busy == 0 && s->pending_close >= 0) {
        int fd = s->pending_close;
        s->pending_close = -1;
        Py_BEGIN_ALLOW_THREADS
        close(fd);
        Py_END_ALLOW_THREADS
    }
}

/* Milliseconds left before d's deadline, rounded up; -1 for no deadline.
 * Starts the deadline on first use.  Returns -2 when it has passed. */
static int
remaining_ms(pysock_deadline *d)
{
    if (d->timeout < 0)
        return -1;
    int64_t now = pysock_monotonic_ns();
    if (d->deadline == 0)
        d->deadline = now + d->timeout;
    int64_t left = d->deadline - now;
    if (left <= 0)
        return -2;
    int64_t ms = (left + 999999) / 1000000;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* poll(2) on one fd; GIL released by the caller. */
static int
poll_impl(int fd, int writing, int ms)
{
    struct pollfd p;
    p.fd = fd;
    p.events = writing ? POLLOUT : POLLIN;
    p.revents = 0;
    return poll(&p, 1, ms);
}

int
pysock_wait(PySockObject *s, int fd, int writing, pysock_deadline *d)
{
    for (;;) {
        int ms = remaining_ms(d);
        if (ms == -2) {
            pysock_err_timeout(s->state);
            return -1;
        }
        int n, err;
        Py_BEGIN_ALLOW_THREADS
        n = poll_impl(fd, writing, ms);
        err = errno;
        Py_END_ALLOW_THREADS
        if (n > 0)
            return 1;
        if (n == 0) {
            pysock_err_timeout(s->state);
            return -1;
        }
        if (err != EINTR) {
            pysock_err_errno(err);
            return -1;
        }
        if (PyErr_CheckSignals() < 0)
            return -1;
    }
}

int
pysock_call_sized(PySockObject *s, int writing, pysock_impl impl, void *ctx,
                  pysock_deadline *d, size_t nbytes, int *flags)
{
    pysock_deadline own;
    if (d == NULL) {
        pysock_deadline_init(&own, s->timeout, 0);
        d = &own;
    }
    int fd = pysock_enter(s);
    if (fd < 0)
        return -1;
    int res, err;
    /* Small operations run with the GIL held when they cannot block: in
     * non-blocking and timeout modes (the callers add MSG_DONTWAIT there),
     * and, in blocking mode, as a first try with MSG_DONTWAIT when the
     * caller passes its flags: if that would block, the call goes on with
     * the GIL released as usual.  Saves the release and re-acquire (~800
     * instructions) whenever the data or the buffer space is already there;
     * large copies and every wait still let other threads run. */
    /* With SO_RCVLOWAT a blocking or timed receive waits for that many
     * bytes, which a MSG_DONTWAIT try would not: no first try then, and in
     * timeout mode poll(2) (which honours the mark) before the call, as the
     * stdlib does. */
    int lowat = !writing && s->rcvlowat;
    int small = nbytes <= PYSOCK_GIL_HOLD_MAX && !lowat;
    int hold_gil = small && d->timeout >= 0;
    int speculative = small && d->timeout < 0 && flags != NULL
                      && !(*flags & (MSG_WAITALL | MSG_DONTWAIT));
    int saved_flags = 0;
    if (speculative) {
        saved_flags = *flags;
        *flags |= MSG_DONTWAIT;
        hold_gil = 1;
    }
    if (lowat && d->timeout > 0 && pysock_wait(s, fd, writing, d) < 0)
        goto error;
    for (;;) {
        if (hold_gil) {
            res = impl(fd, ctx);
            err = errno;
        }
        else {
            Py_BEGIN_ALLOW_THREADS
            res = impl(fd, ctx);
            err = errno;
            Py_END_ALLOW_THREADS
        }
        if (speculative) {
            *flags = saved_flags;
            speculative = hold_gil = 0;
            if (res < 0 && (err == EAGAIN || err == EWOULDBLOCK))
                continue;          /* would block: now the blocking call */
        }
        if (res >= 0)
            break;
        if (err == EINTR) {
            if (PyErr_CheckSignals() < 0)
                goto error;
        }
        else if (d->timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK)) {
            if (pysock_wait(s, fd, writing, d) < 0)
                goto error;
        }
        else {
            /* closed by another thread meanwhile: the shutdown that woke us
             * shows as EINVAL/ENOTCONN; report the closed socket instead */
            pysock_err_errno(s->fd != fd ? EBADF : err);
            goto error;
        }
        if (s->fd != fd) {
            pysock_err_errno(EBADF);
            goto error;
        }
    }
    pysock_leave(s);
    return res;
error:
    pysock_leave(s);
    return -1;
}

int
pysock_call(PySockObject *s, int writing, pysock_impl impl, void *ctx,
            pysock_deadline *d)
{
    return pysock_call_sized(s, writing, impl, ctx, d, (size_t)-1, NULL);
}
