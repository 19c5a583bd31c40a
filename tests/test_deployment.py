"""The production deployment as a region operator runs it (deploy/, docs/deployment.md).

There is no Docker daemon here or in CI, so no image is built and no container started.
What can be proven without one is proven: deploy/compose.yaml read as Compose reads it
(YAML with anchors and merge keys) and checked against the official Compose Specification
schema, the guide's promises about it (exact image versions, healthchecks, nothing
published but the portal on loopback, the master key kept from the portal, settings the
portal knows, a migration before the portal starts), and a Dockerfile whose base images
are pinned, whose files are all in the build context and whose process is not root.
"""

import fnmatch
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from indexer.settings import Settings
from indexer.store import alembic_config, make_engine
from portal import create_app

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
SCHEMA = Path(__file__).parent / "data" / "compose-spec.json"

# ${NAME}, ${NAME:-default} and ${NAME:?message}: the interpolation compose.yaml uses.
VARIABLE = re.compile(r"\$\{(\w+)(?::([-?])([^}]*))?\}")
# The one service besides Meilisearch itself that may hold the master key.
KEY_JOB = "meili-keys"


@cache
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def services() -> dict[str, dict]:
    return compose()["services"]


def example_env() -> dict[str, str]:
    """deploy/.env.example as Compose reads it: KEY=VALUE lines, quotes taken off."""
    pairs = {}
    for line in (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key] = value.strip('"')
    return pairs


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's rules: a default for an unset or empty variable, an error for a required
    one, otherwise empty."""

    def fill(match: re.Match) -> str:
        name, operator, argument = match.groups()
        if env.get(name):
            return env[name]
        if operator == "?":
            raise AssertionError(f"{name} is required: {argument}")
        return argument if operator == "-" else ""

    return VARIABLE.sub(fill, value)


def is_exact(image: str) -> bool:
    """A tag that names one release (or a digest): no `latest`, no bare major or minor.
    PostgreSQL names its releases major.minor (17.11); the others major.minor.patch."""
    if "@sha256:" in image:
        return True
    name, _, tag = image.rpartition(":")
    version = re.match(r"v?(\d+(?:\.\d+)*)(-[a-z0-9.-]+)?$", tag)
    parts = 2 if name == "postgres" else 3
    return bool(name and version and version[1].count(".") + 1 >= parts)


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuations joined."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.replace("\\\n", " ").splitlines() if line.strip()]
    pairs = [line.split(maxsplit=1) for line in lines if not line.lstrip().startswith("#")]
    return [(word.upper(), rest.strip()) for word, rest in pairs]


def final_stage() -> list[tuple[str, str]]:
    instructions = dockerfile()
    last_from = max(i for i, (word, _) in enumerate(instructions) if word == "FROM")
    return instructions[last_from:]


def in_build_context(path: str) -> bool:
    """Whether .dockerignore lets `path` into the build context: Docker's rules as far as
    its patterns need them (the last pattern matching the path or a folder above it wins)."""
    patterns = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    included = True
    for pattern in patterns:
        negated = pattern.startswith("!")
        glob = pattern.removeprefix("!")
        globs = [glob, glob.removeprefix("**/")] if glob.startswith("**/") else [glob]
        if any(fnmatch.fnmatchcase(p, g) for p in prefixes for g in globs):
            included = negated
    return included


def test_compose_file_follows_the_compose_specification():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = jsonschema.Draft7Validator(schema).iter_errors(compose())
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def test_every_image_pulled_is_pinned_to_an_exact_version():
    pulled = {name: s["image"] for name, s in services().items() if "build" not in s}
    assert set(pulled) == {"postgres", "meilisearch"}
    assert {name: image for name, image in pulled.items() if not is_exact(image)} == {}


def test_meilisearch_is_the_release_the_search_suites_last_passed_on():
    """docs/search.md records the release the conformance suite and the relevance set last
    ran against; production runs that one, not a newer one nobody has measured."""
    search_doc = (REPO / "docs" / "search.md").read_text(encoding="utf-8")
    tested = re.search(r"[Ll]ast run[^.]*?(v\d+\.\d+\.\d+)", search_doc)
    assert tested, "docs/search.md no longer says which Meilisearch release was last tested"
    assert services()["meilisearch"]["image"] == f"getmeili/meilisearch:{tested[1]}"


def test_every_service_that_keeps_running_has_a_healthcheck():
    """One-off jobs (a profile, or the migration the portal waits for) end by themselves."""
    completed = {
        name
        for service in services().values()
        for name, dependency in service.get("depends_on", {}).items()
        if dependency["condition"] == "service_completed_successfully"
    }
    running = {n: s for n, s in services().items() if "profiles" not in s and n not in completed}
    assert set(running) == {"postgres", "meilisearch", "portal"}
    for name, service in running.items():
        check = service.get("healthcheck", {})
        assert check.get("test") and not check.get("disable"), name


def test_only_the_portal_is_published_and_only_on_loopback():
    published = {name: s["ports"] for name, s in services().items() if s.get("ports")}
    assert published == {"portal": ["127.0.0.1:5000:5000"]}
    assert all(s.get("network_mode") != "host" for s in services().values())


def test_the_master_key_reaches_only_meilisearch_and_the_key_job():
    holders = {
        name
        for name, service in services().items()
        if "MEILI_MASTER_KEY" in json.dumps(service.get("environment", {}))
    }
    assert holders == {"meilisearch", KEY_JOB}
    # An env_file would hand a service every line of deploy/.env, master key included.
    assert [name for name, s in services().items() if "env_file" in s] == []


def test_the_app_services_set_only_variables_the_settings_know():
    known = {field.upper() for field in Settings.model_fields}
    for name in ("portal", "migrate", "indexer"):
        assert set(services()[name]["environment"]) - known == set(), name


def test_the_portal_starts_in_production_with_the_example_filled_in(monkeypatch):
    """Every empty value of .env.example filled as the guide says (openssl rand -hex 32):
    the portal's settings parse and pass the production start checks."""
    env = {key: value or "5f" * 32 for key, value in example_env().items()}
    for key, value in services()["portal"]["environment"].items():
        monkeypatch.setenv(key, interpolate(str(value), env))
    settings = Settings()
    settings.check_safe_to_serve()
    assert settings.app_env == "production"
    assert settings.search_backend == "meilisearch"
    assert settings.public_url == env["PUBLIC_URL"]
    assert settings.database_url.startswith("postgresql+psycopg://jeugdhulpgids:5f5f")
    assert (settings.mail_port, settings.mail_use_tls, settings.proxy_hops) == (587, True, 1)


