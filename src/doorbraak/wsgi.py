import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doorbraak.settings")
application = get_wsgi_application()

# Load the anonymiser (deduce, ~7 s) once per worker process now, in the background, instead
# of during the first request that shows approvers' text; that request waits for this build.
from doorbraak.privacy.anonymiser import preload_anonymiser  # noqa: E402

preload_anonymiser()
