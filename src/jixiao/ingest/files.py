"""Reading a document file into text: encodings, and refusing what is not text.

Accepted: UTF-8 (with or without BOM), GB18030 (which covers GBK/GB2312) and
UTF-16 with a BOM. Refused with an :class:`IngestError` naming the file and the
line: empty files, binary files (NUL or control bytes), and office/PDF files,
which must go through a text extractor first.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from jixiao.ingest.errors import IngestError

# Magic bytes of formats that look binary to us, with the name the message uses.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF 文件"),
    (b"PK\x03\x04", "Office（xlsx/docx）或 zip 压缩文件"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office（xls/doc）文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"Rar!", "rar 压缩文件"),
    (b"7z\xbc\xaf", "7z 压缩文件"),
)
# Control characters allowed in a text document.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")
# Share of control characters above which decoded text is taken as binary.
_MAX_CONTROL_SHARE = 0.01


def _line_of(data: bytes | str, offset: int) -> int:
    """1-based line number of a byte (or character) offset."""
    if isinstance(data, bytes):
        return data.count(b"\n", 0, offset) + 1
    return data.count("\n", 0, offset) + 1


def decode_document(data: bytes, source: str = "<input>") -> str:
    """Decode a document's bytes to text, or raise :class:`IngestError`.

    >>> decode_document("项目名称\\t城乡居民".encode("gb18030"))
    '项目名称\\t城乡居民'
    """
    if not data.strip():
        raise IngestError("文件为空，没有可读取的内容", source=source, line=1)
    for magic, name in _MAGIC:
        if data.startswith(magic):
            raise IngestError(
                f"这是{name}，不是文本文档；请先用文本提取工具（如 pdfplumber、MinerU）转成文本",
                source=source,
                line=1,
            )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            line = _line_of(data.decode("utf-16", errors="replace"), exc.start // 2)
            raise IngestError("UTF-16 文件中有无法解码的字节", source=source, line=line) from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise IngestError(
                "这是二进制文件（含 NUL 字节），不是文本文档",
                source=source,
                line=_line_of(data, nul),
            )
        text = _decode_8bit(data, source)
    _refuse_control_characters(text, source)
    if not text.strip():
        raise IngestError("文件为空，没有可读取的内容", source=source, line=1)
    return text


def _decode_8bit(data: bytes, source: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise IngestError(
            "无法识别文件编码（不是 UTF-8、GB18030，也不是带 BOM 的 UTF-16）",
            source=source,
            line=_line_of(data, error.start),
        ) from None


def _refuse_control_characters(text: str, source: str) -> None:
    controls = [i for i, ch in enumerate(text) if ch < " " and ch not in _TEXT_CONTROLS]
    if controls and len(controls) > _MAX_CONTROL_SHARE * len(text):
        raise IngestError(
            "这是二进制文件（控制字符过多），不是文本文档",
            source=source,
            line=_line_of(text, controls[0]),
        )


def read_document(path: str | Path) -> str:
    """The text of a document file (see :func:`decode_document`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError("文件不存在", source=str(path)) from None
    except IsADirectoryError:
        raise IngestError("这是目录，不是文件", source=str(path)) from None
    except OSError as exc:
        raise IngestError(f"无法读取文件：{exc.strerror or exc}", source=str(path)) from None
    return decode_document(data, source=str(path))
