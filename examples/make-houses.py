#!/usr/bin/env python3
"""Writes the README's example tables (synthetic houses; the standard library only, fixed seed):
houses.csv (200 rows, for `backprop train`), houses-test.csv (100 rows, `backprop evaluate`) and
houses-new.csv (5 rows without a price, `backprop predict`). Like real tables they hold a string
column and gaps: `district` is text, `year_built` is missing in about 1 row in 20.

Usage: python3 examples/make-houses.py   (rewrites the three files next to this script)
"""
import os
import random

DISTRICTS = {"centre": 60000.0, "north": 20000.0, "south": 0.0, "riverside": 35000.0}


def house(rng):
    area = round(rng.uniform(35, 220), 1)
    rooms = max(1, min(8, int(round(area / 30 + rng.gauss(0, 0.7)))))
    district = rng.choice(sorted(DISTRICTS))
    year = rng.randint(1900, 2024)
    price = (1800.0 * area + 6000.0 * rooms + DISTRICTS[district]
             + 400.0 * max(0, year - 1950) + rng.gauss(0, 6000))
    return area, rooms, district, (None if rng.random() < 0.05 else year), round(price, -2)


def write(path, rows, with_price, first_id):
    with open(path, "w", newline="\n") as f:
        f.write("id,area_m2,rooms,district,year_built" + (",price" if with_price else "") + "\n")
        for i, (area, rooms, district, year, price) in enumerate(rows):
            cells = [str(first_id + i), str(area), str(rooms), district, "" if year is None else str(year)]
            if with_price:
                cells.append("%.0f" % price)
            f.write(",".join(cells) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(20261203)
    rows = [house(rng) for _ in range(305)]
    write(os.path.join(here, "houses.csv"), rows[:200], True, 1)
    write(os.path.join(here, "houses-test.csv"), rows[200:300], True, 201)
    write(os.path.join(here, "houses-new.csv"), rows[300:], False, 301)


if __name__ == "__main__":
    main()
