"""The account forms. Messages are lazy gettext strings: a form class is built once, its
messages are read in the language of each request."""

from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp

from indexer.accounts.passwords import MIN_PASSWORD_LENGTH
from portal.localize import lazy_gettext as _l


class SignInForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), [DataRequired(_l("Vul uw e-mailadres in."))])
    password = PasswordField(_l("Wachtwoord"), [DataRequired(_l("Vul uw wachtwoord in."))])


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code uit uw app"),
        [
            DataRequired(_l("Vul de code uit uw app in.")),
            Regexp(r"^\s*\d{6}\s*$", message=_l("De code bestaat uit 6 cijfers.")),
        ],
    )


class NewPasswordForm(FlaskForm):
    token = HiddenField()
    password = PasswordField(
        _l("Nieuw wachtwoord"),
        [
            DataRequired(_l("Kies een wachtwoord.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                message=_l(
                    "Kies een wachtwoord van minstens %(num)d tekens.", num=MIN_PASSWORD_LENGTH
                ),
            ),
        ],
    )
    confirm = PasswordField(
        _l("Herhaal het wachtwoord"),
        [EqualTo("password", message=_l("De twee wachtwoorden zijn niet gelijk."))],
    )


class ForgotForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), [DataRequired(_l("Vul uw e-mailadres in."))])
