"""Flask extensions every audience shares, created here and `init_app`ed by create_app.

- CSRF on every form, globally (Flask-WTF `CSRFProtect`): a POST without the session's
  token is a 400, whoever sends it.
- Sessions for signed-in providers and staff (Flask-Login); families never get one.
- Rate limits (Flask-Limiter) on sign-in, the second factor and reset. The counters live
  in the process: gunicorn.conf.py runs one process per core, so a limit of 10 a minute
  holds per process; a deployment with more processes or hosts sets
  RATELIMIT_STORAGE_URI to a shared store such as Redis (docs/accounts.md).
"""

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

from indexer.settings import Settings

csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def init_app(app: Flask, settings: Settings) -> None:
    app.config["RATELIMIT_STORAGE_URI"] = settings.ratelimit_storage_uri
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)  # valid for the session's lifetime
    csrf.init_app(app)
    # No `current_user` in templates: no page shows the user, and a processor loading it
    # for every page (45 µs on a results page) also read the session of families, who have none.
    login_manager.init_app(app, add_context_processor=False)
    login_manager.login_view = "account.sign_in"
    login_manager.session_protection = "strong"
    limiter.init_app(app)
