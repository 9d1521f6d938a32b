"""A media folder that cannot take a file: the admin says so, and nothing is half-written.

Tests run as root on CI, and root ignores file permissions, so the read-only folder is made
for real in the way the machine allows: a read-only tmpfs mounted for the test (root), a
folder without write permission (any other user), or, where neither works, a media folder
below a regular file. A full disk is a file size limit (``RLIMIT_FSIZE``) in a subprocess:
the kernel accepts part of the file, then refuses the rest, as a full disk does.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from tests.conftest import restore_migrated_state

ROOT = Path(__file__).resolve().parents[2]


def png_bytes(size: int = 64) -> bytes:
    """A real PNG image of size × size pixels (noise, so that it does not compress away)."""
    image = PILImage.frombytes("RGB", (size, size), os.urandom(size * size * 3))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def files_below(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []


@pytest.fixture
def read_only_media(tmp_path, settings):
    """MEDIA_ROOT on a folder the kernel refuses to write into."""
    media = tmp_path / "media"
    media.mkdir()
    mounted = False
    mount = shutil.which("mount")
    if os.geteuid() == 0 and mount:
        mounted = (
            subprocess.run(  # noqa: S603 (fixed arguments, our own temporary folder)
                [mount, "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(media)],
                capture_output=True,
                check=False,
            ).returncode
            == 0
        )
        if not mounted:
            # No mount allowed (a container): below a regular file nothing can be created.
            (tmp_path / "not-a-folder").write_text("")
            media = tmp_path / "not-a-folder" / "media"
    else:
        media.chmod(0o555)
    settings.MEDIA_ROOT = str(media)
    yield media
    if mounted:
        subprocess.run([shutil.which("umount"), str(media)], check=True)  # noqa: S603
    elif media.is_dir():
        media.chmod(0o755)


@pytest.fixture
def writable_media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def sign_in_admin(client, django_user_model):
    """A superuser whose admin is in English (the German message is checked separately)."""
    user = django_user_model.objects.create_superuser("admin", "a@example.org", "x")
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, django_user_model):
    return sign_in_admin(client, django_user_model)


def upload_image(client):
    upload = SimpleUploadedFile("flyer.png", png_bytes(), content_type="image/png")
    return client.post("/admin/images/add/", {"title": "Flyer", "file": upload})


def upload_document(client):
    upload = SimpleUploadedFile("flyer.pdf", b"%PDF-1.4\n" + b"0" * 2000, "application/pdf")
    return client.post("/admin/documents/add/", {"title": "Flyer", "file": upload})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "model"), [(upload_image, Image), (upload_document, Document)], ids=["image", "doc"]
)
def test_upload_works_when_the_media_folder_is_writable(
    admin_client, writable_media, upload, model
):
    response = upload(admin_client)
    assert response.status_code == 302
    assert model.objects.filter(title="Flyer").count() == 1
    assert files_below(writable_media)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "model"), [(upload_image, Image), (upload_document, Document)], ids=["image", "doc"]
)
def test_upload_to_a_read_only_media_folder_is_a_clear_error_and_stores_nothing(
    admin_client, read_only_media, upload, model
):
    response = upload(admin_client)

    assert response.status_code == 302
    page = admin_client.get(response["Location"])
    assert page.status_code == 200
    assert "The file could not be stored" in page.content.decode()
    assert "Nothing was saved" in page.content.decode()
    assert not model.objects.exists()
    assert not files_below(read_only_media)


@pytest.mark.django_db
def test_the_error_is_in_the_editors_language(admin_client, read_only_media):
    user = admin_client.session["_auth_user_id"]
    UserProfile.objects.update_or_create(user_id=user, defaults={"preferred_language": "de"})
    response = upload_image(admin_client)
    page = admin_client.get(response["Location"])
    assert "Die Datei konnte nicht gespeichert werden" in page.content.decode()


# Model.save() marks an enclosing transaction for rollback when the file is refused; the
# multiple upload view has none of its own, so this test runs outside the test transaction.
@pytest.mark.django_db(transaction=True)
def test_multiple_upload_to_a_read_only_media_folder_answers_with_the_message(
    client, django_user_model, read_only_media
):
    if not Collection.objects.exists():
        restore_migrated_state()  # an earlier transactional test's flush removed them
    admin_client = sign_in_admin(client, django_user_model)
    upload = SimpleUploadedFile("flyer.png", png_bytes(), content_type="image/png")
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert "The file could not be stored" in answer["error_message"]
    assert not Image.objects.exists()
    assert not files_below(read_only_media)


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    import django
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.storage import FileSystemStorage
    from base.storage import MediaStorage, MediaStorageError

    # A write past the limit fails with EFBIG instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    content = b"%PDF-1.4\\n" + b"0" * (3 * limit)
    try:
        FileSystemStorage().save("plain/flyer.pdf", ContentFile(content))
    except OSError as error:
        print("django:", error.errno)
    try:
        MediaStorage().save("documents/flyer.pdf", ContentFile(content))
    except MediaStorageError as error:
        print("wegweiser:", error.reason)
    """
)


