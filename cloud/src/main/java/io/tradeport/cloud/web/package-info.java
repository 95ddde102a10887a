/**
 * The shared web shell: layout and navigation used by every part, the home page, error pages.
 */
@NullMarked
package io.tradeport.cloud.web;

import org.jspecify.annotations.NullMarked;
