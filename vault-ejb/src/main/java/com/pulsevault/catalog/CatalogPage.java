package com.pulsevault.catalog;

import java.util.List;

/** One page of a list, newest first; {@code next} is null on the last page. */
public record CatalogPage(List<CatalogEntry> items, CatalogCursor next) {
}
