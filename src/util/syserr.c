/* A system error in the words of pbcheck's messages (translated with
 * them), rather than libc's: strerror() speaks the C library's language,
 * which is English wherever glibc's own catalogue is not installed. */
#include "util/util.h"

#include <errno.h>

const char *pb_strerror(int err)
{
    switch (err) {
    case ENOENT: return _("no such file or folder");
    case EACCES:
    case EPERM: return _("permission denied");
    case ENOSPC: return _("the disk is full");
    case EDQUOT: return _("the disk quota is used up");
    case EFBIG: return _("the file would exceed the size limit");
    case EISDIR: return _("it is a folder");
    case ENOTDIR: return _("a part of the path is not a folder");
    case ENAMETOOLONG: return _("the path is too long");
    case ELOOP: return _("too many levels of symbolic links");
    case EROFS: return _("the file system is read-only");
    case EIO: return _("input/output error");
    case ENOMEM: return _("out of memory");
    case EMFILE:
    case ENFILE: return _("too many open files");
    case EBUSY:
    case ETXTBSY: return _("the file is in use");
    case EEXIST: return _("the file already exists");
    case EXDEV: return _("it is on another file system");
    case EPIPE: return _("the reader of the pipe has gone");
    case EINVAL: return _("the system refused the request");
    case EAGAIN: return _("the resource is temporarily unavailable");
    case ENXIO:
    case ENODEV: return _("no such device");
    default: return _("system error");
    }
}
