#include "igo/igo.h"

const char *igo_version(void)
{
    return "0.1.0";
}
