"""Write a stand-in icuuc.dll for the smoke test's wine prefix: icu_stub.py OUT.dll

Qt6Core.dll (Qt 6.11 for Windows) imports 20 ucnv_* functions from the
system ICU that Windows 10 1703 and later carry in System32 (icuuc.dll).
Wine 8.0 has no icuuc.dll, so `import PySide6.QtCore` fails there with
"DLL load failed". Qt uses ICU only for text codecs it does not have built
in (never at start-up). This stand-in exports those names; ucnv_open
reports U_FILE_ACCESS_ERROR and the rest return 0, so Qt falls back to its
own codecs. It goes into the wine prefix's system32 only: the installer
never ships it (a real Windows PC has the real one).

The DLL is a minimal PE32+ image written byte by byte: one section holding
two tiny functions and the export table; no imports, no entry point."""
import struct
import sys

NAMES = [
    "UCNV_FROM_U_CALLBACK_SUBSTITUTE", "UCNV_TO_U_CALLBACK_SUBSTITUTE",
    "ucnv_cbFromUWriteUChars", "ucnv_cbToUWriteUChars", "ucnv_close", "ucnv_countAvailable",
    "ucnv_fromUCountPending", "ucnv_fromUnicode", "ucnv_getAvailableName", "ucnv_getFromUCallBack",
    "ucnv_getMaxCharSize", "ucnv_getName", "ucnv_getStandardName", "ucnv_getToUCallBack", "ucnv_open",
    "ucnv_reset", "ucnv_setFromUCallBack", "ucnv_setToUCallBack", "ucnv_toUCountPending",
    "ucnv_toUnicode",
]
RETURN_0 = bytes.fromhex("31c0c3")  # xor eax, eax; ret
# ucnv_open(name, UErrorCode *err): if (err) *err = U_FILE_ACCESS_ERROR (4); return NULL
OPEN = bytes.fromhex("4885d2" "7406" "c70204000000" "31c0c3")
SECTION_RVA, FILE_ALIGN, SECTION_ALIGN = 0x1000, 0x200, 0x1000


def align(n: int, to: int) -> int:
    return (n + to - 1) // to * to


def build(dll_name: str = "icuuc.dll") -> bytes:
    names = sorted(NAMES, key=str.encode)  # the loader looks names up by binary search
    body = bytearray(RETURN_0.ljust(16, b"\xcc") + OPEN.ljust(16, b"\xcc"))
    rva = {"zero": SECTION_RVA, "open": SECTION_RVA + 16}
    n = len(names)
    export_dir = len(body)
    eat = export_dir + 40
    npt = eat + 4 * n
    ordinals = npt + 4 * n
    strings = ordinals + 2 * n
    blob = bytearray(dll_name.encode() + b"\0")
    name_rvas = []
    for name in names:
        name_rvas.append(SECTION_RVA + strings + len(blob))
        blob += name.encode() + b"\0"
    body += struct.pack("<IIHHIIIIIII", 0, 0, 0, 0, SECTION_RVA + strings, 1, n, n,
                        SECTION_RVA + eat, SECTION_RVA + npt, SECTION_RVA + ordinals)
    body += b"".join(struct.pack("<I", rva["open" if name == "ucnv_open" else "zero"]) for name in names)
    body += b"".join(struct.pack("<I", r) for r in name_rvas)
    body += b"".join(struct.pack("<H", i) for i in range(n))
    body += blob
    export_size = len(body) - export_dir
    raw_size = align(len(body), FILE_ALIGN)

    dos = bytearray(64)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    coff = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 240, 0x2022)  # AMD64; EXECUTABLE|LARGE_ADDRESS|DLL
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0, raw_size, 0, 0, 0, SECTION_RVA,  # PE32+, no entry point
        0x180000000, SECTION_ALIGN, FILE_ALIGN, 6, 0, 0, 0, 6, 0, 0,
        SECTION_RVA + align(len(body), SECTION_ALIGN), FILE_ALIGN, 0, 2, 0x100,  # size of image/headers, GUI, NX
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    directories = struct.pack("<II", SECTION_RVA + export_dir, export_size) + bytes(8 * 15)
    section = struct.pack("<8sIIIIIIHHI", b".text", len(body), SECTION_RVA, raw_size, FILE_ALIGN,
                          0, 0, 0, 0, 0x60000020)  # code, execute, read
    headers = dos + b"PE\0\0" + coff + optional + directories + section
    assert len(optional) + len(directories) == 240
    return bytes(headers.ljust(FILE_ALIGN, b"\0") + body.ljust(raw_size, b"\0"))


if __name__ == "__main__":
    data = build()
    with open(sys.argv[1], "wb") as f:
        f.write(data)
    print(f"{sys.argv[1]}: {len(data)} bytes, {len(NAMES)} exports")
