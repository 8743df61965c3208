"""`argmap new` writes a valid starting map that pins its source."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from argmap.commands.new import NewSettings, run_new
from argmap.model import load_map


def test_new_map_is_valid_and_pins_the_source(tmp_path: Path) -> None:
    source = tmp_path / "seeds" / "report.txt"
    source.parent.mkdir()
    source.write_text('Harbour crane falls\n\nOfficials said "a cable" snapped.\n')
    output = tmp_path / "maps" / "report.yaml"
    assert run_new(NewSettings(source, output), io.StringIO()) == 0
    loaded = load_map(output)
    [pinned] = loaded.model.sources
    assert loaded.model.map.title == "Harbour crane falls"
    assert loaded.source_path(pinned).resolve() == source.resolve()
    assert pinned.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()


def test_new_refuses_to_overwrite_and_reports_bad_sources(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"ok\n")
    output = tmp_path / "a.yaml"
    output.write_text("keep me")
    err = io.StringIO()
    assert run_new(NewSettings(source, output), err) == 2
    assert output.read_text() == "keep me"
    assert "already exists" in err.getvalue()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    err = io.StringIO()
    assert run_new(NewSettings(bad, tmp_path / "b.yaml"), err) == 1
    assert err.getvalue().startswith(f"{bad}:1:4: not valid UTF-8")
    assert not (tmp_path / "b.yaml").exists()


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from argmap.atomic import write_text_atomic

    target = tmp_path / "out.svg"
    old = os.umask(0o022)
    try:
        write_text_atomic(target, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o664)
    write_text_atomic(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary left behind


def test_new_outside_a_repository_with_a_schema_writes_one_and_points_at_it(
        tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    source = tmp_path / "texts" / "report.txt"
    source.parent.mkdir()
    source.write_text("Harbour crane falls\n")
    output = tmp_path / "analysis" / "maps" / "report.yaml"
    err = io.StringIO()
    assert run_new(NewSettings(source, output), err) == 0
    schema = tmp_path / ".argmap" / "argmap-v1.schema.json"
    assert schema.is_file() and f"wrote {schema}" in err.getvalue()
    first = output.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../.argmap/argmap-v1.schema.json"
    assert (output.parent / first.split("=", 1)[1]).resolve() == schema.resolve()
    err = io.StringIO()  # a second map reuses the copy, and says nothing of it
    assert run_new(NewSettings(source, output.with_name("again.yaml")), err) == 0
    assert "schema" not in err.getvalue().split("\n")[0] or "again.yaml" in err.getvalue()
    assert err.getvalue().count("wrote") == 1


def test_new_uses_the_repositorys_own_copy(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs" / "schema").mkdir(parents=True)
    (tmp_path / "docs" / "schema" / "argmap-v1.schema.json").write_text("{}")
    source = tmp_path / "a.txt"
    source.write_text("Title\n")
    assert run_new(NewSettings(source, tmp_path / "maps" / "a.yaml"), io.StringIO()) == 0
    assert (tmp_path / "maps" / "a.yaml").read_text().startswith(
        "# yaml-language-server: $schema=../docs/schema/argmap-v1.schema.json\n")
    assert not (tmp_path / ".argmap").exists()


def test_a_failed_new_writes_nothing(tmp_path: Path) -> None:
    # The source is read and the map checked before the folder and the schema are written.
    (tmp_path / ".git").mkdir()
    for source, code in ((tmp_path / "missing.txt", 2), (tmp_path / "bad.txt", 1)):
        (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
        assert run_new(NewSettings(source, tmp_path / "maps" / "m.yaml"), io.StringIO()) == code
        assert not (tmp_path / "maps").exists()
        assert not (tmp_path / ".argmap").exists()
