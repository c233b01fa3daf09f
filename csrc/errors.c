/* errors.c: errno -> OSError subclass, socket.timeout, gaierror, herror. */
#include "pysocket.h"

/* Raises the OSError subclass that matches err (OSError's constructor picks
 * ConnectionRefusedError, BlockingIOError, ... from the errno).  Returns NULL. */
PyObject *
pysock_err_errno(int err)
{
    errno = err;
    return PyErr_SetFromErrno(PyExc_OSError);
}

/* socket.timeout("timed out"); returns NULL. */
PyObject *
pysock_err_timeout(pysock_state *st)
{
    PyErr_SetString(st->timeout_error, "timed out");
    return NULL;
}

/* gaierror(eai, gai_strerror(eai)); EAI_SYSTEM reports errno instead, as the
 * stdlib does.  Returns NULL. */
PyObject *
pysock_err_gai(pysock_state *st, int eai)
{
#ifdef EAI_SYSTEM
    if (eai == EAI_SYSTEM)
        return PyErr_SetFromErrno(PyExc_OSError);
#endif
    PyObject *v = Py_BuildValue("(is)", eai, gai_strerror(eai));
    if (v != NULL) {
        PyErr_SetObject(st->gaierror, v);
        Py_DECREF(v);
    }
    return NULL;
}

/* herror(h_err, hstrerror(h_err)); returns NULL. */
PyObject *
pysock_err_herror(pysock_state *st, int h_err)
{
    PyObject *v = Py_BuildValue("(is)", h_err, hstrerror(h_err));
    if (v != NULL) {
        PyErr_SetObject(st->herror, v);
        Py_DECREF(v);
    }
    return NULL;
}

/* Creates error/herror/gaierror/timeout and adds them to the module. */
int
pysock_errors_init(PyObject *module, pysock_state *st)
{
    if (PyModule_AddObjectRef(module, "error", PyExc_OSError) < 0)
        return -1;
    st->herror = PyErr_NewExceptionWithDoc(
        "pysocket.herror",
        "Raised for address-related errors by gethostbyname_ex() and "
        "gethostbyaddr(): (h_errno, message).", PyExc_OSError, NULL);
    if (st->herror == NULL || PyModule_AddObjectRef(module, "herror", st->herror) < 0)
        return -1;
    st->gaierror = PyErr_NewExceptionWithDoc(
        "pysocket.gaierror",
        "Raised for address-related errors by getaddrinfo() and "
        "getnameinfo(): (EAI_* code, message).", PyExc_OSError, NULL);
    if (st->gaierror == NULL || PyModule_AddObjectRef(module, "gaierror", st->gaierror) < 0)
        return -1;
#if PYSOCK_TIMEOUT_IS_BUILTIN
    st->timeout_error = Py_NewRef(PyExc_TimeoutError);
#else
    st->timeout_error = PyErr_NewExceptionWithDoc(
        "pysocket.timeout", "Raised when a socket operation times out.",
        PyExc_OSError, NULL);
#endif
    if (st->timeout_error == NULL
        || PyModule_AddObjectRef(module, "timeout", st->timeout_error) < 0)
        return -1;
    return 0;
}
