"""Sign-in (with a second factor for staff and admins), sign-out, invitations and resets.

One-time tokens travel in the query string (`/uitnodiging?token=…`), never in the path:
the access log keeps paths but never query strings, so a token is never written to disk.
Every POST here is CSRF-checked (extensions.csrf) and the ones that guess at secrets are
rate-limited per client address. The account functions commit their own changes (a wrong
password is counted even though the call fails), so these views never commit.
"""

from datetime import UTC, datetime

import segno
from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, logout_user

from indexer.accounts import service
from indexer.accounts.errors import AccountLocked, BadCredentials, TokenInvalid
from indexer.accounts.permissions import providers_of, regions_of
from indexer.accounts.tokens import read_token
from indexer.models.accounts import User
from portal.account.forms import CodeForm, ForgotForm, NewPasswordForm, SignInForm
from portal.account.mail import send_reset_mail
from portal.account.users import sign_in_now
from portal.database import get_session
from portal.extensions import limiter
from portal.localize import gettext as _
from portal.permissions import anyone, signed_in

blueprint = Blueprint("account", __name__)
GUESS_LIMIT = "10 per minute"
PASSWORD_PAGE = "account/new_password.html"
HALF_SIGNED_IN = "half_signed_in"  # user id that gave the right password, awaiting a code


@blueprint.route("/inloggen", methods=["GET", "POST"])
@limiter.limit(GUESS_LIMIT, methods=["POST"])
@anyone("signing in is how one becomes someone")
def sign_in():
    form = SignInForm()
    error = None
    if form.validate_on_submit():
        try:
            user = service.authenticate(
                form.email.data, form.password.data, session=get_session(), now=_now()
            )
        except AccountLocked:
            error = _("Te vaak een verkeerd wachtwoord. Probeer het over 15 minuten opnieuw.")
        except BadCredentials:
            error = _("Dit e-mailadres en wachtwoord horen niet bij elkaar.")
        else:
            return _after_password(user)
    status = 400 if form.errors or error else 200
    return render_template("account/sign_in.html", form=form, error=error), status


def _after_password(user: User):
    if not service.needs_second_factor(user):
        return sign_in_now(user)
    session[HALF_SIGNED_IN] = user.id
    if user.totp_secret:
        return redirect(url_for("account.second_factor"))
    return redirect(url_for("account.enrol"))


@blueprint.route("/inloggen/code", methods=["GET", "POST"])
@limiter.limit(GUESS_LIMIT, methods=["POST"])
@anyone("the second step of signing in; only after the right password")
def second_factor():
    user = _half_signed_in()
    form = CodeForm()
    error = None
    if form.validate_on_submit():
        if service.use_totp(user, form.code.data.strip(), session=get_session()):
            session.pop(HALF_SIGNED_IN)
            return sign_in_now(user)
        error = _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat.")
    status = 400 if form.errors or error else 200
    return render_template("account/code.html", form=form, error=error), status


@blueprint.route("/inloggen/app-koppelen", methods=["GET", "POST"])
@limiter.limit(GUESS_LIMIT, methods=["POST"])
@anyone("enrolling the second factor; only after the right password")
def enrol():
    user = _half_signed_in()
    if user.totp_secret:
        return redirect(url_for("account.second_factor"))
    if "totp" not in session:
        session["totp"] = service.totp_provisioning(user)  # shown to this user only
    secret, uri = session["totp"]
    form = CodeForm()
    error = None
    if form.validate_on_submit():
        if service.enable_totp(user, secret, form.code.data.strip(), session=get_session()):
            session.pop(HALF_SIGNED_IN)
            session.pop("totp")
            return sign_in_now(user)
        error = _("Deze code klopt niet. Kijk of de tijd op uw telefoon goed staat.")
    status = 400 if form.errors or error else 200
    return render_template(
        "account/enrol.html", form=form, error=error, secret=secret, qr=_qr_data_uri(uri)
    ), status


@blueprint.post("/uitloggen")
@anyone("signing out only ends one's own session")
def sign_out():
    logout_user()
    session.clear()
    return redirect(url_for("home.index"))


@blueprint.get("/account")
@signed_in
def home():
    account = current_user.account
    return render_template(
        "account/home.html",
        account=account,
        providers=providers_of(account, session=get_session()),
        regions=regions_of(account, session=get_session()),
    )


@blueprint.route("/uitnodiging", methods=["GET", "POST"])
@limiter.limit(GUESS_LIMIT, methods=["POST"])
@anyone("the invitation token is the permission")
def accept_invitation():
    return _new_password(
        "invitation",
        heading=_("Welkom bij Jeugdhulpgids"),
        intro=_("Kies een wachtwoord om uw account te gebruiken."),
    )


@blueprint.route("/wachtwoord-herstellen", methods=["GET", "POST"])
@limiter.limit(GUESS_LIMIT, methods=["POST"])
@anyone("the reset token is the permission")
def reset_password():
    return _new_password(
        "reset",
        heading=_("Nieuw wachtwoord kiezen"),
        intro=_("Kies een nieuw wachtwoord voor uw account."),
    )


def _new_password(purpose: str, **texts: str):
    form = NewPasswordForm(token=request.args.get("token", ""))
    secret = current_app.config["SECRET_KEY"]
    error = None
    try:
        if form.validate_on_submit():
            finish = service.accept_invitation if purpose == "invitation" else service.finish_reset
            user = finish(form.token.data, form.password.data, secret=secret, session=get_session())
            return _after_password(user)
        read_token(secret, purpose, form.token.data, session=get_session())
    except TokenInvalid:
        error = _(
            "Deze link werkt niet meer: hij is al gebruikt of verlopen. Vraag een nieuwe aan."
        )
        return render_template(PASSWORD_PAGE, form=None, error=error, **texts), 400
    page = render_template(PASSWORD_PAGE, form=form, error=error, **texts)
    return page, 400 if form.errors else 200


@blueprint.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@limiter.limit(GUESS_LIMIT, methods=["POST"])
@anyone("asking for a reset link reveals nothing: the answer is the same for every address")
def forgot_password():
    form = ForgotForm()
    if form.validate_on_submit():
        started = service.start_reset(
            form.email.data, secret=current_app.config["SECRET_KEY"], session=get_session()
        )
        if started:
            send_reset_mail(*started)
        return render_template("account/forgot.html", form=None, sent=True)
    return render_template(
        "account/forgot.html", form=form, sent=False
    ), 400 if form.errors else 200


def _half_signed_in() -> User:
    user_id = session.get(HALF_SIGNED_IN)
    user = get_session().get(User, user_id) if user_id else None
    if user is None:
        abort(404)
    return user


def _qr_data_uri(uri: str) -> str:
    """The enrolment QR code as an SVG data URI, made here: no outside service sees it."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def _now() -> datetime:
    return datetime.now(UTC)
