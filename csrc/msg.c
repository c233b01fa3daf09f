/* msg.c: sendmsg(2) / recvmsg(2) with ancillary data (cmsg(3)),
 * CMSG_LEN and CMSG_SPACE.  (To be written: issue "Ancillary data".) */
#include "pysocket.h"

PyMethodDef pysock_msg_methods[] = {
    {NULL, NULL, 0, NULL}
};

PyMethodDef pysock_msg_functions[] = {
    {NULL, NULL, 0, NULL}
};
