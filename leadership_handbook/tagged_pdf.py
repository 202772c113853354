"""What Chromium's tagged PDF still lacks for PDF/UA checkers and screen readers, added after printing.

Chromium tags the page's content but leaves what it draws on its own untagged: the page margin boxes (running
heads, "page n of N"), backgrounds, borders and a select's drawn text. PDF/UA wants such drawing marked as an
/Artifact, which a screen reader skips. Chromium also writes PDF 1.4 with PDF 2.0's Strong and Em, which PDF 1.7
readers know only through a role map, and no author or XMP metadata.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

# The structure types PDF 2.0 added that Chromium may write, each as the PDF 1.7 type that means the same.
ROLE_MAP = {"/Strong": "/Span", "/Em": "/Span", "/Sub": "/Span", "/Title": "/H", "/Aside": "/Div", "/FENote": "/Note"}

PATH_CONSTRUCTION = {"m", "l", "c", "v", "y", "h", "re"}
PATH_PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}  # not "n", which ends a clipping path unpainted
PAINTING = {"Tj", "TJ", "'", '"', "Do", "sh", "INLINE IMAGE"}
# Operators that only set up the painting after them, so an artifact may run on across them.
SETUP = {"Tf", "Td", "TD", "Tm", "T*", "Tc", "Tw", "Tz", "TL", "Tr", "Ts", "g", "G", "rg", "RG", "k", "K"}
SETUP |= {"cs", "CS", "sc", "SC", "scn", "SCN"}
MARKED_CONTENT_STARTS = {"BDC", "BMC"}


def _artifact_start() -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC"))


def _artifact_end() -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))


def _is_tagged(instruction) -> bool:
    """A marked-content start that ties its content to the structure tree (a BDC with an MCID)."""
    operands = list(instruction.operands)
    return len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]


def with_artifacts(instructions: list) -> list:
    """The instructions of a content stream, with all drawing that is neither tagged nor an artifact marked as one.

    Each artifact holds whole paintings (a path and its painting operator, a text-showing operator, an image)
    and the set-up between them, and ends before any other operator, so it never straddles q/Q or BT/ET nor
    holds tagged content; a ligature's untagged /Span (its ActualText) may sit inside one. Clipping paths and
    tagged content are left as they are."""
    marked, path = [], []
    marks = []  # open marked content, innermost last: "tagged", "artifact" (Chromium's), "ours" or "other"

    def close_ours():
        if marks and marks[-1] == "ours":
            marked.append(_artifact_end())
            marks.pop()

    for instruction in instructions:
        operator = str(instruction.operator)
        if {"tagged", "artifact"} & set(marks):  # already tagged or an artifact: only follow the nesting
            if operator in MARKED_CONTENT_STARTS:
                marks.append("other")
            elif operator == "EMC":
                marks.pop()
            marked.append(instruction)
            continue
        if operator in PATH_CONSTRUCTION:
            path.append(instruction)  # painted, or only clipped: known at its end
            continue
        painting = operator in PAINTING or (path and operator in PATH_PAINTING)
        if path and not painting:
            close_ours()  # a clipping path stays outside
        if painting and "ours" not in marks:
            marked.append(_artifact_start())
            marks.append("ours")
        marked += path
        path = []
        if operator in MARKED_CONTENT_STARTS:
            tagged = _is_tagged(instruction)
            if tagged:
                close_ours()
            marks.append("tagged" if tagged else "artifact" if instruction.operands[0] == "/Artifact" else "other")
        elif operator == "EMC":
            close_ours()
            if marks:
                marks.pop()
        elif not painting and operator not in SETUP:
            close_ours()
        marked.append(instruction)
    close_ours()
    return marked + path


def finish(pdf_path: Path, author: str) -> int:
    """Mark the untagged drawing of every page as artifacts, add the role map, the author and XMP metadata
    (title, author, dates), in place; returns the number of pages."""
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            content = pikepdf.unparse_content_stream(with_artifacts(pikepdf.parse_content_stream(page)))
            page.obj.Contents = pdf.make_stream(content)
        tree = pdf.Root.StructTreeRoot
        tree.RoleMap = pikepdf.Dictionary({key: pikepdf.Name(value) for key, value in ROLE_MAP.items()})
        pdf.docinfo["/Author"] = author
        with pdf.open_metadata(set_pikepdf_as_editor=False) as metadata:  # PDF/UA reads the title from XMP
            metadata.load_from_docinfo(pdf.docinfo)
        pdf.save(pdf_path, compress_streams=True)
        return len(pdf.pages)
