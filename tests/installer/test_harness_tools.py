"""The installer smoke tests' own tools: the icuuc.dll stand-in and the screenshot converter."""
from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

from PIL import Image

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _exports(dll: bytes) -> tuple[dict[str, bytes], str]:
    """Names -> the first bytes of the code they point at, and the DLL's own name, read the way
    the Windows loader reads a PE32+ export table."""
    assert dll[:2] == b"MZ"
    pe = struct.unpack_from("<I", dll, 0x3C)[0]
    assert dll[pe:pe + 4] == b"PE\0\0"
    machine, sections, _, _, _, opt_size, flags = struct.unpack_from("<HHIIIHH", dll, pe + 4)
    assert machine == 0x8664 and flags & 0x2000  # AMD64, a DLL
    opt = pe + 24
    assert struct.unpack_from("<H", dll, opt)[0] == 0x20B  # PE32+
    export_rva, _ = struct.unpack_from("<II", dll, opt + 112)
    table = []
    for i in range(sections):
        _, vsize, vaddr, _, raw = struct.unpack_from("<8sIIII", dll, opt + opt_size + 40 * i)
        table.append((vaddr, vsize, raw))

    def at(rva: int) -> int:
        for vaddr, vsize, raw in table:
            if vaddr <= rva < vaddr + vsize:
                return raw + rva - vaddr
        raise AssertionError(f"RVA {rva:#x} outside every section")

    def cstr(rva: int) -> str:
        start = at(rva)
        return dll[start:dll.index(b"\0", start)].decode()

    _, _, _, _, name_rva, _, n_funcs, n_names, funcs, names, ords = struct.unpack_from(
        "<IIHHIIIIIII", dll, at(export_rva))
    assert n_funcs == n_names
    result = {}
    for i in range(n_names):
        name = cstr(struct.unpack_from("<I", dll, at(names) + 4 * i)[0])
        ordinal = struct.unpack_from("<H", dll, at(ords) + 2 * i)[0]
        code = struct.unpack_from("<I", dll, at(funcs) + 4 * ordinal)[0]
        result[name] = dll[at(code):at(code) + 16]
    return result, cstr(name_rva)


def test_the_icuuc_stand_in_exports_what_qt6core_imports():
    icu = _load("icu_stub")
    exports, own_name = _exports(icu.build())
    assert own_name == "icuuc.dll"
    # the 20 names Qt6Core.dll 6.11 imports from icuuc.dll (objdump -p Qt6Core.dll)
    assert len(exports) == 20 and set(exports) == set(icu.NAMES)
    names = list(exports)
    assert names == sorted(names, key=str.encode)  # the loader finds names by binary search
    # ucnv_open(name, &err) sets err = U_FILE_ACCESS_ERROR (4) and returns NULL, so Qt falls
    # back to its own codecs; every other function returns 0
    assert exports["ucnv_open"].startswith(bytes.fromhex("4885d2" "7406" "c70204000000" "31c0c3"))
    for name in names:
        if name != "ucnv_open":
            assert exports[name].startswith(bytes.fromhex("31c0c3")), name


def _xwd(width: int, height: int, pixels: list[tuple[int, int, int]]) -> bytes:
    name = b"Xvfb main window\0"
    header_size = 100 + len(name)
    fields = [header_size, 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32, width * 4, 4,
              0xFF0000, 0xFF00, 0xFF, 8, 256, 0, width, height, 0, 0, 0]
    data = struct.pack(">25I", *fields) + name
    return data + b"".join(bytes((b, g, r, 0)) for r, g, b in pixels)  # LSBFirst: B, G, R, pad


def test_an_xvfb_screen_dump_becomes_a_png_with_the_same_pixels(tmp_path):
    xwd2png = _load("xwd2png")
    pixels = [(255, 0, 0), (0, 128, 0), (0, 0, 255), (250, 240, 230), (1, 2, 3), (255, 255, 255)]
    (tmp_path / "Xvfb_screen0").write_bytes(_xwd(3, 2, pixels))
    assert xwd2png.convert(str(tmp_path / "Xvfb_screen0"), str(tmp_path / "screen.png")) == (3, 2)
    with Image.open(tmp_path / "screen.png") as img:
        assert img.size == (3, 2)
        rgb = img.convert("RGB")
        assert [rgb.getpixel((x, y)) for y in range(2) for x in range(3)] == pixels
