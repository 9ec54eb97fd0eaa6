#!/usr/bin/env python3
"""Writes the reader's fixtures: one synthetic roster as a clean long CSV (long.csv) and as
schools and spreadsheets save it (other encodings, separators, MIS-shaped headers, the list and
grid layouts). Every file must read to the same roster as long.csv
(Tests/GatewaysKitTests/RosterFixtureTests.swift compares the analyses). Names are synthetic.

    python3 Tests/Fixtures/Rosters/make_fixtures.py   # from the package root
"""
import csv, io, os

HERE = os.path.dirname(os.path.abspath(__file__))

# id, forename, surname, role, department, teams (team -> leader?)
PEOPLE = [
    ("AP1", "Ada", "Voice", "Assistant Principal", "Leadership", {"student-voice": True, "Coaching": False}),
    ("T01", "Ben", "Chalkwell", "Teacher of English", "English", {"student-voice": False, "afl": True}),
    ("T02", "Cleo", "Inkpot", "Teacher of Maths", "Maths", {"student-voice": False}),
    ("T03", "Zoé", "D’Arcy", "Head of Science", "Science", {"afl": False, "Coaching": True}),
    ("S01", "Dev", "Ledger", "Bursar (£ budgets)", "Business", {"Coaching": False}),
    ("S02", "Eli", "Quill", "Teaching Assistant", "Support", {"afl": False, "learning-to-learn": True}),
    ("S03", "Fay", "Marlow", "Data Manager", "Business", {}),
]
TEAMS = ["student-voice", "afl", "Coaching", "learning-to-learn"]


def text(rows, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def long_rows(header):
    rows = [header]
    for pid, fore, sur, role, dept, teams in PEOPLE:
        if not teams:
            rows.append([pid, f"{fore} {sur}", role, dept, "", ""])
        for team, leads in teams.items():
            rows.append([pid, f"{fore} {sur}", role, dept, team, "leader" if leads else "member"])
    return rows


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


long = long_rows(["staff_id", "name", "role", "department", "team", "team_role"])
write("long.csv", text(long).encode("utf-8"))
write("long-utf8-bom.csv", b"\xef\xbb\xbf" + text(long).encode("utf-8"))
write("long-semicolon.csv", text(long, ";").encode("utf-8"))
write("long-tab.tsv", text(long, "\t").encode("utf-8"))
# Excel's "Unicode Text": UTF-16 little-endian with a byte-order mark, tab-separated.
write("long-utf16le-tab.txt", text(long, "\t").encode("utf-16"))  # Python writes the LE BOM
write("long-utf16be.csv", b"\xfe\xff" + text(long).encode("utf-16-be"))
# Excel's "CSV (Comma delimited)" on Windows: Windows-1252 (é, £ and ’ are not UTF-8 here).
write("long-windows-1252.csv", text(long).encode("cp1252"))

# SIMS-like: a title and a blank line above the header, forename and surname, Post, a legal
# surname and a start date that are not read, one row per membership, Excel's empty rows.
sims = [["Staff list (synthetic)"], [], ["Staff Code", "Forename", "Surname", "Legal Surname",
        "Post", "Department", "Start Date", "Working Group", "Role in Team"]]
for pid, fore, sur, role, dept, teams in PEOPLE:
    if not teams:
        sims.append([pid, fore, sur, sur, role, dept, "2020-09-01", "", ""])
    for team, leads in teams.items():
        sims.append([pid, fore, sur, sur, role, dept, "2020-09-01", team, "Leader" if leads else ""])
sims.append([""] * 9)
write("sims-like.csv", text(sims).encode("utf-8"))

# Arbor-like list layout: one row per person, the teams in one cell, leaders marked.
arbor = [["Staff ID", "First Name", "Last Name", "Job Title", "Faculty", "Committees"]]
for pid, fore, sur, role, dept, teams in PEOPLE:
    cell = "; ".join(f"{t} (leader)" if leads else t for t, leads in teams.items())
    # One id written in another case: read as the same team, with a warning.
    cell = cell.replace("Coaching", "coaching") if pid == "S01" else cell
    arbor.append([pid, fore, sur, role, dept, cell])
write("arbor-like-list.csv", text(arbor).encode("utf-8"))

# List with '|' and '*' marking the leader, semicolon-separated.
pipes = [["Staff Number", "Preferred Forename", "Forename", "Preferred Surname", "Position",
          "Subject Area", "Teams"]]
for pid, fore, sur, role, dept, teams in PEOPLE:
    cell = " | ".join(f"*{t}" if leads else t for t, leads in teams.items())
    pipes.append([pid, fore, "Legal" + fore, sur, role, dept, cell])
write("list-pipes-semicolon.csv", text(pipes, ";").encode("utf-8"))

# Grid layout: a column per team, Y for a member and L for a leader.
grid = [["Payroll Number", "Full Name", "Job Title", "Department"] + TEAMS]
for pid, fore, sur, role, dept, teams in PEOPLE:
    marks = ["L" if teams.get(t) else ("Y" if t in teams else "") for t in TEAMS]
    grid.append([pid, f"{fore} {sur}", role, dept] + marks)
write("grid.csv", text(grid).encode("utf-8"))
