"""Where generated files (PDFs, exports) are kept: `DOORBRAAK_STORAGE` as a URL (issue 19).

- `file:///srv/doorbraak/media` (the default, with `DOORBRAAK_MEDIA_ROOT` as the path): a
  directory; with several instances it must be one shared volume (NFS, a ReadWriteMany claim).
- `s3://bucket/prefix?endpoint_url=https://s3.example.nl&region_name=nl`: an S3-compatible
  object store through django-storages (`pip install "doorbraak[s3]"`). The keys come from
  `DOORBRAAK_S3_ACCESS_KEY` and `DOORBRAAK_S3_SECRET_KEY`, never from the URL.

Every instance reads and writes through Django's storage API (`FileField`, `default_storage`),
so one instance can serve a file another wrote. No Django imports: settings.py calls this.
"""

from urllib.parse import parse_qsl, unquote, urlsplit

S3_OPTIONS = {"endpoint_url", "region_name", "addressing_style", "signature_version"}


class StorageURLError(ValueError):
    pass


def storage_backend(url: str, *, default_root: str = "", env: dict | None = None) -> dict:
    """The `STORAGES["default"]` entry for `url`; "" means the directory `MEDIA_ROOT`
    (`default_root`), read by the storage when used, so a test can point it elsewhere."""
    env = env or {}
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise StorageURLError(f"DOORBRAAK_STORAGE: file:///absolute/path expected: {url}")
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": unquote(parts.path)},
        }
    if parts.scheme == "s3":
        if not parts.netloc:
            raise StorageURLError(f"DOORBRAAK_STORAGE: s3://bucket expected: {url}")
        query = dict(parse_qsl(parts.query))
        unknown = set(query) - S3_OPTIONS
        if unknown:
            raise StorageURLError(f"DOORBRAAK_STORAGE: unknown options {sorted(unknown)}")
        options = {
            "bucket_name": parts.netloc,
            "location": parts.path.strip("/"),
            "default_acl": None,  # the bucket's policy decides; files are never public
            "querystring_auth": True,  # downloads go through the app, never a public URL
            "file_overwrite": False,
            **query,
        }
        if env.get("DOORBRAAK_S3_ACCESS_KEY"):
            options["access_key"] = env["DOORBRAAK_S3_ACCESS_KEY"]
            options["secret_key"] = env.get("DOORBRAAK_S3_SECRET_KEY", "")
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    raise StorageURLError(f"DOORBRAAK_STORAGE: file:// or s3:// expected: {url}")
