"""How the platform is deployed: the compose file, the image's process configuration and the
production settings' refusal to start half-configured."""

import os
import re
import runpy
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
PLATFORM_DIR = REPO_ROOT / "platform"
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
DJANGO_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def _production_env(**overrides: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(45)[:60],
        "ALLOWED_HOSTS": "example.org",
        "SITE_URL": "https://pavilion.example.org",
    }
    env.update(overrides)
    return env


def _healthcheck_command(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return test if isinstance(test, str) else " ".join(test)


def _compose_command() -> list[str] | None:
    # Compose v2 only: v1 (docker-compose 1.x) rejects the top-level `name:`.
    if shutil.which("docker") is None:
        return None
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
    if probe.returncode == 0 and "version v2" in probe.stdout:
        return ["docker", "compose"]
    return None


def test_compose_defines_the_five_services(compose):
    assert set(compose["services"]) == {"postgres", "redis", "web", "worker", "beat"}


def test_compose_images_are_postgres_16_and_redis_7(compose):
    assert compose["services"]["postgres"]["image"] == "postgres:16"
    assert compose["services"]["redis"]["image"] == "redis:7"


def test_compose_services_have_healthchecks(compose):
    services = compose["services"]

    assert "pg_isready" in _healthcheck_command(services["postgres"])
    assert "redis-cli ping" in _healthcheck_command(services["redis"])
    assert "platform/healthcheck.py" in _healthcheck_command(services["web"])
    assert "/healthz/" in (PLATFORM_DIR / "healthcheck.py").read_text()
    assert "inspect ping" in _healthcheck_command(services["worker"])


def test_compose_database_data_lives_in_a_named_volume(compose):
    volumes = compose["services"]["postgres"]["volumes"]

    assert "postgres-data:/var/lib/postgresql/data" in volumes
    assert "postgres-data" in compose["volumes"]


def test_compose_app_services_build_one_image_from_the_platform_dockerfile(compose):
    services = compose["services"]

    for name in DJANGO_SERVICES:
        assert services[name]["build"] == {"context": ".", "dockerfile": "platform/Dockerfile"}
    assert len({services[name]["image"] for name in DJANGO_SERVICES}) == 1


def test_compose_web_runs_gunicorn_with_the_platform_config(compose):
    web = compose["services"]["web"]

    assert web["command"][:3] == ["gunicorn", "--config", "platform/gunicorn.conf.py"]
    assert web["command"][-1] == "config.wsgi:application"
    assert web["environment"]["MIGRATE_ON_START"] == "1"


def test_compose_only_web_migrates_on_start(compose):
    for name in ("worker", "beat"):
        assert "MIGRATE_ON_START" not in compose["services"][name]["environment"]


def test_compose_worker_and_beat_commands(compose):
    worker = compose["services"]["worker"]["command"]
    beat = compose["services"]["beat"]["command"]

    assert worker[:3] == ["celery", "--app=config", "worker"]
    assert "--concurrency=${CELERY_WORKER_CONCURRENCY:-2}" in worker
    assert beat[:3] == ["celery", "--app=config", "beat"]
    schedule = next(arg for arg in beat if arg.startswith("--schedule="))
    schedule_dir = str(Path(schedule.removeprefix("--schedule=")).parent)
    assert f"beat-schedule:{schedule_dir}" in compose["services"]["beat"]["volumes"]


def test_compose_secret_key_is_required_without_default(compose):
    for name in DJANGO_SERVICES:
        secret = compose["services"][name]["environment"]["SECRET_KEY"]
        assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", secret), secret


def test_compose_app_services_use_production_settings_postgres_and_redis(compose):
    for name in DJANGO_SERVICES:
        environment = compose["services"][name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["REDIS_URL"] == "redis://redis:6379/0"
        assert environment["ALLOWED_HOSTS"] == "${ALLOWED_HOSTS:-localhost,127.0.0.1}"
        assert environment["SECURE_SSL_REDIRECT"] == "${SECURE_SSL_REDIRECT:-false}"


def test_compose_web_waits_for_healthy_postgres_and_redis(compose):
    depends_on = compose["services"]["web"]["depends_on"]

    assert depends_on["postgres"]["condition"] == "service_healthy"
    assert depends_on["redis"]["condition"] == "service_healthy"


def test_compose_worker_waits_for_migrated_web(compose):
    depends_on = compose["services"]["worker"]["depends_on"]

    assert depends_on["web"]["condition"] == "service_healthy"


COMPOSE_COMMAND = _compose_command()
needs_compose = pytest.mark.skipif(COMPOSE_COMMAND is None, reason="no docker compose here")


@needs_compose
def test_compose_config_passes_with_secret_key():
    result = subprocess.run(
        [*COMPOSE_COMMAND, "--file", str(COMPOSE_FILE), "config"],
        cwd=REPO_ROOT,
        env={**os.environ, "SECRET_KEY": "compose-config-test-key"},
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    rendered = yaml.safe_load(result.stdout)
    assert rendered["services"]["web"]["environment"]["SECRET_KEY"] == "compose-config-test-key"


@needs_compose
def test_compose_config_fails_without_secret_key():
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}

    result = subprocess.run(
        [*COMPOSE_COMMAND, "--file", str(COMPOSE_FILE), "config"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "set SECRET_KEY" in result.stderr


def test_platform_directory_is_not_a_python_package():
    assert PLATFORM_DIR.is_dir()
    assert not (PLATFORM_DIR / "__init__.py").exists()


def test_import_platform_from_repo_root_is_the_standard_library():
    result = subprocess.run(
        [sys.executable, "-c", "import platform; print(platform.__file__); platform.system()"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    module_file = Path(result.stdout.strip()).resolve()
    assert module_file.name == "platform.py"
    assert PLATFORM_DIR not in module_file.parents


def test_gunicorn_config_reads_workers_from_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "5")

    config = runpy.run_path(str(PLATFORM_DIR / "gunicorn.conf.py"))

    assert config["workers"] == 5


def test_gunicorn_config_caps_default_workers(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setenv("WEB_CONCURRENCY_MAX", "2")

    config = runpy.run_path(str(PLATFORM_DIR / "gunicorn.conf.py"))

    assert config["workers"] == 2
    assert config["accesslog"] == "-"
    assert config["bind"] == ["0.0.0.0:8000"]


def test_gunicorn_config_preloads_the_app_and_recycles_workers_rarely(monkeypatch):
    for name in ("GUNICORN_PRELOAD", "GUNICORN_MAX_REQUESTS", "GUNICORN_MAX_REQUESTS_JITTER"):
        monkeypatch.delenv(name, raising=False)

    config = runpy.run_path(str(PLATFORM_DIR / "gunicorn.conf.py"))

    assert config["preload_app"] is True
    assert config["max_requests"] >= 10000
    assert config["max_requests_jitter"] > 0
    assert callable(config["pre_fork"])


def test_gunicorn_preload_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("GUNICORN_PRELOAD", "0")

    assert runpy.run_path(str(PLATFORM_DIR / "gunicorn.conf.py"))["preload_app"] is False


def test_the_web_application_loads_without_the_engines_numerical_libraries():
    # What a gunicorn worker imports: NumPy, SciPy, pandas and OR-Tools wait for the first run.
    probe = (
        "import sys, django; django.setup(); import config.urls, config.wsgi; "
        "print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'numpy', 'scipy', 'pandas', 'ortools', 'pysat'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO_ROOT,
        env=_production_env(DATABASE_URL="sqlite:///:memory:"),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "[]"


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthcheck_passes_against_gunicorn_with_production_settings(tmp_path):
    # SSL redirect on and a host other than localhost: the probe must get through both.
    port = _free_loopback_port()
    env = _production_env(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        HEALTHCHECK_PORT=str(port),
        WEB_CONCURRENCY="1",
        VAR_DIR=str(tmp_path),
        SECURE_SSL_REDIRECT="true",
        ALLOWED_HOSTS=".example.org",
        # Gunicorn's own spelling: the workers must boot with it.
        LOG_LEVEL="warning",
    )
    env.pop("DATABASE_URL", None)
    server_log = tmp_path / "gunicorn.log"
    with (
        server_log.open("w") as log,
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "platform/gunicorn.conf.py",
                "--no-control-socket",
                "config.wsgi:application",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        ) as server,
    ):
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    assert server.poll() is None, server_log.read_text()
                    assert time.monotonic() < deadline, "gunicorn did not start listening"
                    time.sleep(0.1)

            result = subprocess.run(
                [sys.executable, str(PLATFORM_DIR / "healthcheck.py")],
                env=env,
                capture_output=True,
                text=True,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)

    assert result.returncode == 0, result.stderr + server_log.read_text()


def test_healthcheck_fails_when_nothing_listens():
    port = _free_loopback_port()

    result = subprocess.run(
        [sys.executable, str(PLATFORM_DIR / "healthcheck.py")],
        env={**os.environ, "HEALTHCHECK_PORT": str(port)},
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert "healthcheck:" in result.stderr


def test_production_settings_pass_deploy_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO_ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = _production_env()
    del env["SECRET_KEY"]
    code = (
        "import django, os; "
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.production'; "
        "django.setup()"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr
