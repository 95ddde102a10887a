/**
 * Tradeport cloud: one Spring Boot application whose direct sub-packages are feature modules.
 */
@NullMarked
package io.tradeport.cloud;

import org.jspecify.annotations.NullMarked;
