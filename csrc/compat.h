/* compat.h: shims across CPython 3.9 .. 3.13.  All PY_VERSION_HEX tests live
 * here; no private (_Py*) API is used. */
#ifndef PYSOCK_COMPAT_H
#define PYSOCK_COMPAT_H

#if PY_VERSION_HEX < 0x030A0000
static inline PyObject *pysock_newref(PyObject *o) { Py_INCREF(o); return o; }
#  define Py_NewRef(o) pysock_newref((PyObject *)(o))
static inline PyObject *pysock_xnewref(PyObject *o) { Py_XINCREF(o); return o; }
#  define Py_XNewRef(o) pysock_xnewref((PyObject *)(o))
static inline int
PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    if (value == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "PyModule_AddObjectRef: NULL value");
        return -1;
    }
    Py_INCREF(value);
    if (PyModule_AddObject(mod, name, value) < 0) {
        Py_DECREF(value);
        return -1;
    }
    return 0;
}
#endif

/* socket.timeout: an alias of TimeoutError from 3.10 on, its own OSError
 * subclass before. */
#if PY_VERSION_HEX >= 0x030A0000
#  define PYSOCK_TIMEOUT_IS_BUILTIN 1
#else
#  define PYSOCK_TIMEOUT_IS_BUILTIN 0
#endif

/* Py_mod_gil appeared in 3.13. */
#if PY_VERSION_HEX >= 0x030D0000 && defined(Py_mod_gil)
#  define PYSOCK_HAS_MOD_GIL 1
#else
#  define PYSOCK_HAS_MOD_GIL 0
#endif

/* Vectorcall-style keyword lookup needs these on every version. */
#ifndef PyVectorcall_NARGS
#  define PyVectorcall_NARGS(n) ((n) & ~((size_t)1 << (8 * sizeof(size_t) - 1)))
#endif

/* The module that defined a type in the MRO of `type` from `def`; borrowed,
 * NULL with TypeError when none.  PyType_GetModuleByDef is 3.11+. */
#if PY_VERSION_HEX >= 0x030B0000
#  define pysock_module_by_def(type, def) PyType_GetModuleByDef((type), (def))
#else
static inline PyObject *
pysock_module_by_def(PyTypeObject *type, PyModuleDef *def)
{
    PyObject *mro = type->tp_mro;
    Py_ssize_t n = mro ? PyTuple_GET_SIZE(mro) : 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(t->tp_flags & Py_TPFLAGS_HEAPTYPE))
            continue;
        PyObject *m = PyType_GetModule(t);
        if (m == NULL) {
            PyErr_Clear();
            continue;
        }
        if (PyModule_GetDef(m) == def)
            return m;
    }
    PyErr_Format(PyExc_TypeError, "PyType_GetModuleByDef: No superclass of '%s' has "
                 "the given module", type->tp_name);
    return NULL;
}
#endif

/* Texts of the TypeError for a non-integer where PyArg's "i" is expected. */
#if PY_VERSION_HEX < 0x030A0000
#  define PYSOCK_MSG_FLOAT_INT "integer argument expected, got float"
#  define PYSOCK_FMT_NOT_INT "an integer is required (got type %.200s)"
#else
#  define PYSOCK_MSG_FLOAT_INT "'float' object cannot be interpreted as an integer"
#  define PYSOCK_FMT_NOT_INT "'%.200s' object cannot be interpreted as an integer"
#endif

/* Keyword-argument error text of PyArg_ParseTupleAndKeywords. */
#if PY_VERSION_HEX < 0x030D0000
#  define PYSOCK_FMT_BAD_KW "'%U' is an invalid keyword argument for %s()"
#  define PYSOCK_BAD_KW_ARGS(fname, key) (key), (fname)
#else
#  define PYSOCK_FMT_BAD_KW "%s() got an unexpected keyword argument '%U'"
#  define PYSOCK_BAD_KW_ARGS(fname, key) (fname), (key)
#endif

/* setblocking(flag): truth value from 3.12 on, an int before. */
#if PY_VERSION_HEX >= 0x030C0000
#  define PYSOCK_SETBLOCKING_TRUTH 1
#else
#  define PYSOCK_SETBLOCKING_TRUTH 0
#endif

/* TypeError for keywords given to a positional-only socket method: 3.9 and
 * 3.10 name the bare method, later versions qualify it with the type. */
#if PY_VERSION_HEX < 0x030B0000
#  define PYSOCK_FMT_METHOD_NO_KW "%s() takes no keyword arguments"
#else
#  define PYSOCK_FMT_METHOD_NO_KW "socket.%s() takes no keyword arguments"
#endif

/* socket.__init__'s int arguments: PyArg's "i" texts before 3.11, the
 * Argument Clinic int converter's single text from 3.11 on. */
#if PY_VERSION_HEX >= 0x030B0000
#  define PYSOCK_INIT_INT_CLINIC 1
#else
#  define PYSOCK_INIT_INT_CLINIC 0
#endif

/* OverflowError text for a float timeout out of range. */
#if PY_VERSION_HEX < 0x030B0000
#  define PYSOCK_MSG_FLOAT_TIME_OVERFLOW "timestamp too large to convert to C _PyTime_t"
#else
#  define PYSOCK_MSG_FLOAT_TIME_OVERFLOW "timestamp out of range for platform time_t"
#endif

/* OverflowError text for a timeout that does not fit in PyTime_t. */
#if PY_VERSION_HEX < 0x030D0000
#  define PYSOCK_MSG_TIME_OVERFLOW "timestamp too large to convert to C _PyTime_t"
#else
#  define PYSOCK_MSG_TIME_OVERFLOW "timestamp too large to convert to C PyTime_t"
#endif

/* ---- resolver ---- */
/* htons()/ntohs(): before 3.10 a value above 0xffff is truncated with a
 * DeprecationWarning; from 3.10 on it raises OverflowError. */
#if PY_VERSION_HEX >= 0x030A0000
#  define PYSOCK_HTONS_STRICT 1
#else
#  define PYSOCK_HTONS_STRICT 0
#endif
/* 3.13 converts htons()'s argument as a C int (one OverflowError text for
 * every out-of-range value), checks if_indextoname()'s index against
 * UINT_MAX, and names METH_O argument errors "argument" (no number). */
#if PY_VERSION_HEX >= 0x030D0000
#  define PYSOCK_PY313_ARGS 1
#else
#  define PYSOCK_PY313_ARGS 0
#endif
/* getaddrinfo(): from 3.12 an int port is passed as its decimal str()
 * (no C long range check). */
#if PY_VERSION_HEX >= 0x030C0000
#  define PYSOCK_GAI_PORT_STR 1
#else
#  define PYSOCK_GAI_PORT_STR 0
#endif

#endif /* PYSOCK_COMPAT_H */
