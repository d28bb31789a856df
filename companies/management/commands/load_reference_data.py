from django.core.management.base import BaseCommand

from companies.reference import reference_data_load


class Command(BaseCommand):
    help = (
        "Create or update the shared reference data: HS sectors, markets (countries and "
        "regions), languages and certifications. Safe to run again."
    )

    def handle(self, *args, **options) -> None:
        counts = reference_data_load(progress=self.stdout.write)
        changed = sum(
            value
            for key, value in counts.items()
            if key.endswith(("_created", "_updated", "_added", "_removed"))
        )
        verdict = "nothing changed" if not changed else f"{changed} rows or links changed"
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded: {verdict}."))
