import time

from django.core.management.base import BaseCommand, CommandParser

from events.demo import DEMO_PASSWORD, demo_logins, demo_seed


class Command(BaseCommand):
    help = (
        "Fill the database with the bilingual demo dataset (five fairs, seven Japan Pavilions, "
        "SMEs, buyers, registrations, slots, interpreters and demo accounts). Running it again "
        "adds only what is missing. Demo accounts share a published password: laptops only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the SMEs (100 per step) and buyers (400 per step), for benchmarks.",
        )

    def handle(self, *args, scale: int, **options) -> None:
        started = time.monotonic()
        counts = demo_seed(scale=scale, progress=self.stdout.write)
        elapsed = time.monotonic() - started
        rows = [
            ("trade fairs", "fairs"),
            ("pavilions", "pavilions"),
            ("meeting slots", "slots"),
            ("interpreters", "interpreters"),
            ("SMEs", "smes"),
            ("foreign buyers", "buyers"),
            ("exhibitor registrations", "exhibitor_registrations"),
            ("buyer registrations", "buyer_registrations"),
            ("users", "users"),
        ]
        for label, key in rows:
            created = counts.get(f"{key}_created", 0)
            self.stdout.write(
                f"  {label:<26} {counts[key]:>6} ({created} created, {counts[key] - created} kept)"
            )
        self.stdout.write(
            f"  {'exhibitor decisions':<26} {counts['exhibitor_decisions']:>6} made this run"
        )
        verdict = (
            "nothing to add"
            if not any(
                value
                for key, value in counts.items()
                if key.endswith("_created")
                or key in ("exhibitor_decisions", "reference_rows_changed")
            )
            else "done"
        )
        self.stdout.write(self.style.SUCCESS(f"Demo data {verdict} in {elapsed:.1f} s."))
        self.stdout.write(f"\nDemo logins (password '{DEMO_PASSWORD}', for demonstrations only):")
        for username, role in demo_logins():
            self.stdout.write(f"  {username:<22} {role}")
