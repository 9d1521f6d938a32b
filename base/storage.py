"""Uploaded files (images, documents): a media folder that cannot take a file is a clear
error in the admin, never a 500 and never half a file.

Django's ``FileSystemStorage`` lets an ``OSError`` escape from the middle of a write
(a read-only or full disk, a quota, a missing permission) and leaves the part it wrote on
disk. :class:`MediaStorage` removes that part and raises :class:`MediaStorageError`
instead; because a model's file is stored before its row is written, the row is then not
written either. :class:`MediaStorageErrorMiddleware` turns the error into the admin's
message (a JSON answer for the multiple upload and the choosers' upload forms).
"""

import errno
import logging
import os

from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# The disk refuses the file; anything else (a bug, a bad name) stays a real error.
STORAGE_ERRNOS = {
    errno.EROFS: "read-only",
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "full",
    errno.EACCES: "not writable",
    errno.EPERM: "not writable",
    errno.ENOTDIR: "not writable",
}
# The upload views that answer with JSON (the admin's multiple upload and the choosers'
# upload forms) get the message as JSON; Wagtail's multiple upload shows ``error_message``.
JSON_UPLOAD_VIEWS = {
    "wagtailimages:add_multiple",
    "wagtaildocs:add_multiple",
    "wagtailimages_chooser:create",
    "wagtaildocs_chooser:create",
}


class MediaStorageError(OSError):
    """The media folder refused a file (read-only, full or not writable)."""

    def __init__(self, name: str, cause: OSError):
        self.reason = STORAGE_ERRNOS.get(cause.errno, "not writable")
        super().__init__(cause.errno, f"The media folder is {self.reason}: {name} was not stored")

        # Worded now, in the language the admin's view activated for the editor (it is no
        # longer active when the middleware answers).
        self.message = str(self.describe(self.reason))

    @staticmethod
    def describe(reason: str):
        """What the admin tells the editor."""
        if reason == "full":
            return _(
                "The file could not be stored: the media folder is full. Nothing was saved; "
                "please tell the site's administrator."
            )
        return _(
            "The file could not be stored: the media folder cannot be written to (read-only). "
            "Nothing was saved; please tell the site's administrator."
        )


class MediaStorage(FileSystemStorage):
    """``FileSystemStorage`` that leaves no partial file and names a refusing disk."""

    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in STORAGE_ERRNOS:
                raise
            # The part written before the disk refused it: a file nothing will point at.
            # ``name`` is the name asked for: Django retries under another name only when
            # the file exists already, which is not this error.
            full_path = self.path(name)
            if os.path.isfile(full_path):
                try:
                    os.remove(full_path)
                except OSError:
                    logger.exception("Could not remove the partial upload %s", full_path)
            logger.error("Media storage refused %s: %s", name, error)
            raise MediaStorageError(name, error) from error


class MediaStorageErrorMiddleware:
    """Answers an upload the media folder refused with the admin's error message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MediaStorageError):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in JSON_UPLOAD_VIEWS:
            return JsonResponse({"success": False, "error_message": exception.message})
        if not request.path.startswith("/admin/"):
            return None
        messages.error(request, exception.message)
        # Back to the form the editor came from (a GET: the refused upload is gone).
        return HttpResponseRedirect(request.get_full_path())
