#include "igo/igo.h"

/* The version the library was built as, which may differ from the header a program was compiled
 * against when the shared library was replaced. */
const char *igo_version(void)
{
    return IGO_VERSION;
}
