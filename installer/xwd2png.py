"""Convert an X window dump (Xvfb -fbdir's Xvfb_screen0) to PNG: xwd2png.py IN OUT.

Only the TrueColor 24/32-bit layout Xvfb writes; needs Pillow (a ReportLab dependency)."""
import struct
import sys

from PIL import Image


def convert(src: str, dst: str) -> tuple[int, int]:
    data = open(src, "rb").read()
    (header_size, version, _fmt, depth, width, height, _xoff, byte_order, _unit, _bit_order, _pad,
     bpp, bytes_per_line, _vclass, _r, _g, _b, _bits, _cmap, ncolors) = struct.unpack(">20I", data[:80])
    if version != 7 or bpp != 32 or depth != 24:
        raise SystemExit(f"xwd2png: unsupported dump (version {version}, depth {depth}, {bpp} bits per pixel)")
    start = header_size + ncolors * 12
    raw = data[start:start + bytes_per_line * height]
    mode = "BGRX" if byte_order == 0 else "XRGB"
    Image.frombuffer("RGB", (width, height), raw, "raw", mode, bytes_per_line, 1).save(dst)
    return width, height


if __name__ == "__main__":
    w, h = convert(sys.argv[1], sys.argv[2])
    print(f"{sys.argv[2]}: {w}x{h}")
