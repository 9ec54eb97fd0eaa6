#!/usr/bin/env python3
"""Writes the trust fixtures of Tests/Fixtures/Trusts from one synthetic trust (every name is
made up): trust.csv (a long roster with school, person_id and team_school columns), its twin
trust.xlsx (the same rows, written by openpyxl 3.1.5) and trust.json (the same trust as a JSON
roster, with school on staff and teams, written by Python's json module). Run once:

    pip install openpyxl
    python3 Tests/Fixtures/Trusts/make_trust_fixtures.py

CI needs neither: the outputs are committed.
"""
import csv, json, os

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

# Each school's staff: id, name, role, person_id (a trust-wide id for someone in two schools).
STAFF = [
    ("O01", "Ada Voice", "Headteacher", "Oak", "T100"),
    ("O02", "Ben Chalk", "Teacher of Maths", "Oak", ""),
    ("O03", "Cleo Inkpot", "Teaching Assistant", "Oak", ""),
    ("E01", "Dev Quill", "Headteacher", "Elm", "T100"),
    ("E02", "Eve Slate", "Teacher of English", "Elm", ""),
    ("E03", "Fay Ruler", "Teacher of Science", "Elm", ""),
    ("E04", "Gus Easel", "Head of Art", "Elm", ""),
]
# Teams: id, school (or "trust"), gateway, leaders, members; a person of another school is
# (id, school).
TEAMS = [
    ("voice", "Oak", "student voice", ["O01"], ["O02", ("E02", "Elm")]),
    ("afl", "Oak", "assessment for learning", ["O02"], ["O03"]),
    ("coaching", "Elm", "mentoring and coaching", ["E01"], ["E02", "E04"]),
    ("network", "trust", "curriculum", [("O01", "Oak")], [("E01", "Elm"), "E04"]),
]
SCHOOL_OF = {s[0]: s[3] for s in STAFF}
PERSON = {s[0]: s for s in STAFF}

header = ["staff_id", "name", "role", "team", "team_role", "gateway", "school", "person_id",
          "team_school"]
rows = []
for staff_id, name, role, school, person in STAFF:
    rows.append([staff_id, name, role, "", "", "", school, person, ""])
for team, team_school, gateway, leaders, members in TEAMS:
    declaring = "Oak" if team_school == "trust" else team_school
    rows.append(["", "", "", team, "", gateway, declaring, "",
                 "trust" if team_school == "trust" else ""])
    for role_word, people in (("leader", leaders), ("member", members)):
        for person in people:
            staff_id = person[0] if isinstance(person, tuple) else person
            school = SCHOOL_OF[staff_id]
            _, name, role, _, person_id = PERSON[staff_id]
            other = "" if team_school == school else team_school
            rows.append([staff_id, name, role, team, role_word, "", school, person_id, other])

with open(os.path.join(HERE, "trust.csv"), "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)

book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Trust"
sheet.append(header)
for row in rows:
    sheet.append([cell if cell != "" else None for cell in row])
book.save(os.path.join(HERE, "trust.xlsx"))


def listed(person):
    return {"id": person[0], "school": person[1]} if isinstance(person, tuple) else person


document = {
    "staff": [
        dict({"id": i, "name": n, "role": r, "school": s}, **({"personId": p} if p else {}))
        for i, n, r, s, p in STAFF
    ],
    "teams": [
        {"id": t, "school": s, "gateway": g, "leaders": [listed(p) for p in l],
         "members": [listed(p) for p in m]}
        for t, s, g, l, m in TEAMS
    ],
}
with open(os.path.join(HERE, "trust.json"), "w") as out:
    json.dump(document, out, indent=2)
    out.write("\n")
