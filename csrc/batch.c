/* batch.c: batch datagram I/O over recvmmsg(2) / sendmmsg(2).
 * (To be written: issue "Performance".) */
#include "pysocket.h"

PyMethodDef pysock_batch_methods[] = {
    {NULL, NULL, 0, NULL}
};
