/**
 * The embedded default's demo: on the first start, a demo user with an organization and an API client, printed
 * to the console so a developer can call the API at once. Nothing is seeded outside the embedded default.
 */
@NullMarked
package io.tradeport.cloud.demo;

import org.jspecify.annotations.NullMarked;
