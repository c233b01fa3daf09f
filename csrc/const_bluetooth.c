/* const_bluetooth.c: the Bluetooth constants of the stdlib's socket module
 * (those a CPython built with BlueZ headers on Linux exports), from the
 * kernel ABI values in include/net/bluetooth/ — pysocket has them on every
 * Linux build, with or without BlueZ installed.  platform.h defines the
 * protocol, level and HCI names; the option values below are used nowhere
 * else, so they live only in this table. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_BLUETOOTH

typedef struct {
    const char *name;
    long value;
} bt_const;

static const bt_const bluetooth_constants[] = {
    {"AF_BLUETOOTH", AF_BLUETOOTH},
    {"BTPROTO_L2CAP", BTPROTO_L2CAP},
    {"BTPROTO_HCI", BTPROTO_HCI},
    {"BTPROTO_SCO", BTPROTO_SCO},
    {"BTPROTO_RFCOMM", BTPROTO_RFCOMM},
    /* option levels */
    {"SOL_HCI", SOL_HCI},
    {"SOL_L2CAP", SOL_L2CAP},
    {"SOL_SCO", SOL_SCO},
    {"SOL_RFCOMM", SOL_RFCOMM},
    {"SOL_BLUETOOTH", SOL_BLUETOOTH},
    /* L2CAP address types (sockaddr_l2.l2_bdaddr_type) */
    {"BDADDR_BREDR", BDADDR_BREDR},
    {"BDADDR_LE_PUBLIC", BDADDR_LE_PUBLIC},
    {"BDADDR_LE_RANDOM", BDADDR_LE_RANDOM},
    /* SOL_L2CAP: L2CAP_LM and its link-mode bits (l2cap.h) */
    {"L2CAP_LM", 0x03},
    {"L2CAP_LM_MASTER", 0x0001},
    {"L2CAP_LM_AUTH", 0x0002},
    {"L2CAP_LM_ENCRYPT", 0x0004},
    {"L2CAP_LM_TRUSTED", 0x0008},
    {"L2CAP_LM_RELIABLE", 0x0010},
    {"L2CAP_LM_SECURE", 0x0020},
    /* SOL_HCI options and HCI address fields (hci.h) */
    {"HCI_DATA_DIR", HCI_DATA_DIR},
    {"HCI_FILTER", HCI_FILTER},
    {"HCI_TIME_STAMP", HCI_TIME_STAMP},
    {"HCI_DEV_NONE", HCI_DEV_NONE},
    {"HCI_CHANNEL_RAW", HCI_CHANNEL_RAW},
    {"HCI_CHANNEL_USER", HCI_CHANNEL_USER},
    {"HCI_CHANNEL_MONITOR", HCI_CHANNEL_MONITOR},
    {"HCI_CHANNEL_CONTROL", HCI_CHANNEL_CONTROL},
    {"HCI_CHANNEL_LOGGING", HCI_CHANNEL_LOGGING},
    /* SOL_BLUETOOTH options (bluetooth.h) */
    {"BT_SECURITY", 4},
    {"BT_SECURITY_SDP", 0},
    {"BT_SECURITY_LOW", 1},
    {"BT_SECURITY_MEDIUM", 2},
    {"BT_SECURITY_HIGH", 3},
    {"BT_SECURITY_FIPS", 4},
    {"BT_DEFER_SETUP", 7},
    {"BT_FLUSHABLE", 8},
    {"BT_FLUSHABLE_OFF", 0},
    {"BT_FLUSHABLE_ON", 1},
    {"BT_POWER", 9},
    {"BT_POWER_FORCE_ACTIVE_OFF", 0},
    {"BT_POWER_FORCE_ACTIVE_ON", 1},
    {"BT_CHANNEL_POLICY", 10},
    {"BT_CHANNEL_POLICY_BREDR_ONLY", 0},
    {"BT_CHANNEL_POLICY_BREDR_PREFERRED", 1},
    {"BT_VOICE", 11},
    {"BT_VOICE_TRANSPARENT", 0x0003},
    {"BT_VOICE_CVSD_16BIT", 0x0060},
    {"BT_VOICE_TRANSPARENT_16BIT", 0x0063},
    {"BT_SNDMTU", 12},
    {"BT_RCVMTU", 13},
    {"BT_PHY", 14},
    {"BT_PHY_BR_1M_1SLOT", 0x00000001},
    {"BT_PHY_BR_1M_3SLOT", 0x00000002},
    {"BT_PHY_BR_1M_5SLOT", 0x00000004},
    {"BT_PHY_EDR_2M_1SLOT", 0x00000008},
    {"BT_PHY_EDR_2M_3SLOT", 0x00000010},
    {"BT_PHY_EDR_2M_5SLOT", 0x00000020},
    {"BT_PHY_EDR_3M_1SLOT", 0x00000040},
    {"BT_PHY_EDR_3M_3SLOT", 0x00000080},
    {"BT_PHY_EDR_3M_5SLOT", 0x00000100},
    {"BT_PHY_LE_1M_TX", 0x00000200},
    {"BT_PHY_LE_1M_RX", 0x00000400},
    {"BT_PHY_LE_2M_TX", 0x00000800},
    {"BT_PHY_LE_2M_RX", 0x00001000},
    {"BT_PHY_LE_CODED_TX", 0x00002000},
    {"BT_PHY_LE_CODED_RX", 0x00004000},
    {"BT_MODE", 15},
    {"BT_MODE_BASIC", 0x00},
    {"BT_MODE_ERTM", 0x01},
    {"BT_MODE_STREAMING", 0x02},
    {"BT_MODE_LE_FLOWCTL", 0x03},
    {"BT_MODE_EXT_FLOWCTL", 0x04},
    {"BT_PKT_STATUS", 16},
    {"BT_ISO_QOS", 17},
    {"BT_CODEC", 19},
};

/* Adds the table and the BDADDR_ANY / BDADDR_LOCAL strings; 0 / -1. */
int
pysock_bluetooth_constants_init(PyObject *module)
{
    size_t n = sizeof(bluetooth_constants) / sizeof(bluetooth_constants[0]);
    for (size_t i = 0; i < n; i++) {
        if (PyModule_AddIntConstant(module, bluetooth_constants[i].name,
                                    bluetooth_constants[i].value) < 0)
            return -1;
    }
    if (PyModule_AddStringConstant(module, "BDADDR_ANY", "00:00:00:00:00:00") < 0
        || PyModule_AddStringConstant(module, "BDADDR_LOCAL", "00:00:00:FF:FF:FF") < 0)
        return -1;
    return 0;
}

#endif /* PYSOCK_HAS_AF_BLUETOOTH */
