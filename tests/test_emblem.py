"""The EU emblem follows the official construction."""

import math
import re

from clustersite.pages.eu_emblem import HEIGHT, REFLEX_BLUE, WIDTH, YELLOW, eu_emblem_svg


def test_emblem_geometry():
    svg = str(eu_emblem_svg("Flag of the European Union"))
    width, height = map(float, re.search(r'viewBox="0 0 (\S+) (\S+)"', svg).groups())
    assert width / height == 1.5
    assert f'fill="{REFLEX_BLUE}"' in svg and f'fill="{YELLOW}"' in svg
    stars = [[tuple(map(float, p.split(","))) for p in points.split()] for points in re.findall(r'<polygon points="([^"]+)"', svg)]
    assert len(stars) == 12 and all(len(star) == 10 for star in stars)  # five-pointed: 5 tips, 5 inner corners
    centre = (WIDTH / 2, HEIGHT / 2)
    for star in stars:
        tips = star[0::2]
        cx = sum(x for x, _ in tips) / 5
        cy = sum(y for _, y in tips) / 5
        assert math.isclose(math.dist((cx, cy), centre), HEIGHT / 3, abs_tol=0.05)
        assert all(math.isclose(math.dist((cx, cy), tip), HEIGHT / 18, abs_tol=0.05) for tip in tips)
        assert math.isclose(tips[0][0], cx, abs_tol=0.01) and tips[0][1] < cy  # one point straight up
    angles = sorted(round(math.degrees(math.atan2(sum(p[0] for p in s[0::2]) / 5 - centre[0],
                                                  centre[1] - sum(p[1] for p in s[0::2]) / 5))) % 360 for s in stars)
    assert angles == list(range(0, 360, 30))  # at the hours of a clock face
    assert 'role="img" aria-label="Flag of the European Union"' in svg
