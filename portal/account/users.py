"""The signed-in person as Flask-Login sees them: a thin wrapper around the stored User, so
the data side's model stays free of Flask."""

from flask import redirect, request, url_for
from flask_login import UserMixin, login_user

from indexer.models.accounts import User
from portal.database import get_session
from portal.extensions import login_manager


class SignedIn(UserMixin):
    def __init__(self, account: User) -> None:
        self.account = account
        self.id = str(account.id)


@login_manager.user_loader
def _load(user_id: str) -> SignedIn | None:
    account = (
        get_session().get(User, int(user_id)) if user_id.isascii() and user_id.isdigit() else None
    )
    return SignedIn(account) if account is not None and account.password_hash else None


def sign_in_now(account: User):
    """Start the session and go where the person was heading (only a path on this site)."""
    login_user(SignedIn(account))
    target = request.args.get("next", "")
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        target = url_for("account.home")
    return redirect(target)
