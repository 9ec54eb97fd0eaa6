#!/usr/bin/env python3
"""Writes the workbook fixtures of Tests/Fixtures/Workbooks and the workbook entries of
Tests/Hostile/files from roster.csv, with real tools: openpyxl 3.1.5, XlsxWriter 3.3.1,
LibreOffice 7.4 (soffice --headless) and msoffcrypto-tool 6.1. Run once from this folder:

    pip install openpyxl xlsxwriter msoffcrypto-tool
    apt-get install -y libreoffice-calc
    python3 make-workbooks.py

CI needs none of them: the outputs are committed. Every name is synthetic.
"""
import csv, datetime, io, os, shutil, subprocess, tempfile, zipfile

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = os.path.dirname(os.path.abspath(__file__))
HOSTILE = os.path.join(HERE, "..", "..", "Hostile", "files")
ROWS = list(csv.reader(open(os.path.join(HERE, "roster.csv"), newline="")))
HEADER, DATA = ROWS[0], ROWS[1:]
ID, NAME, TEAM, MAX, START = 0, 1, 4, 7, 8


def typed(row):
    """The row's cells as a spreadsheet holds them: numbers, dates, text ids kept as text."""
    cells = []
    for index, text in enumerate(row):
        if text == "":
            cells.append(None)
        elif index == ID and text.isdigit() and not text.startswith("0"):
            cells.append(int(text))  # an id stored as a number: 1001
        elif index == MAX:
            cells.append(int(text))
        elif index == START:
            cells.append(datetime.date.fromisoformat(text))
        else:
            cells.append(text)  # '007' and '0042' stay text
    return cells


def notes_sheet(ws):
    ws.append(["Note", "Value"])
    ws.append(["Governors' review", True])
    ws.append(["Data checked", False])
    ws.append(["Count", 12.5])


# 1. openpyxl: shared strings, numbers, dates, a rich text name (an inline string with runs),
#    two sheets (the roster first).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Staff"
ws.append(HEADER)
for row in DATA:
    ws.append(typed(row))
ws.cell(row=2, column=NAME + 1).value = CellRichText(
    [TextBlock(InlineFont(b=True), "Ada"), " Voice"])
notes_sheet(wb.create_sheet("Notes"))
wb.save(os.path.join(HERE, "openpyxl-shared-strings.xlsx"))

# 2. XlsxWriter in constant_memory mode: inline strings, formulas with cached values, dates in
#    a custom dd/mm/yyyy format, the roster on the second sheet (read with --sheet Roster).
wb = xlsxwriter.Workbook(
    os.path.join(HERE, "xlsxwriter-inline-strings.xlsx"), {"constant_memory": True})
cover = wb.add_worksheet("Cover")
cover.write(0, 0, "Gateway teams 2026 (synthetic)")
sheet = wb.add_worksheet("Roster")
date_format = wb.add_format({"num_format": "dd/mm/yyyy"})
for r, row in enumerate(ROWS):
    for c, value in enumerate(typed(row) if r else row):
        if value is None:
            continue
        if r and c == MAX:
            sheet.write_formula(r, c, f"={value}*1", None, value)
        elif r and c == TEAM and value == "curriculum":
            sheet.write_formula(r, c, '=LOWER("CURRICULUM")', None, "curriculum")
        elif isinstance(value, datetime.date):
            sheet.write_datetime(r, c, datetime.datetime.combine(value, datetime.time()), date_format)
        else:
            sheet.write(r, c, value)
wb.close()

# 3. LibreOffice: an openpyxl workbook with formulas and no saved values (kept, to test the
#    warning), opened and saved as .xlsx by LibreOffice, which computes and stores the values.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Staff"
ws.append(HEADER)
for row in DATA:
    cells = typed(row)
    if cells[MAX] is not None:
        cells[MAX] = f"={cells[MAX]}+0"
    if cells[NAME] == "Cleo Inkpot":
        cells[NAME] = '="Cleo "&"Inkpot"'
    if cells[TEAM] == "afl":
        cells[TEAM] = '=LOWER("AFL")'
    ws.append(cells)
