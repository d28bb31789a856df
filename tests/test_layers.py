"""Dependencies run one way: core -> companies -> events -> matchmaking -> meetings.

Each app may import the apps below it and never one above (config, the project, stands on top
and may import anything; no app imports config). A lazy import inside a function is still an
import. ``matchmaking/engine/`` and ``meetings/scheduler/`` are plain Python: no Django and no
app outside their own package. Where a lower app needs an answer from a higher one, it declares
a hook (``core.hooks.Hook``) that the higher app registers a function to: see
docs/architecture.md, "Layers".

The files are read with ``ast``, so nothing here depends on what happens to be imported.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "companies", "events", "matchmaking", "meetings")
#: Packages that stand alone inside their app: plain Python, importing only themselves.
PLAIN_PACKAGES = ("matchmaking.engine", "meetings.scheduler")
DJANGO_WORLD = ("django", "rest_framework", "drf_spectacular", "django_filters", "celery")

#: Imports that run upward on purpose, each with its reason.
ALLOWED_UPWARD = {
    ("matchmaking.scheduler.__main__", "meetings.scheduler.__main__"): (
        "the shared contract names the command `python -m matchmaking.scheduler`; the "
        "scheduler is meetings', and this two-line shim only keeps the contract's name"
    ),
}

#: Strings in a lower app that name a higher app on purpose, each with its reason.
ALLOWED_STRINGS = {
    ("companies.models", "events.TradeFair"): (
        "a sector of a fair's own categories belongs to that fair (Sector.fair); the column "
        "predates the layers, and moving it is a schema change of its own"
    ),
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    path: Path
    line: int
    target: str  # the imported module (or module.name for ``from module import name``)
    lazy: bool  # inside a function or a class body's method


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_files():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.relative_to(ROOT).parts:
                continue
            yield path


def _imports_of(path: Path) -> list[Import]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[Import] = []

    def visit(node, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                found.extend(
                    Import(module, path, child.lineno, alias.name, lazy) for alias in child.names
                )
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    source = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    source = child.module or ""
                found.extend(
                    Import(module, path, child.lineno, f"{source}.{alias.name}", lazy)
                    for alias in child.names
                )
            visit(child, inner)

    visit(tree, False)
    return found


def all_imports() -> list[Import]:
    return [found for path in app_files() for found in _imports_of(path)]


def _top(dotted: str) -> str:
    return dotted.split(".")[0]


def _within(dotted: str, package: str) -> bool:
    return dotted == package or dotted.startswith(package + ".")


def _where(found: Import) -> str:
    return f"{found.path.relative_to(ROOT)}:{found.line} imports {found.target}"


def test_no_app_imports_a_higher_layer_or_config():
    wrong = []
    for found in all_imports():
        mine, theirs = _top(found.module), _top(found.target)
        if theirs == "config":
            wrong.append(f"{_where(found)} (only config and manage.py import config)")
        elif theirs in LAYERS and LAYERS.index(theirs) > LAYERS.index(mine):
            allowed = any(
                found.module == module and _within(found.target, target)
                for module, target in ALLOWED_UPWARD
            )
            if not allowed:
                how = "lazily, inside a function" if found.lazy else "at module level"
                wrong.append(f"{_where(found)} ({how}: {theirs} is above {mine})")
    assert not wrong, "Imports that run upward:\n" + "\n".join(wrong)


def test_the_allowed_upward_imports_still_exist():
    """An exception nobody needs any more is taken out of the list."""
    imports = {(found.module, found.target) for found in all_imports()}
    for module, target in ALLOWED_UPWARD:
        assert any(m == module and _within(t, target) for m, t in imports), (module, target)


def test_the_engine_and_the_scheduler_import_no_django_and_no_other_app():
    wrong = []
    for found in all_imports():
        package = next((p for p in PLAIN_PACKAGES if _within(found.module, p)), None)
        if package is None:
            continue
        theirs = _top(found.target)
        if theirs in DJANGO_WORLD:
            wrong.append(f"{_where(found)} ({package} is plain Python)")
        elif (theirs in LAYERS or theirs == "config") and not _within(found.target, package):
            wrong.append(f"{_where(found)} ({package} imports only itself)")
    assert not wrong, "\n".join(wrong)


# --- no cycle between modules of different layers ---------------------------------------------


def _existing_module(dotted: str, modules: set[str]) -> str | None:
    """The module an import loads: ``from a.b import c`` is the module a.b.c if it exists, else
    a.b."""
    while dotted and dotted not in modules:
        dotted = dotted.rpartition(".")[0]
    return dotted or None


def _layer_of(module: str) -> str:
    return next((p for p in PLAIN_PACKAGES if _within(module, p)), _top(module))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def module_graph() -> dict[str, set[str]]:
    """Module-level imports between the apps' modules (what runs when a module is imported)."""
    modules = {_module_name(path) for path in app_files()}
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for found in all_imports():
        target = _existing_module(found.target, modules)
        if not found.lazy and target is not None and target != found.module:
            graph[found.module].add(target)
    return graph


