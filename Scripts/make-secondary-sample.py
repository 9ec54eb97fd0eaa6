#!/usr/bin/env python3
"""Writes Samples/secondary.csv: a fictional secondary school of 90 staff.

The structure is fixed by design (see Samples/README.md):
- main group: student voice, assessment for learning, learning to learn and curriculum (half A)
  and new technologies, advice and guidance, mentoring and coaching (half B). Within each half,
  neighbouring teams share at least two people, so only one person joins the halves: the key
  person (S021, on curriculum and new technologies).
- island: workforce development and design and organisation, linked to each other by one
  two people (so neither is a key person), with nobody on the main group.
- silos: the sixth-form council and KS3 reading, sharing nobody with any other team.
All names are invented (stationery-themed surnames). Deterministic: run it again, get the same file.
"""
import csv
import io
import os

FIRST = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou",
         "Max", "Ned", "Ona", "Pip", "Quin", "Ray", "Sol", "Tam", "Uma", "Val", "Wyn", "Xan",
         "Yas", "Zed", "Bea", "Cal", "Dot", "Em"]
LAST = ["Chalkwell", "Inkpot", "Rulerton", "Slatebury", "Pencilby", "Bookworth", "Globeham",
        "Quillfeather", "Abacus", "Papermill", "Crayonfield", "Easelby", "Jotterly",
        "Stapleton-Clip", "Satchelworth"]

# (role, staff_type, department, year_group, max_teams)
staff = []


def add(role, kind, dept, year="", cap=""):
    staff.append((role, kind, dept, year, cap))


add("Principal", "senior", "Leadership", "", "3")
add("Vice Principal (Curriculum)", "senior", "Leadership", "", "3")
add("Vice Principal (Pastoral)", "senior", "Leadership", "", "3")
for area in ["Teaching and Learning", "Student Voice", "Staff Development", "Inclusion"]:
    add(f"Assistant Principal ({area})", "senior", "Leadership", "", "3")
departments = ["Maths", "English", "Science", "Humanities", "Modern Languages", "Computing",
               "Arts", "PE", "Design Technology"]
for dept in departments:
    add(f"Head of {dept}", "middle", dept, "", "2")
for year in ["Year 7", "Year 8", "Year 9", "Year 10", "Year 11"]:
    add(f"Head of {year}", "middle", "Pastoral", year, "2")
add("Head of Sixth Form", "middle", "Pastoral", "Year 12", "2")
add("SENCo", "middle", "SEND", "", "2")
# Classroom teachers: 7 per core subject, fewer for the others; form tutors across the years.
teacher_counts = {"Maths": 7, "English": 7, "Science": 7, "Humanities": 6,
                  "Modern Languages": 5, "Computing": 3, "Arts": 4, "PE": 5,
                  "Design Technology": 4}
years = ["Year 7", "Year 8", "Year 9", "Year 10", "Year 11", "Year 12", "Year 13"]
tutor = 0
for dept, count in teacher_counts.items():
    for n in range(count):
        year = years[tutor % len(years)] if n % 2 == 0 else ""
        tutor += 1
        cap = "1" if n == count - 1 else ""
        add(f"Teacher of {dept}", "teacher", dept, year, cap)
support_roles = [
    ("Teaching Assistant", "SEND"), ("Teaching Assistant", "SEND"), ("Teaching Assistant", "SEND"),
    ("Teaching Assistant", "SEND"), ("Teaching Assistant", "SEND"),
    ("Higher Level Teaching Assistant", "SEND"), ("Learning Mentor", "Pastoral"),
    ("Careers Adviser", "Pastoral"), ("Attendance Officer", "Pastoral"),
    ("Pastoral Manager", "Pastoral"), ("Data Manager", "Administration"),
    ("Exams Officer", "Administration"), ("Business Manager", "Administration"),
    ("Receptionist", "Administration"), ("Librarian", "English"),
    ("Science Technician", "Science"), ("IT Technician", "Computing"),
    ("Cover Supervisor", "Administration"), ("Site Manager", "Administration"),
]
for role, dept in support_roles:
    add(role, "support", dept)
assert len(staff) == 90, len(staff)

ids = [f"S{n:03d}" for n in range(1, len(staff) + 1)]
names = {}
for n, sid in enumerate(ids):
    names[sid] = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n * 7) % len(LAST)]}"
# Make names unique and obviously fictional.
seen = set()
for sid in ids:
    name = names[sid]
    assert name not in seen, name
    seen.add(name)
    names[sid] = name

# Teams: (team id, gateway as a school writes it, leader, members)
# Index helpers: S001 principal, S002-S003 VPs, S004-S007 APs, S008-S016 heads of dept,
# S017-S021 heads of year 7-11, S022 head of sixth form, S023 SENCo, S024-S071 teachers,
# S072-S090 support.
teams = [
    # Half A of the main group.
    ("student-voice", "Student Voice", "S005", ["S017", "S024", "S030", "S073", "S036"]),
    ("afl", "AfL", "S004", ["S030", "S036", "S042", "S047", "S008"]),
    ("learning-to-learn", "Learning to Learn", "S018", ["S042", "S047", "S052", "S078", "S009"]),
    ("curriculum", "Curriculum", "S002", ["S052", "S009", "S010", "S017", "S021"]),
    # Half B, joined to half A only through S021 (Head of Year 11).
    ("new-technologies", "New Technologies", "S013", ["S021", "S060", "S064", "S088", "S066"]),
    ("advice-and-guidance", "Advice and Guidance", "S003",
     ["S060", "S064", "S079", "S022", "S080"]),
    ("mentoring-and-coaching", "Mentoring and Coaching", "S023",
     ["S079", "S022", "S075", "S066", "S070"]),
    # The island: two teams linked by S006 and S007, apart from everyone else.
    ("workforce-development", "Workforce Development", "S006",
     ["S007", "S026", "S038", "S084"]),
    ("design-and-organisation", "School design and organisation", "S001",
     ["S006", "S007", "S085", "S032"]),
    # Two silos.
    ("sixth-form-council", "Student Voice", "S019", ["S044", "S058", "S074"]),
    ("ks3-reading", "Curriculum", "S011", ["S029", "S086", "S076"]),
]

out = io.StringIO()
writer = csv.writer(out, lineterminator="\n")
writer.writerow(["Staff ID", "Name", "Role", "Staff Type", "Department", "Year Group",
                 "Max Teams", "Team", "Gateway", "Team Role"])
on_team = set()
rows = []
for team, gateway, leader, members in teams:
    for sid in [leader] + members:
        on_team.add(sid)
        rows.append((sid, team, gateway, "leader" if sid == leader else "member"))
for sid in ids:
    if sid not in on_team:
        rows.append((sid, "", "", ""))
rows.sort(key=lambda r: (r[0], r[1]))
for sid, team, gateway, team_role in rows:
    role, kind, dept, year, cap = staff[ids.index(sid)]
    writer.writerow([sid, names[sid], role, kind, dept, year, cap, team, gateway, team_role])

path = os.path.join(os.path.dirname(__file__), "..", "Samples", "secondary.csv")
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write(out.getvalue())
