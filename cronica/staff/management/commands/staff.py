"""``cronica staff``: break-glass for staff accounts, for whoever runs the server.

  cronica staff reset-2fa USER        drop USER's authenticator and recovery codes; the next
                                      sign-in enrols a new app (lost phone)
  cronica staff recovery-codes USER   print a fresh set of recovery codes for USER
  cronica staff unlock USER           lift a sign-in lockout on USER at once

Each is written to the audit log as done from the command line.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cronica.audit.log import record
from cronica.staff import throttle, twofactor


class Command(BaseCommand):
    help = "Break-glass for staff accounts: reset-2fa, recovery-codes, unlock."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        for action, text in [
            ("reset-2fa", "drop the user's devices; the next sign-in enrols again"),
            ("recovery-codes", "print new recovery codes for the user"),
            ("unlock", "lift a sign-in lockout on the user"),
        ]:
            sub.add_parser(action, help=text).add_argument("username")

    def handle(self, *args: Any, action: str, username: str, **options: Any) -> None:
        if action == "unlock":
            throttle.reset(username)
            record(None, "staff.unlocked", username)
            self.stdout.write(f"{username}: sign-in lockout lifted.")
            return
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        if action == "reset-2fa":
            twofactor.reset(user)
            record(None, "staff.2fa_reset", username)
            self.stdout.write(f"{username}: two-factor devices removed; the next sign-in enrols.")
        else:
            codes = twofactor.new_recovery_codes(user)
            record(None, "staff.recovery_codes_issued", username)
            self.stdout.write("\n".join(codes))