notes = wb.create_sheet("Notes")
notes_sheet(notes)
notes.append(["Formula true", "=TRUE()"])
notes.append(["Missing", "=NA()"])
source = os.path.join(HERE, "libreoffice-source.xlsx")
wb.save(source)
with tempfile.TemporaryDirectory() as out:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", out, source], check=True)
    shutil.move(os.path.join(out, "libreoffice-source.xlsx"),
                os.path.join(HERE, "libreoffice-formulas.xlsx"))

# 4. openpyxl with the 1904 date system (old Mac workbooks).
wb = openpyxl.Workbook()
wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
ws = wb.active
ws.title = "Dates"
ws.append(["start_date", "when"])
ws.append([datetime.date(2024, 9, 1), datetime.datetime(2024, 9, 1, 8, 30)])
ws.append([datetime.date(1904, 1, 2), datetime.time(13, 45, 30)])
wb.save(os.path.join(HERE, "openpyxl-1904-dates.xlsx"))

# Hostile inputs.
# A sheet with 10^4 columns (a header of 10^4 cells and one row).
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["staff_id", "team"] + [f"c{i}" for i in range(3, 10001)])
ws.append(["T01", "t1"] + ["x"] * 9998)
wb.save(os.path.join(HOSTILE, "columns-10000.xlsx"))

# A workbook cut short (the first half of fixture 1).
whole = open(os.path.join(HERE, "openpyxl-shared-strings.xlsx"), "rb").read()
open(os.path.join(HOSTILE, "truncated.xlsx"), "wb").write(whole[: len(whole) // 2])

# A zip bomb: a well-formed workbook whose sheet is 64 MB of spaces (about 64 KB deflated).
buffer = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(whole)) as model, zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
    for info in model.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
                for _ in range(64):
                    sheet.write(b" " * (1 << 20))
                sheet.write(b"</t></is></c></row></sheetData></worksheet>")
        else:
            bomb.writestr(info, model.read(info))
open(os.path.join(HOSTILE, "zip-bomb.xlsx"), "wb").write(buffer.getvalue())

# An Excel 97-2003 workbook, and a password-protected workbook (password: synthetic).
with tempfile.TemporaryDirectory() as out:
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", out,
                    os.path.join(HERE, "openpyxl-shared-strings.xlsx")], check=True)
    shutil.move(os.path.join(out, "openpyxl-shared-strings.xls"),
                os.path.join(HOSTILE, "old-format.xls"))
subprocess.run(["msoffcrypto-tool", "-e", "-p", "synthetic",
                os.path.join(HERE, "openpyxl-shared-strings.xlsx"),
                os.path.join(HOSTILE, "encrypted.xlsx")], check=True)

# A workbook whose sheet inflates past the size its directory declares (a lying zip bomb),
# and one whose sheet fails its CRC-32: fixture 1 with those central directory fields changed.
def patched(field_offset, value):
    data = bytearray(whole)
    with zipfile.ZipFile(io.BytesIO(whole)) as model:
        names = [info.filename for info in model.infolist()]
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = int.from_bytes(data[position + 28:position + 30], "little")
        name = data[position + 46:position + 46 + name_length].decode()
        if name == "xl/worksheets/sheet1.xml":
            data[position + field_offset:position + field_offset + 4] = value.to_bytes(4, "little")
        position = data.find(b"PK\x01\x02", position + 4)
    assert "xl/worksheets/sheet1.xml" in names
    return bytes(data)


open(os.path.join(HOSTILE, "lying-size.xlsx"), "wb").write(patched(24, 100))
open(os.path.join(HOSTILE, "bad-crc.xlsx"), "wb").write(patched(16, 0x12345678))
# Text named .xlsx, and a real workbook named .csv (read as the workbook it is).
open(os.path.join(HOSTILE, "not-a-zip.xlsx"), "w").write("staff_id,team\nT01,afl\n")
shutil.copy(os.path.join(HERE, "openpyxl-shared-strings.xlsx"),
            os.path.join(HOSTILE, "workbook-named.csv"))
