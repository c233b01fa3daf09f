/* addr_args.c: small conversions shared by the addr_<family>.c parsers.
 *
 * Each mirrors one PyArg_Parse format letter the stdlib uses for that field,
 * so a bad address raises the same exception type: the "mask" converters
 * truncate silently as "I", "k", "K", "H" and "B" do (no overflow check),
 * floats and other non-integers raise TypeError.  GIL held throughout. */
#include "pysocket.h"

/* The low bits of o as an unsigned long long; 0 / -1.  Floats are refused;
 * anything else goes to PyLong_AsUnsignedLongLongMask itself, so the
 * TypeError text for a non-integer is this Python version's own. */
static int
mask_of(PyObject *o, unsigned long long *out)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, PYSOCK_MSG_FLOAT_INT);
        return -1;
    }
    unsigned long long v = PyLong_AsUnsignedLongLongMask(o);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

int
pysock_arg_int(PyObject *o, int *out)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, PYSOCK_MSG_FLOAT_INT);
        return -1;
    }
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, v > INT_MAX
                        ? "signed integer is greater than maximum"
                        : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int
pysock_arg_uint_mask(PyObject *o, unsigned int *out)
{
    unsigned long long v;
    if (mask_of(o, &v) < 0)
        return -1;
    *out = (unsigned int)v;
    return 0;
}

int
pysock_arg_ushort(PyObject *o, unsigned short *out)
{
    unsigned long long v;
    if (mask_of(o, &v) < 0)
        return -1;
    *out = (unsigned short)v;
    return 0;
}

int
pysock_arg_uchar(PyObject *o, unsigned char *out)
{
    unsigned long long v;
    if (mask_of(o, &v) < 0)
        return -1;
    *out = (unsigned char)v;
    return 0;
}

/* "k" and "K" accept int (and subclasses) only, not __index__ objects. */
int
pysock_arg_ull_mask(PyObject *o, unsigned long long *out)
{
    if (!PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "an integer is required (got type %.200s)",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    unsigned long long v = PyLong_AsUnsignedLongLongMask(o);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

int
pysock_arg_ulong_mask(PyObject *o, unsigned long *out)
{
    unsigned long long v;
    if (pysock_arg_ull_mask(o, &v) < 0)
        return -1;
    *out = (unsigned long)v;
    return 0;
}

int
pysock_arg_utf8(PyObject *o, PyObject **keep, const char **out)
{
    *keep = NULL;
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "argument must be str, not %.200s",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    PyObject *b = PyUnicode_AsUTF8String(o);
    if (b == NULL)
        return -1;
    if (strlen(PyBytes_AS_STRING(b)) != (size_t)PyBytes_GET_SIZE(b)) {
        Py_DECREF(b);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    *keep = b;
    *out = PyBytes_AS_STRING(b);
    return 0;
}

int
pysock_arg_fsbytes(PyObject *o, PyObject **out)
{
    *out = NULL;
    return PyUnicode_FSConverter(o, out) ? 0 : -1;
}

/* if_nametoindex(3): the lookup the stdlib does with ioctl(SIOCGIFINDEX) on
 * the socket; same namespace, same errno (ENODEV) for a missing name. */
int
pysock_ifindex(const char *name, int *out)
{
    char buf[IF_NAMESIZE];
    strncpy(buf, name, sizeof(buf) - 1);
    buf[sizeof(buf) - 1] = '\0';
    unsigned int idx = if_nametoindex(buf);
    if (idx == 0) {
        pysock_err_errno(errno ? errno : ENODEV);
        return -1;
    }
    *out = (int)idx;
    return 0;
}

/* if_indextoname(3), "" on failure (the stdlib ignores SIOCGIFNAME errors). */
const char *
pysock_ifname(int index, char *buf)
{
    buf[0] = '\0';
    if (index > 0 && if_indextoname((unsigned int)index, buf) == NULL)
        buf[0] = '\0';
    return buf;
}