def test_the_example_env_file_names_every_variable_and_no_secret():
    example = example_env()
    read = set(VARIABLE.findall((DEPLOY / "compose.yaml").read_text(encoding="utf-8")))
    assert {name for name, _, _ in read} == set(example)
    secrets = ["SECRET_KEY", "POSTGRES_PASSWORD", "MEILI_MASTER_KEY", "MEILI_ADMIN_KEY"]
    secrets += ["MEILI_SEARCH_KEY", "MAIL_PASSWORD"]
    assert {name: example[name] for name in secrets if example[name]} == {}


def test_every_variable_in_the_example_env_file_is_explained():
    text = (DEPLOY / ".env.example").read_text(encoding="utf-8")
    for paragraph in text.split("\n\n"):
        lines = paragraph.strip().splitlines()
        if any(not line.startswith("#") for line in lines):
            assert lines[0].startswith("#"), f"no comment before {lines[0]}"


def test_the_portal_and_the_indexer_share_the_index_folder():
    """The index writers' locks live in INDEX_DIR and take turns only within one folder."""
    folder = services()["portal"]["environment"]["INDEX_DIR"]
    mounts = {}
    for name in ("portal", "indexer"):
        volumes = [v for v in services()[name]["volumes"] if isinstance(v, str)]
        mounts[name] = {v.split(":")[0] for v in volumes if v.split(":")[1] == folder}
    assert mounts["portal"] == mounts["indexer"] == {"index"}
    assert "index" in compose()["volumes"]


def test_the_healthcheck_asks_gunicorn_for_a_page_the_portal_serves(tmp_path):
    portal = services()["portal"]
    check = " ".join(portal["healthcheck"]["test"])
    port, path = re.search(r"http://127\.0\.0\.1:(\d+)(/\w*)", check).groups()
    command = dict(dockerfile())["CMD"]
    assert f'"0.0.0.0:{port}"' in command
    assert portal["ports"] == [f"127.0.0.1:5000:{port}"]
    app = create_app({"database_url": f"sqlite:///{tmp_path / 's.db'}", "index_dir": tmp_path})
    response = app.test_client().get(path)
    assert response.status_code == 200


@pytest.mark.postgres
def test_the_portal_starts_after_the_migration_which_migrates(postgres_server):
    migrate = services()["migrate"]
    needs = services()["portal"]["depends_on"]["migrate"]["condition"]
    assert needs == "service_completed_successfully"
    url = postgres_server.create_database("deployment_migrate")
    command = [sys.executable if word == "python" else word for word in migrate["command"]]
    subprocess.run(command, env={"DATABASE_URL": url}, check=True, timeout=120)
    engine = make_engine(url)
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    engine.dispose()
    assert current == head


def test_the_dockerfile_pins_its_base_images():
    instructions = dockerfile()
    defaults = dict(
        args.split("=", 1) for word, args in instructions if word == "ARG" and "=" in args
    )
    stages = {args.split()[-1] for word, args in instructions if word == "FROM" and " AS " in args}
    images = [
        re.sub(r"\$\{(\w+)\}", lambda m: defaults[m[1]], args.split()[0])
        for word, args in instructions
        if word == "FROM"
    ]
    pulled = [image for image in images if image not in stages]
    assert pulled and [image for image in pulled if not is_exact(image)] == []


def test_the_image_runs_as_a_user_that_is_not_root():
    users = [args for word, args in final_stage() if word == "USER"]
    assert users, "the final stage never switches away from root"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}


def test_the_image_serves_with_the_projects_gunicorn_configuration():
    copied = [args.split() for word, args in final_stage() if word == "COPY"]
    assert ["gunicorn.conf.py", "/app/gunicorn.conf.py"] in copied
    command = json.loads(dict(final_stage())["CMD"])
    assert command[:3] == ["gunicorn", "--config", "/app/gunicorn.conf.py"]


def test_everything_the_dockerfile_copies_is_in_the_build_context():
    sources = [
        source
        for word, args in dockerfile()
        if word == "COPY" and not args.startswith("--from")
        for source in args.split()[:-1]
    ]
    assert sources
    missing = [s for s in sources if not (REPO / s).exists() or not in_build_context(s)]
    assert missing == []


@pytest.mark.parametrize(
    "path",
    [
        "deploy/.env",
        ".venv/bin/python",
        "node_modules/axe-core/axe.js",
        ".git/HEAD",
        "data/demo/providers.csv",
        "indexer/__pycache__/cli.cpython-311.pyc",
        "translations/nl/LC_MESSAGES/messages.mo",
        "static/css/site-0123456789abcdef0123456789abcdef.css",
    ],
)
def test_local_state_and_secrets_stay_out_of_the_build_context(path):
    assert not in_build_context(path)
