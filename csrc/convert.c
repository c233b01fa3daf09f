/* convert.c: inet_aton/ntoa/pton/ntop, htons/ntohs/htonl/ntohl, if_* functions.
 * (To be written: issue "Name resolution".) */
#include "pysocket.h"

PyMethodDef pysock_convert_functions[] = {
    {NULL, NULL, 0, NULL}
};