def test_a_full_disk_leaves_no_partial_file(tmp_path):
    media = tmp_path / "media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wegweiser.settings.test",
        "MEDIA_ROOT": str(media),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    limit = 100_000
    result = subprocess.run(  # noqa: S603 (the test's own script)
        [sys.executable, "-c", FULL_DISK, str(limit)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "wegweiser: full" in result.stdout, result.stdout + result.stderr
    # Django's own storage leaves what the disk took: the fault is real ...
    partial = media / "plain" / "flyer.pdf"
    assert partial.is_file() and 0 < partial.stat().st_size <= limit
    # ... and the media storage removed it.
    assert files_below(media / "documents") == []


def test_the_site_stores_media_through_the_guarded_storage():
    assert django_settings.STORAGES["default"]["BACKEND"] == "base.storage.MediaStorage"


S3_SETTINGS = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.conf import settings
    from django.core.files.storage import storages

    default_storage = storages["default"]
    print(json.dumps({
        "backend": settings.STORAGES["default"]["BACKEND"],
        "class": type(default_storage).__name__,
        "bucket": default_storage.bucket_name,
        "endpoint": default_storage.endpoint_url,
        "location": default_storage.location,
        "url": default_storage.url("original_images/flyer.png"),
        "img-src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    }))
    """
)


def s3_settings(**variables) -> dict:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("MEDIA_S3_", "AWS_"))
    }
    env.update(DJANGO_SETTINGS_MODULE="wegweiser.settings.dev", **variables)
    result = subprocess.run(  # noqa: S603 (the test's own script)
        [sys.executable, "-c", S3_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_go_to_an_s3_bucket_named_by_the_environment_without_network():
    """Signing a link and building the storage need no connection: nothing is contacted."""
    answer = s3_settings(
        MEDIA_S3_BUCKET="wegweiser-media",
        MEDIA_S3_ENDPOINT_URL="https://s3.example.org",
        MEDIA_S3_REGION="eu-central-1",
        MEDIA_S3_ACCESS_KEY_ID="AKIAEXAMPLE",
        MEDIA_S3_SECRET_ACCESS_KEY="secret-example",
        MEDIA_S3_PREFIX="magdeburg",
    )
    assert answer["backend"] == "storages.backends.s3.S3Storage"
    assert answer["class"] == "S3Storage"
    assert (answer["bucket"], answer["endpoint"]) == ("wegweiser-media", "https://s3.example.org")
    assert answer["url"].startswith(
        "https://s3.example.org/wegweiser-media/magdeburg/original_images/flyer.png?"
    )
    assert "Signature=" in answer["url"] or "X-Amz-Signature=" in answer["url"]
    assert "https://s3.example.org" in answer["img-src"]


def test_a_public_media_domain_gives_unsigned_links_and_is_allowed_for_images():
    answer = s3_settings(
        MEDIA_S3_BUCKET="wegweiser-media", MEDIA_S3_CUSTOM_DOMAIN="media.example.org"
    )
    assert answer["url"] == "https://media.example.org/original_images/flyer.png"
    assert "https://media.example.org" in answer["img-src"]
