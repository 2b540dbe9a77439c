#!/usr/bin/env python3
"""Writes FILE with ROWS rows of `a,y,note`: y = 2a + noise, and a 701-character text column `note`
(about 720 bytes a row, so 3.1 million rows make a 2.2 GB file). For over-2gib.sh."""
import random, sys
random.seed(3)
pad = "p" * 700
rows = int(sys.argv[2])
with open(sys.argv[1], "w") as f:
    f.write("a,y,note\n")
    buf = []
    for i in range(rows):
        a = random.random()
        buf.append(f"{a:.6f},{2 * a + 0.01 * random.random():.6f},{pad}{i % 10}\n")
        if len(buf) == 100000:
            f.write("".join(buf)); buf = []
    f.write("".join(buf))
