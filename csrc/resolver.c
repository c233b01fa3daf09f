/* resolver.c: getaddrinfo(3), getnameinfo(3), gethostby*, getserv*,
 * getproto*, gethostname / sethostname.  (To be written: issue "Name
 * resolution".) */
#include "pysocket.h"

PyMethodDef pysock_resolver_functions[] = {
    {NULL, NULL, 0, NULL}
};
