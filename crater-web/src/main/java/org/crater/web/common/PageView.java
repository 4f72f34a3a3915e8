package org.crater.web.common;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items match in all
 */
public record PageView<T>(List<T> items, int page, int size, long total) {}
