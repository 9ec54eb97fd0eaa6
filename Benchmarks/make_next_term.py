#!/usr/bin/env python3
"""Makes a "next term" of a roster written by `gateways-bench generate` (every column), for timing
`gateways compare OLD NEW`: drops 1 % of the rows, moves 1 % to another team (as a member), adds
2,000 staff (each on one existing team) and 200 new teams of five existing staff (the first
their leader), seeded, so the same input always gives the same file.

Usage: python3 Benchmarks/make_next_term.py OLD.csv NEW.csv
"""
import csv, random, sys
src, dst = sys.argv[1], sys.argv[2]
rng = random.Random(7)
with open(src, newline='', encoding='utf-8') as f:
    r = csv.reader(f); header = next(r); rows = list(r)
ti = header.index('team'); si = header.index('staff_id')
teams = {}
for row in rows:
    teams.setdefault(row[ti], row)
team_rows = list(teams.values())
out = []
for row in rows:
    x = rng.random()
    if x < 0.01: continue
    if x < 0.02 and row[ti]:
        t = rng.choice(team_rows)
        row = row[:]; 
        for k in range(ti, len(header)):
            if header[k] in ('team','team_name','gateway'): row[k] = t[k]
        if 'team_role' in header: row[header.index('team_role')] = 'member'
    out.append(row)
base = rows[:2000]
for i in range(2000):
    t = rng.choice(team_rows); row = base[i][:]
    row[si] = 'n%06d' % i
    for k in range(len(header)):
        if header[k] in ('team','team_name','gateway'): row[k] = t[k]
    if 'team_role' in header: row[header.index('team_role')] = 'member'
    if 'max_teams' in header: row[header.index('max_teams')] = '4'
    out.append(row)
for j in range(200):
    for m in range(5):
        row = rows[rng.randrange(len(rows))][:]
        row[ti] = 'x%05d' % j
        if 'team_name' in header: row[header.index('team_name')] = 'New team %d' % j
        if 'gateway' in header: row[header.index('gateway')] = 'student-voice'
        if 'team_role' in header: row[header.index('team_role')] = 'leader' if m == 0 else 'member'
        if 'max_teams' in header: row[header.index('max_teams')] = ''
        out.append(row)
with open(dst, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n'); w.writerow(header); w.writerows(out)
