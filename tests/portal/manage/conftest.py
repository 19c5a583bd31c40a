"""The account fixtures (people of each role, forms with CSRF, real SMTP) for these tests."""

from tests.portal.account.conftest import app, people, send_form  # noqa: F401
from tests.utils.smtp import smtp_server  # noqa: F401
