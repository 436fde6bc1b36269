/* Reading a written workbook back as a zip (minizip): every member must decompress with a good
 * CRC. libxlsxwriter does not notice every failed write (a full disk can truncate the file); this
 * check does, before the file is renamed into place. */
#include <minizip/unzip.h>

#include "wb.h"

igo_error igoi_wb_verify_zip(char *errmsg, const char *path)
{
    unzFile zip = unzOpen64(path);
    if (!zip)
        return igoi_fail(errmsg, IGO_ERROR_IO,
                         "%s: the written workbook is not a complete zip file", path);
    char buffer[16384];
    int rc = unzGoToFirstFile(zip);
    while (rc == UNZ_OK) {
        rc = unzOpenCurrentFile(zip);
        int got = 0;
        while (rc == UNZ_OK && (got = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
            ;
        if (rc == UNZ_OK) {
            rc = got < 0 ? got : unzCloseCurrentFile(zip); /* UNZ_CRCERROR on a bad member */
            if (rc == UNZ_OK)
                rc = unzGoToNextFile(zip);
        }
    }
    unzClose(zip);
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        return igoi_fail(errmsg, IGO_ERROR_IO,
                         "%s: the written workbook does not read back (zip error %d); the "
                         "disk may be full",
                         path, rc);
    return IGO_OK;
}