def test_no_import_cycle_runs_between_modules_of_different_layers():
    mixed = [c for c in _cycles(module_graph()) if len({_layer_of(m) for m in c}) > 1]
    assert not mixed, "Import cycles across layers:\n" + "\n".join(" <-> ".join(c) for c in mixed)


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a.x": {"b.y"}, "b.y": {"a.x"}, "c.z": {"a.x"}}
    assert _cycles(graph) == [["a.x", "b.y"]]


# --- no string-literal knowledge of higher apps ----------------------------------------------

TRANSLATED = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext"}


def _names_app(text: str, label: str) -> bool:
    """A string that names an app as code does: its label ("meetings"), a dotted path or model
    label ("meetings.Meeting", "meetings.change_meeting"), a URL namespace ("meetings:schedule")
    or an admin URL name ("admin:meetings_schedule")."""
    return bool(re.fullmatch(rf"(admin:{label}_\w*|{label}([.:]\S*)?)", text.strip()))


def _code_strings(path: Path):
    """String constants of a module that code reads: not docstrings, not translated text."""
    tree = ast.parse(path.read_text(), filename=str(path))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            skip.add(id(first.value))
        if isinstance(node, ast.Call):
            function = node.func
            name = getattr(function, "id", None) or getattr(function, "attr", None)
            if name in TRANSLATED:
                skip.update(id(arg) for arg in node.args)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


#: Templates each app renders (the project's own, such as base.html, belong to config).
TEMPLATES = {
    "companies": ["templates/pages/companies", "templates/registration"],
    "events": ["templates/pages/events", "templates/pages/home.html"],
    "matchmaking": ["templates/pages/matchmaking", "templates/admin/matchmaking"],
}
TEMPLATE_NAME = re.compile(r"""\{%\s*url\s+['"]([^'"]+)['"]""")


def _template_files(app: str):
    for place in TEMPLATES.get(app, []):
        path = ROOT / place
        yield from [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())


def test_no_lower_app_names_a_higher_app_in_its_strings_or_templates():
    wrong = []
    for path in app_files():
        module = _module_name(path)
        mine = LAYERS.index(_top(module))
        for line, text in _code_strings(path):
            for label in LAYERS[mine + 1 :]:
                if _names_app(text, label) and (module, text) not in ALLOWED_STRINGS:
                    wrong.append(f"{path.relative_to(ROOT)}:{line}: {text!r} names {label}")
    for app, _places in TEMPLATES.items():
        higher = LAYERS[LAYERS.index(app) + 1 :]
        for path in _template_files(app):
            for number, line in enumerate(path.read_text().splitlines(), 1):
                for name in TEMPLATE_NAME.findall(line):
                    if any(_names_app(name, label) for label in higher):
                        wrong.append(f"{path.relative_to(ROOT)}:{number}: url {name!r}")
    assert not wrong, "Lower apps naming higher ones:\n" + "\n".join(wrong)


def test_the_allowed_strings_still_exist():
    for module, text in ALLOWED_STRINGS:
        path = ROOT / (module.replace(".", "/") + ".py")
        assert text in [found for _line, found in _code_strings(path)], (module, text)


def test_the_string_check_knows_an_app_when_it_sees_one():
    assert _names_app("meetings", "meetings")
    assert _names_app("admin:meetings_schedule", "meetings")
    assert _names_app("matchmaking:proposal_list", "matchmaking")
    assert _names_app("meetings.change_meeting", "meetings")
    assert not _names_app("matchmaking_links", "matchmaking")
    assert not _names_app("first_timer_interpreted_meetings", "meetings")
    assert not _names_app("Meetings and requests", "meetings")
