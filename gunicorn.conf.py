# gunicorn reads this file when started in the repository root; the settings live in the
# package, so an installed Doorbraak uses the same: gunicorn -c python:doorbraak.gunicorn_conf
from doorbraak.gunicorn_conf import *  # noqa: F403
